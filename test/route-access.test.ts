// The route walker (docs/ARCHITECTURE.md section 4): every registered route, for every kind of visitor,
// against a table of who holds each permission (test/support/permission-holders.ts), written independently
// of src/policy/policy.ts. Record-level access on real records: test/route-scopes.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { feature } from '../src/features/feature.ts';
import { features } from '../src/features/index.ts';
import type { RegisteredRoute } from '../src/plugins/policy.ts';
import { ROLE_NAMES, type Role } from '../src/policy/roles.ts';
import { buildPartnership } from './support/collaboration-factories.ts';
import { buildUser, sessionCookie } from './support/factories.ts';
import { Visitor } from './support/http.ts';
import { PERMISSION_HOLDERS } from './support/permission-holders.ts';
import { fillPath } from './support/route-params.ts';
import { createTestApp, testConfig, type TestApp } from './support/test-app.ts';

type Persona = { name: string; role: Role | null; signedIn: boolean };
const PERSONAS: Persona[] = [
  { name: 'anonymous', role: null, signedIn: false },
  { name: 'signed in with no role', role: null, signedIn: true },
  ...ROLE_NAMES.map((role) => ({ name: role, role, signedIn: true })),
];

type Expected = 'allowed' | 'sign-in' | 'forbidden';

function expectedFor(route: RegisteredRoute, persona: Persona): Expected {
  const access = route.access as Record<string, unknown>;
  if (access.public === true) return 'allowed';
  if (!persona.signedIn) return 'sign-in';
  if (access.signedIn === true) return 'allowed';
  const permission = access.permission;
  if (typeof permission !== 'string' || !(permission in PERMISSION_HOLDERS)) {
    throw new Error(`${route.method} ${route.url}: access ${JSON.stringify(access)} is not in this test's table`);
  }
  return persona.role && PERMISSION_HOLDERS[permission]!.includes(persona.role) ? 'allowed' : 'forbidden';
}

type Outcome = { status: number; location: string | undefined };

/** What actually happened, in the terms of the table. */
function classify(url: string, method: string, outcome: Outcome): Expected | 'error' {
  const { status, location } = outcome;
  if (status >= 500) return 'error';
  if (url.startsWith('/api/')) {
    if (status === 401) return 'sign-in';
  } else if (status === 303 && location !== undefined) {
    const guard = method === 'GET' ? location === `/sign-in?next=${encodeURIComponent(url)}` : location === '/sign-in';
    if (guard) return 'sign-in';
  }
  if (status === 401) return 'sign-in';
  if (status === 403) return 'forbidden';
  return 'allowed';
}

let t: TestApp;
const users = new Map<Role, string>();
let noRoleUserId: string;

beforeAll(async () => {
  t = await createTestApp();
  // A coordinator needs a partnership to coordinate; every other role takes buildUser's default scope.
  const partnership = await buildPartnership(t.database.db, ['681', '680']);
  for (const role of ROLE_NAMES)
    users.set(
      role,
      (
        await buildUser(t.database.db, {
          role,
          ...(role === 'partnership_coordinator' ? { scopeId: partnership.id } : {}),
        })
      ).id,
    );
  noRoleUserId = (await buildUser(t.database.db)).id;
});
afterAll(() => t.close());

describe('the route registry', () => {
  it('lists every route with its declared access', () => {
    const routes = t.app.routeRegistry.map(({ method, url, access }) => ({ method, url, access }));
    expect(routes.length).toBeGreaterThan(10);
    expect(routes).toContainEqual({ method: 'GET', url: '/admin/users', access: { permission: 'users.manage' } });
    expect(routes).toContainEqual({ method: 'POST', url: '/sign-out', access: { signedIn: true } });
    expect(routes).toContainEqual({ method: 'GET', url: '/healthz', access: { public: true } });
    expect(routes.every((r) => r.method !== 'HEAD')).toBe(true);
  });

  it('refuses to build an app with a route that declares no access', async () => {
    const careless = feature<never>(async (app) => {
      app.get('/forgot-to-declare', async () => 'open by omission');
    }, {});
    features.push(careless);
    try {
      await expect(buildApp({ config: testConfig(), database: t.database, mailer: null })).rejects.toThrow(
        'Route GET /forgot-to-declare declares no config.access',
      );
    } finally {
      features.splice(features.indexOf(careless), 1);
    }
  });
});

describe('every route for every persona', () => {
  it.each(PERSONAS)('$name gets exactly what the table allows', async (persona) => {
    const userId = persona.role ? users.get(persona.role)! : persona.signedIn ? noRoleUserId : null;
    const visitor = new Visitor(t.app);
    if (userId) visitor.withCookie(await sessionCookie(t.database.db, userId));
    const csrf = await visitor.csrfToken();
    const mismatches: string[] = [];
    for (const route of t.app.routeRegistry) {
      // A fresh session each time: a route such as sign-out may end the one before.
      if (userId) visitor.withCookie(await sessionCookie(t.database.db, userId));
      const url = fillPath(route.url);
      const response = route.method === 'GET' ? await visitor.get(url) : await visitor.post(url, {}, { csrf });
      const expected = expectedFor(route, persona);
      const actual = classify(url, route.method, {
        status: response.statusCode,
        location: response.headers.location as string | undefined,
      });
      if (actual !== expected)
        mismatches.push(
          `${route.method} ${url}: expected ${expected}, got ${actual} (${response.statusCode} ${response.headers.location ?? ''})`,
        );
    }
    expect(mismatches).toEqual([]);
  });

  it('walked at least one route of each kind of access', () => {
    const kinds = new Set(t.app.routeRegistry.map((r) => Object.keys(r.access)[0]));
    expect([...kinds].sort()).toEqual(['permission', 'public', 'signedIn']);
  });
});
