// Reloading a page that a refused form rendered (at the form's POST-only address) must not end in a
// 404 (issue 13): the GET goes to the page the form was on. Every POST-only address has such a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formReloadTarget } from '../src/plugins/form-reload.ts';
import { buildUser, sessionCookie } from './support/factories.ts';
import { Visitor } from './support/http.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const sample = (url: string) => url.replace(/:(\w+)/g, (_m, name: string) => `sample-${name}`);

describe('reloading a refused form', () => {
  it('sends a GET to any POST-only address to the page above it, for every such route', () => {
    const routes = t.app.routeRegistry;
    const target = formReloadTarget(routes);
    const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
    const postOnly = routes.filter((r) => r.method === 'POST' && !gets.has(r.url) && !r.url.startsWith('/api/'));
    expect(postOnly.length).toBeGreaterThan(40);
    const missing = postOnly.filter((r) => target(sample(r.url), true) === null).map((r) => r.url);
    expect(missing).toEqual([]);
  });

  it('answers 303 to that page over HTTP, and still 404 for an address nothing serves', async () => {
    const reload = await t.app.inject({ method: 'GET', url: '/schools/6812308/priorities/x/state?lang=cy' });
    expect(reload.statusCode).toBe(303);
    expect(reload.headers.location).toBe('/schools/6812308/priorities/x');
    // A page route that reads the address as its own parameter (/notifications/:id) and refuses it.
    const user = await buildUser(t.database.db, { role: 'practitioner', scopeId: '6812308' });
    const reader = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
    const readAll = await reader.get('/notifications/read-all');
    expect([readAll.statusCode, readAll.headers.location]).toEqual([303, '/notifications']);
    expect((await t.app.inject({ method: 'GET', url: '/schools/6812308/no-such-page' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/no/such/page' })).statusCode).toBe(404);
  });

  it('never sends anyone off this site', () => {
    const target = formReloadTarget([
      { method: 'GET', url: '/' },
      { method: 'POST', url: '/:a/:b' },
    ]);
    expect(target('//evil.example/x')).toBeNull();
    expect(target('/\\evil.example/x')).toBeNull();
    expect(target('/a/b')).toBe('/');
  });
});
