import { asc, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../src/db/client.ts';
import {
  auditLog,
  passwordTokens,
  roleAssignments,
  sessions,
  signInClientFailures,
  signInFailures,
  users,
} from '../src/db/schema/index.ts';
import { buildAdministrator, buildUser, sessionCookie, TEST_PASSWORD } from './support/factories.ts';
import { pageText, Visitor } from './support/http.ts';
import { fillPath } from './support/route-params.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function cookiesOf(response: { headers: Record<string, unknown> }): Map<string, string> {
  const all = [response.headers['set-cookie'] ?? []].flat() as string[];
  return new Map(all.map((c) => [c.slice(0, c.indexOf('=')), c]));
}

function cspDirectives(header: unknown): Map<string, string[]> {
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('Content Security Policy and framing', () => {
  it('allows only scripts carrying this response’s nonce, never inline code in general', async () => {
    const first = await t.app.inject('/sign-in');
    const csp = cspDirectives(first.headers['content-security-policy']);
    expect(String(first.headers['content-security-policy'])).not.toContain('unsafe-inline');
    expect(String(first.headers['content-security-policy'])).not.toContain('unsafe-eval');
    expect(csp.get('default-src')).toEqual(["'self'"]);
    const nonces = csp.get('script-src')!.filter((v) => v.startsWith("'nonce-"));
    expect(nonces).toHaveLength(1);
    const nonce = nonces[0]!.slice("'nonce-".length, -1);
    expect(nonce.length).toBeGreaterThanOrEqual(16);

    const scripts = [...first.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const second = await t.app.inject('/sign-in');
    expect(second.headers['content-security-policy']).not.toContain(nonce);
  });

  it('refuses to be framed', async () => {
    const response = await t.app.inject('/');
    expect(cspDirectives(response.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'none'"]);
    expect(['DENY', 'SAMEORIGIN']).toContain(response.headers['x-frame-options']);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('cookies', () => {
  async function cookiesFrom(app: TestApp) {
    const user = await buildUser(app.database.db);
    const visitor = new Visitor(app.app);
    const csrf = cookiesOf(await visitor.get('/sign-in')).get('cyd_csrf');
    const lang = cookiesOf(await visitor.get('/sign-in?lang=cy')).get('cyd_lang');
    const signIn = await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(signIn.statusCode).toBe(303);
    const session = cookiesOf(signIn).get('cyd_session');
    return { csrf, lang, session };
  }

  it('are HttpOnly and SameSite=Lax, and not Secure unless configured', async () => {
    const cookies = await cookiesFrom(t);
    for (const [name, cookie] of Object.entries(cookies)) {
      expect(cookie, name).toBeDefined();
      expect(cookie, name).toMatch(/; HttpOnly/i);
      expect(cookie, name).toMatch(/; SameSite=Lax/i);
      expect(cookie, name).not.toMatch(/; Secure/i);
    }
  });

  it('are Secure, with HSTS, when SECURE_COOKIES=true', async () => {
    const secure = await createTestApp({ database: t.database, env: { SECURE_COOKIES: 'true' } });
    try {
      const cookies = await cookiesFrom(secure);
      for (const [name, cookie] of Object.entries(cookies)) {
        expect(cookie, name).toMatch(/; Secure/i);
        expect(cookie, name).toMatch(/; HttpOnly/i);
        expect(cookie, name).toMatch(/; SameSite=Lax/i);
      }
      expect((await secure.app.inject('/')).headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await secure.app.close();
    }
  });
});

/** Everything a refused form could have changed. */
async function snapshot(db: Db) {
  return {
    users: await db.select().from(users).orderBy(asc(users.id)),
    assignments: await db.select().from(roleAssignments).orderBy(asc(roleAssignments.id)),
    sessions: await db.$count(sessions),
    audit: await db.$count(auditLog),
    tokens: await db.$count(passwordTokens),
    usedTokens: await db.$count(passwordTokens, isNotNull(passwordTokens.usedAt)),
    signInFailures: await db.$count(signInFailures),
    signInClientFailures: await db.$count(signInClientFailures),
  };
}

describe('CSRF protection', () => {
  it('refuses every POST route without a valid token, and changes nothing', async () => {
    const adminUser = await buildAdministrator(t.database.db);
    // Also an LA officer and a WG official, so routes for LA staff and for WG reach the token check too.
    await t.database.db.insert(roleAssignments).values([
      { userId: adminUser.id, role: 'la_officer', scopeType: 'la', scopeId: '681' },
      { userId: adminUser.id, role: 'wg_official', scopeType: 'national', scopeId: null },
    ]);
    const admin = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, adminUser.id));
    const created = await admin.post('/admin/users', {
      displayName: 'Target',
      email: 'target@example.test',
      preferredLanguage: 'en',
      role: 'la_officer',
      scopeId: '681',
    });
    expect(created.statusCode).toBe(201);
    const token = /\/set-password\/([\w-]{43})/.exec(created.body)![1]!;
    const [target] = await t.database.db
      .select()
      .from(users)
      .where(sql`${users.email} = 'target@example.test'`);
    const [assignment] = await t.database.db
      .select()
      .from(roleAssignments)
      .where(sql`${roleAssignments.userId} = ${target!.id}`);

    // A form each route would act on, if it got that far.
    const forms: Record<string, Record<string, string>> = {
      '/sign-in': { email: 'target@example.test', password: 'wrong password here' },
      '/account/password': {
        currentPassword: TEST_PASSWORD,
        newPassword: 'a brand new phrase',
        confirmPassword: 'a brand new phrase',
      },
      '/set-password/:token': { password: 'otter kettle lantern', confirmPassword: 'otter kettle lantern' },
      '/admin/users': {
        displayName: 'Forged',
        email: 'forged@example.test',
        preferredLanguage: 'en',
        role: 'wg_official',
        scopeId: '',
      },
      '/admin/users/:id/assignments': { role: 'wg_official', scopeId: '' },
      '/admin/users/:id/status': { active: 'false' },
      '/admin/directory/apply': { sha256: 'a'.repeat(64), extension: 'ods', fileName: 'address-list.ods' },
    };
    const params: Record<string, string> = { id: target!.id, assignmentId: assignment!.id, token };
    const other = new Visitor(t.app);
    const someoneElsesToken = await other.csrfToken();

    const posts = t.app.routeRegistry.filter((r) => r.method === 'POST');
    expect(posts.filter((r) => r.url in forms).length).toBeGreaterThanOrEqual(7);
    const before = await snapshot(t.database.db);
    const unexpected: string[] = [];
    for (const route of posts) {
      const url = fillPath(route.url, params);
      for (const csrf of [false, 'forged-token', someoneElsesToken] as const) {
        const response = await admin.post(url, forms[route.url] ?? {}, { csrf });
        // The token is checked on preHandler, after body validation: a route given no sample form
        // above may answer 400 to the empty one first, or 404 to a path whose filled-in parameter
        // is not of its shape. Refused either way; the snapshot shows nothing changed.
        const refused =
          response.statusCode === 403
            ? pageText(response.body).includes('This form has expired')
            : !(route.url in forms) && [400, 404].includes(response.statusCode);
        if (!refused) unexpected.push(`${route.url} with ${csrf || 'no token'}: ${response.statusCode}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(await snapshot(t.database.db)).toEqual(before);
    // The administrator is still signed in: even sign-out needs a token.
    expect((await admin.get('/account')).statusCode).toBe(200);
  });
});

describe('limits', () => {
  it('answers a body over BODY_LIMIT_BYTES with a 413 page', async () => {
    const small = await createTestApp({ database: t.database, env: { BODY_LIMIT_BYTES: '2048' } });
    try {
      const visitor = new Visitor(small.app);
      const fits = await visitor.post('/sign-in', { email: 'someone@example.test', password: 'x'.repeat(1000) });
      expect(fits.statusCode).toBe(400);
      const response = await visitor.post('/sign-in', { email: 'someone@example.test', password: 'x'.repeat(5000) });
      expect(response.statusCode).toBe(413);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(pageText(response.body)).toContain('What you sent is too large');
    } finally {
      await small.app.close();
    }
  });

  it('answers too many requests with a 429 page in the visitor’s language, but never limits /healthz', async () => {
    const limited = await createTestApp({ database: t.database, env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      for (let i = 0; i < 3; i++) expect((await limited.app.inject('/privacy')).statusCode).toBe(200);
      const english = await limited.app.inject('/privacy');
      expect(english.statusCode).toBe(429);
      expect(pageText(english.body)).toContain('Too many requests');
      const welsh = await limited.app.inject({ url: '/privacy', cookies: { cyd_lang: 'cy' } });
      expect(welsh.statusCode).toBe(429);
      expect(pageText(welsh.body)).toContain('Gormod o geisiadau');
      expect((await limited.app.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await limited.app.close();
    }
  });

  it('limits sign-in attempts more tightly than other pages', async () => {
    const limited = await createTestApp({ database: t.database, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const visitor = new Visitor(limited.app);
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await visitor.post('/sign-in', { email: 'nobody@example.test', password: 'wrong' })).statusCode);
      expect(statuses).toEqual([400, 400, 429]);
      expect((await visitor.get('/sign-in')).statusCode).toBe(200);
    } finally {
      await limited.app.close();
    }
  });
});

describe('error pages', () => {
  it('answers bad query input with a 400 page in the user’s language', async () => {
    const adminUser = await buildAdministrator(t.database.db);
    // Also an LA officer and a WG official, so routes for LA staff and for WG reach the token check too.
    await t.database.db.insert(roleAssignments).values([
      { userId: adminUser.id, role: 'la_officer', scopeType: 'la', scopeId: '681' },
      { userId: adminUser.id, role: 'wg_official', scopeType: 'national', scopeId: null },
    ]);
    const admin = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, adminUser.id));
    const english = await admin.get('/admin/users?page=abc');
    expect(english.statusCode).toBe(400);
    expect(pageText(english.body)).toContain('There is a problem with what was sent');
    await admin.get('/?lang=cy');
    const welsh = await admin.get('/admin/users?page=abc');
    expect(welsh.statusCode).toBe(400);
    expect(welsh.body).toContain('<html lang="cy"');
    expect(pageText(welsh.body)).toContain("Mae problem gyda'r hyn a anfonwyd");
  });

  it('answers an unknown address with a 404 page, in Welsh for a Welsh reader', async () => {
    const response = await t.app.inject({ url: '/no/such/page', cookies: { cyd_lang: 'cy' } });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('<html lang="cy"');
    expect(pageText(response.body)).toContain("Heb ddod o hyd i'r dudalen");
    const english = await t.app.inject('/no/such/page');
    expect(pageText(english.body)).toContain('Page not found');
  });
});

describe('when the database fails', () => {
  let failing = false;
  let broken: TestApp;
  const SECRET = 'relation "users" is on fire at /srv/secret/path.ts:42';

  beforeAll(async () => {
    const real = t.database;
    // The seam: the same database, whose every query can be made to fail.
    const db = new Proxy(real.db, {
      get(target, property, receiver) {
        if (failing && ['select', 'insert', 'update', 'delete', 'execute', 'transaction'].includes(String(property)))
          throw new Error(SECRET);
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const database: Database = { ...real, db, ping: () => (failing ? Promise.reject(new Error(SECRET)) : real.ping()) };
    broken = await createTestApp({ database });
  });
  afterAll(async () => {
    failing = false;
    await broken.app.close();
  });

  it('shows a 500 page that gives nothing away, in the reader’s language', async () => {
    const user = await buildUser(t.database.db, { role: 'la_officer' });
    const cookie = await sessionCookie(t.database.db, user.id);
    expect((await new Visitor(broken.app).withCookie(cookie).get('/')).statusCode).toBe(200);
    failing = true;
    try {
      for (const [lang, title] of [
        ['en', 'Sorry, there is a problem with the service'],
        ['cy', "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth"],
      ] as const) {
        const response = await new Visitor(broken.app).withCookie(cookie).withCookie(`cyd_lang=${lang}`).get('/');
        expect(response.statusCode).toBe(500);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        const text = pageText(response.body);
        expect(text).toContain(title);
        for (const leak of ['on fire', 'secret', '.ts:', 'node_modules', '    at ', 'Error:'])
          expect(text).not.toContain(leak);
      }
    } finally {
      failing = false;
    }
  });

  it('makes /healthz answer 503, and ok again when the database is back', async () => {
    const healthy = await broken.app.inject('/healthz');
    expect(healthy.statusCode).toBe(200);
    expect(healthy.json()).toEqual({ status: 'ok', database: { kind: t.database.kind, status: 'ok' } });
    failing = true;
    try {
      const down = await broken.app.inject('/healthz');
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({
        status: 'unavailable',
        database: { kind: t.database.kind, status: 'unreachable' },
      });
      expect(down.body).not.toContain('fire');
    } finally {
      failing = false;
    }
    expect((await broken.app.inject('/healthz')).statusCode).toBe(200);
  });
});
