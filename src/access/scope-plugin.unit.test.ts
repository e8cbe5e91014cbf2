import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { HttpError } from '../lib/http-error.ts';
import { policyPlugin, type RegisteredRoute } from '../plugins/policy.ts';
import { coarseAccess, decide, type Access } from '../policy/policy.ts';
import type { CurrentUser } from '../policy/roles.ts';
import { ensureCan, reloadScope, requestScope, schoolScope } from './request-scope.ts';
import type { ScopeLoaders } from './scope-loaders.ts';
import { scopePlugin } from './scope-plugin.ts';

const officer: CurrentUser = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'officer@example.test',
  displayName: 'Officer',
  assignments: [{ role: 'la_officer', scopeType: 'la', scopeId: '681' }],
};

type Call = { scope: string; ids: Record<string, string>; need: unknown };

/** Loaders that record what they were asked and answer by the school number: 404, 403 or a context. */
function fakeLoaders(calls: Call[]): ScopeLoaders {
  const loader = (scope: string, params: string[]) => ({
    params,
    load: async (_db: Db, _request: unknown, ids: Record<string, string>, need: unknown) => {
      calls.push({ scope, ids, need });
      if (ids.number === 'unknown') throw new HttpError(404, 'not-found');
      if (ids.number === 'look-only') throw new HttpError(403, 'forbidden');
      return {
        school: { number: ids.number ?? '', name: 'A school', laCode: '681', governingBodyId: null },
        can: { edit: need === 'edit' },
      };
    },
    cans: (context: { can: object }) => ({ [scope]: context.can }),
  });
  return {
    school: loader('school', ['number']),
    governingBody: loader('governingBody', ['number']),
    national: loader('national', []),
    collaborative: loader('collaborative', ['id']),
    enquiry: loader('enquiry', ['id', 'enquiryId']),
    la: loader('la', ['code']),
    partnership: loader('partnership', ['id']),
    plan: loader('plan', ['planId']),
    round: loader('round', ['roundId']),
    concernCase: loader('concernCase', ['id']),
    caseStudy: loader('caseStudy', ['id']),
  } as unknown as ScopeLoaders;
}

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

async function build(calls: Call[], register: (app: FastifyInstance) => void, registry: RegisteredRoute[] = []) {
  const instance = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  instance.decorateRequest('user', null);
  // Stands in for the session plugin: a header says who is signed in.
  instance.addHook('onRequest', async (request) => {
    if (request.headers['x-user'] === 'officer') request.user = officer;
  });
  await instance.register(policyPlugin, { registry });
  await instance.register(scopePlugin, { db: {} as Db, loaders: fakeLoaders(calls) });
  register(instance);
  await instance.ready();
  app = instance;
  return instance;
}

const signedIn = { 'x-user': 'officer' };

describe('the scope hook', () => {
  function schoolRoutes(instance: FastifyInstance) {
    instance.get(
      '/schools/:number',
      {
        config: { access: { scope: 'school' } },
        schema: { params: Type.Object({ number: Type.String({ pattern: '^[\\w-]+$' }) }) },
      },
      async (request) => ({ ctx: schoolScope(request) }),
    );
    instance.post(
      '/schools/:number/edit',
      { config: { access: { scope: 'school', need: 'edit' } } },
      async (request) => ({ can: schoolScope(request).can }),
    );
    instance.get(
      '/a/:schoolNumber',
      { config: { access: { scope: 'school', params: { number: 'schoolNumber' } } } },
      async (request) => ({ number: schoolScope(request).school.number }),
    );
    instance.get(
      '/plans-only/:number',
      { config: { access: { scope: 'school', permission: 'plans.read' } } },
      async () => 'reached',
    );
    instance.get('/wrong/:number', { config: { access: { scope: 'school' } } }, async (request) =>
      requestScope(request, 'la'),
    );
    instance.get('/unscoped/:number', { config: { access: { signedIn: true } } }, async (request) => ({
      scope: request.accessScope,
    }));
  }

  it('loads the declared scope with its default need and gives the handler its context', async () => {
    const calls: Call[] = [];
    const instance = await build(calls, schoolRoutes);
    const response = await instance.inject({ url: '/schools/6612345', headers: signedIn });
    expect(response.statusCode).toBe(200);
    expect(response.json().ctx.school.number).toBe('6612345');
    expect(calls).toEqual([{ scope: 'school', ids: { number: '6612345' }, need: 'viewArea' }]);
  });

  it('passes the declared need to the loader', async () => {
    const calls: Call[] = [];
    const instance = await build(calls, schoolRoutes);
    const response = await instance.inject({ method: 'POST', url: '/schools/6612345/edit', headers: signedIn });
    expect(response.json()).toEqual({ can: { edit: true } });
    expect(calls[0]?.need).toBe('edit');
  });

  it("refuses with the loader's 404 or 403 before the handler runs", async () => {
    const instance = await build([], schoolRoutes);
    expect((await instance.inject({ url: '/schools/unknown', headers: signedIn })).statusCode).toBe(404);
    expect(
      (await instance.inject({ method: 'POST', url: '/schools/look-only/edit', headers: signedIn })).statusCode,
    ).toBe(403);
  });

  it('reads a key from a parameter of another name when the route says so', async () => {
    const calls: Call[] = [];
    const instance = await build(calls, schoolRoutes);
    expect((await instance.inject({ url: '/a/6699999', headers: signedIn })).json()).toEqual({ number: '6699999' });
    expect(calls[0]?.ids).toEqual({ number: '6699999' });
  });

  it('sends an anonymous visitor to sign in without loading anything', async () => {
    const calls: Call[] = [];
    const instance = await build(calls, schoolRoutes);
    const anonymous = await instance.inject({ url: '/schools/6612345' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent('/schools/6612345')}`);
    expect((await instance.inject({ url: '/plans-only/6612345', headers: signedIn })).statusCode).toBe(200);
    expect(calls.map((c) => c.ids.number)).toEqual(['6612345']);
  });

  it('refuses a coarse permission the user lacks before the loader runs', async () => {
    const calls: Call[] = [];
    const instance = await build(calls, (i) => {
      i.get(
        '/audit-school/:number',
        { config: { access: { scope: 'school', permission: 'audit.read' } } },
        async () => 'reached',
      );
    });
    expect((await instance.inject({ url: '/audit-school/6612345', headers: signedIn })).statusCode).toBe(403);
    expect(calls).toEqual([]);
  });

  it('runs after validation: a parameter out of shape is a 400 and loads nothing', async () => {
    const calls: Call[] = [];
    const instance = await build(calls, schoolRoutes);
    expect((await instance.inject({ url: '/schools/no%20spaces', headers: signedIn })).statusCode).toBe(400);
    expect(calls).toEqual([]);
  });

  it('leaves a route without a scope alone', async () => {
    const calls: Call[] = [];
    const instance = await build(calls, schoolRoutes);
    expect((await instance.inject({ url: '/unscoped/6612345', headers: signedIn })).json()).toEqual({ scope: null });
    expect(calls).toEqual([]);
  });

  it('fails loudly when a handler reads a scope its route did not declare', async () => {
    const instance = await build([], schoolRoutes);
    expect((await instance.inject({ url: '/wrong/6612345', headers: signedIn })).statusCode).toBe(500);
  });

  it('refuses at start-up a route whose URL lacks a parameter its scope reads', async () => {
    await expect(
      build([], (i) => {
        i.get('/schools/:numberish', { config: { access: { scope: 'school' } } }, async () => 'never');
      }),
    ).rejects.toThrow('Route GET /schools/:numberish declares the school scope but has no :number');
  });

  it('loads the declared scope again when the handler asks, with the same need, refusing as the hook would', async () => {
    const calls: Call[] = [];
    const instance = await build(calls, (i) => {
      i.post('/schools/:number/again', { config: { access: { scope: 'school', need: 'edit' } } }, async (request) => ({
        can: (await reloadScope(request, 'school')).can,
      }));
      i.get('/unscoped-again/:number', { config: { access: { signedIn: true } } }, async (request) =>
        reloadScope(request, 'school'),
      );
    });
    expect(
      (await instance.inject({ method: 'POST', url: '/schools/6612345/again', headers: signedIn })).json(),
    ).toEqual({ can: { edit: true } });
    expect(calls.map((c) => c.need)).toEqual(['edit', 'edit']);
    expect((await instance.inject({ url: '/unscoped-again/6612345', headers: signedIn })).statusCode).toBe(500);
  });

  it('tells a page whether a link will open, by the link route’s declared need and the page’s loaded can', async () => {
    const instance = await build([], (i) => {
      i.get('/schools/:number/editor', { config: { access: { scope: 'school', need: 'edit' } } }, async (request) => ({
        editor: request.canOpen(`/schools/${schoolScope(request).school.number}/editor`),
      }));
      i.get('/schools/:number/reader', { config: { access: { scope: 'school' } } }, async (request) => ({
        editor: request.canOpen(`/schools/${schoolScope(request).school.number}/editor`),
        audit: request.canOpen('/audit-only'),
        nowhere: request.canOpen('/nowhere'),
      }));
      i.get('/audit-only', { config: { access: { permission: 'audit.read' } } }, async () => 'never');
    });
    expect((await instance.inject({ url: '/schools/6612345/editor', headers: signedIn })).json()).toEqual({
      editor: true,
    });
    expect((await instance.inject({ url: '/schools/6612345/reader', headers: signedIn })).json()).toEqual({
      editor: false,
      audit: false,
      nowhere: false,
    });
  });

  it('records the coarse access and the declared scope and need in the route registry', async () => {
    const registry: RegisteredRoute[] = [];
    await build([], schoolRoutes, registry);
    const find = (url: string) => registry.find((r) => r.url === url);
    expect(find('/schools/:number')).toMatchObject({
      access: { signedIn: true },
      scope: { scope: 'school', need: 'viewArea' },
    });
    expect(find('/schools/:number/edit')).toMatchObject({
      access: { signedIn: true },
      scope: { scope: 'school', need: 'edit' },
    });
    expect(find('/plans-only/:number')).toMatchObject({
      access: { permission: 'plans.read' },
      scope: { scope: 'school', need: 'viewArea' },
    });
    expect(find('/unscoped/:number')).toMatchObject({ access: { signedIn: true }, scope: null });
  });
});

describe('a scoped access', () => {
  it('implies signed in, or its permission when it names one', () => {
    expect(coarseAccess({ scope: 'la', need: 'officer' })).toEqual({ signedIn: true });
    expect(coarseAccess({ scope: 'la', permission: 'la.manage' })).toEqual({ permission: 'la.manage' });
    expect(decide(null, { scope: 'school' })).toBe('sign-in');
    expect(decide(officer, { scope: 'school' })).toBe('allow');
    expect(decide(officer, { scope: 'school', permission: 'audit.read' })).toBe('forbidden');
  });

  it("takes only the scope's own needs (checked by the type checker)", () => {
    const fine: Access[] = [
      { scope: 'governingBody', need: 'approvePlan' },
      { scope: 'la', need: 'concern' },
      { scope: 'enquiry', need: 'writeNote' },
    ];
    // @ts-expect-error 'concern' is an LA need, not a school's
    const wrong: Access = { scope: 'school', need: 'concern' };
    expect(fine.length + [wrong].length).toBe(4);
  });
});

describe('ensureCan', () => {
  it('refuses with 403 what the context does not allow', () => {
    expect(() => ensureCan({ edit: false, view: true }, 'edit')).toThrow(HttpError);
    expect(() => ensureCan({ edit: false, view: true }, 'view')).not.toThrow();
  });
});
