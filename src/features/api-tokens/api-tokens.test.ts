import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, countRows, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { settableClock, type SettableClock } from '../../lib/clock.ts';
import { apiTokens, roleAssignments, users } from '../../db/schema/index.ts';
import { hashApiToken } from './api-token-secret.ts';
import { insertApiToken } from './api-token-repository.ts';
import { authenticateApiToken } from './api-token-service.ts';

const PER_MINUTE = 20;
const TOKEN = /id="new-token"[^>]*value="(cyd_[A-Za-z0-9_-]{43})"/;
const DIRECTORY = { name: 'LA dashboard', scopes: 'directory:read', lifetimeDays: '30' };

let t: TestApp;
let clock: SettableClock;
beforeAll(async () => {
  clock = settableClock('2026-12-07T10:00:00Z');
  t = await createTestApp({ clock, env: { API_TOKEN_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) } });
});
afterAll(() => t.close());

const db = () => t.database.db;

async function signedIn(user?: TestUser): Promise<{ user: TestUser; visitor: Visitor }> {
  const owner = user ?? (await buildUser(db()));
  return { user: owner, visitor: new Visitor(t.app).withCookie(await sessionCookie(db(), owner.id, clock.now())) };
}

/** Makes a token through the page, as a person would, and returns it as the page showed it. */
async function makeToken(visitor: Visitor, form: Record<string, string | string[]> = DIRECTORY): Promise<string> {
  const response = await visitor.post('/account/api-tokens', form, { tokenFrom: '/account/api-tokens' });
  expect(response.statusCode).toBe(200);
  return TOKEN.exec(response.body)![1]!;
}

const api = (url: string, token: string, method: 'GET' | 'POST' = 'GET', extra: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...extra } });

const tokenRow = async (token: string) =>
  (
    await db()
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashApiToken(token)))
  )[0]!;

/** The revoke forms' ids on a person's token page. */
async function revokableIds(visitor: Visitor): Promise<string[]> {
  const page = await visitor.get('/account/api-tokens');
  return [...page.body.matchAll(/action="\/account\/api-tokens\/([0-9a-f-]{36})\/revoke"/g)].map((m) => m[1]!);
}

describe('making a token on your account page', () => {
  it('is linked from the account page, in both languages', async () => {
    const { visitor } = await signedIn();
    expect((await visitor.get('/account')).body).toContain('href="/account/api-tokens"');
    const welsh = pageText((await visitor.get('/account/api-tokens?lang=cy')).body);
    expect(welsh).toContain('Eich tocynnau API');
    expect(welsh).toContain('Darllen cyfeiriadur yr ysgolion');
  });

  it('shows the token once, keeps only its hash, and audits it without the secret', async () => {
    const { user, visitor } = await signedIn();
    const token = await makeToken(visitor);
    expect(token).toMatch(/^cyd_[A-Za-z0-9_-]{43}$/);
    const row = await tokenRow(token);
    expect(row).toMatchObject({ userId: user.id, name: 'LA dashboard', scopes: ['directory:read'], lastUsedAt: null });
    expect(row.expiresAt.toISOString()).toBe('2027-01-06T10:00:00.000Z');
    expect(JSON.stringify(await db().select().from(apiTokens))).not.toContain(token);
    const page = await visitor.get('/account/api-tokens');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).not.toContain(token);
    const text = pageText(page.body);
    expect(text).toContain('LA dashboard');
    expect(text).toMatch(/Last used:\s*Never/);
    const [entry] = await auditEntries(db(), 'api-token-create', row.id);
    expect(entry).toMatchObject({ actorId: user.id, after: { name: 'LA dashboard', scopes: ['directory:read'] } });
    expect(JSON.stringify(entry)).not.toContain(token);
    expect(JSON.stringify(entry)).not.toContain(hashApiToken(token));
  });

  it.each([
    ['an unknown scope', { ...DIRECTORY, scopes: 'directory:write' }],
    ['a scope list too long', { ...DIRECTORY, scopes: ['directory:read', 'directory:read'] }],
    ['a lifetime not offered', { ...DIRECTORY, lifetimeDays: '7' }],
    ['a lifetime of never', { ...DIRECTORY, lifetimeDays: 'never' }],
    ['a name too long for the form', { ...DIRECTORY, name: 'x'.repeat(201) }],
  ])('refuses %s with a translated 400 and makes nothing', async (_, form) => {
    const { visitor } = await signedIn();
    const [tokensBefore, auditBefore] = [await countRows(db(), 'api_tokens'), await countRows(db(), 'audit_log')];
    const response = await visitor.post('/account/api-tokens?lang=cy', form, { tokenFrom: '/account/api-tokens' });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(TOKEN);
    expect(await countRows(db(), 'api_tokens')).toBe(tokensBefore);
    expect(await countRows(db(), 'audit_log')).toBe(auditBefore);
  });

  it('asks for a name, a scope and a lifetime, keeping what was typed', async () => {
    const { visitor } = await signedIn();
    const response = await visitor.post('/account/api-tokens', { name: '  ' }, { tokenFrom: '/account/api-tokens' });
    expect(response.statusCode).toBe(400);
    const text = pageText(response.body);
    expect(text).toContain('Enter a name for the token');
    expect(text).toContain('Choose at least one scope');
    expect(text).toContain('Choose how long the token lasts');
    const long = await visitor.post('/account/api-tokens', { ...DIRECTORY, name: 'y'.repeat(101) });
    expect(pageText(long.body)).toContain('Name must be 100 characters or fewer');
    expect(long.body).toContain('y'.repeat(101));
  });

  it('refuses a forged form', async () => {
    const { visitor } = await signedIn();
    const before = await countRows(db(), 'api_tokens');
    expect((await visitor.post('/account/api-tokens', DIRECTORY, { csrf: 'forged' })).statusCode).toBe(403);
    expect(await countRows(db(), 'api_tokens')).toBe(before);
  });

  it('stops at ten tokens that work', async () => {
    const { visitor } = await signedIn();
    for (let i = 0; i < 10; i++) await makeToken(visitor, { ...DIRECTORY, name: `system ${i}` });
    const response = await visitor.post('/account/api-tokens', DIRECTORY, { tokenFrom: '/account/api-tokens' });
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('You already have 10 tokens that work');
  });
});

describe('revoking a token', () => {
  it('stops it at once, shows it as revoked, and audits it', async () => {
    const { user, visitor } = await signedIn();
    const token = await makeToken(visitor);
    expect((await api('/api/v1/local-authorities', token)).statusCode).toBe(200);
    const [id] = await revokableIds(visitor);
    const revoked = await visitor.post(`/account/api-tokens/${id}/revoke`, {}, { tokenFrom: '/account/api-tokens' });
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe('/account/api-tokens?done=revoked');
    const page = pageText((await visitor.get('/account/api-tokens?done=revoked')).body);
    expect(page).toContain('The token has been revoked.');
    expect(page).toContain('Revoked');
    expect(await revokableIds(visitor)).toEqual([]);
    const refused = await api('/api/v1/local-authorities', token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: 'invalid-token' });
    const [entry] = await auditEntries(db(), 'api-token-revoke', id);
    expect(entry).toMatchObject({ actorId: user.id, before: { name: 'LA dashboard' } });
  });

  it("refuses another person's token, an unknown or malformed id, and a second revoke, with a 404", async () => {
    const { visitor } = await signedIn();
    const { visitor: victim } = await signedIn();
    const victimToken = await makeToken(victim);
    const [victimId] = await revokableIds(victim);
    const [auditBefore] = [await countRows(db(), 'audit_log')];
    const post = (id: string) =>
      visitor.post(`/account/api-tokens/${id}/revoke`, {}, { tokenFrom: '/account/api-tokens' });
    expect((await post(victimId!)).statusCode).toBe(404);
    expect((await post('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await post('not-a-token')).statusCode).toBe(404);
    expect(await countRows(db(), 'audit_log')).toBe(auditBefore);
    expect((await tokenRow(victimToken)).revokedAt).toBeNull();
    expect((await api('/api/v1/local-authorities', victimToken)).statusCode).toBe(200);
    await makeToken(visitor);
    const [mine] = await revokableIds(visitor);
    expect((await post(mine!)).statusCode).toBe(303);
    expect((await post(mine!)).statusCode).toBe(404);
  });
});

describe('Authorization: Bearer on the API', () => {
  it('reads the API as the owner', async () => {
    const { visitor } = await signedIn();
    const token = await makeToken(visitor);
    const las = await api('/api/v1/local-authorities', token);
    expect(las.statusCode).toBe(200);
    expect(las.json<{ items: unknown[] }>().items).toHaveLength(22);
    expect((await api('/api/v1/schools?la=681', token)).json()).toMatchObject({ page: 1 });
    expect((await api('/api/v1/openapi.json', token)).statusCode).toBe(200);
    // The scheme is matched as HTTP says, whatever its case.
    const lower = await t.app.inject({ url: '/api/v1/schools', headers: { authorization: `bearer ${token}` } });
    expect(lower.statusCode).toBe(200);
  });

  it('answers a token without the scope a route needs with 403', async () => {
    const user = await buildUser(db());
    const token = `cyd_${'A'.repeat(43)}`;
    // A token whose only scope is not the directory's (one the API no longer offers, say).
    await insertApiToken(db(), {
      userId: user.id,
      tokenHash: hashApiToken(token),
      name: 'old',
      scopes: ['reports:read'],
      createdAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 86_400_000),
    });
    const response = await api('/api/v1/schools', token);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'insufficient-scope', message: expect.any(String) });
    expect(response.headers['www-authenticate']).toContain('insufficient_scope');
    // The description of the API needs no scope.
    expect((await api('/api/v1/openapi.json', token)).statusCode).toBe(200);
  });

  it('answers an expired token with 401 from the moment it expires, and shows it as expired', async () => {
    const { user, visitor } = await signedIn();
    const token = await makeToken(visitor);
    const start = clock.now();
    try {
      clock.advance(30 * 86_400_000 - 1);
      expect((await api('/api/v1/schools', token)).statusCode).toBe(200);
      clock.advance(1);
      const expired = await api('/api/v1/schools', token);
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ error: 'invalid-token' });
      const { visitor: later } = await signedIn(user);
      expect(pageText((await later.get('/account/api-tokens')).body)).toContain('Expired');
    } finally {
      clock.set(start);
    }
  });

  it.each([
    ['a changed character', (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')],
    ['a missing character', (token: string) => token.slice(0, -1)],
    ['no prefix', (token: string) => token.slice(4)],
    ['nothing after the scheme', () => ''],
  ])('answers a token with %s with 401 JSON', async (_, tamper) => {
    const { visitor } = await signedIn();
    const token = await makeToken(visitor);
    const response = await api('/api/v1/schools', tamper(token));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'invalid-token' });
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('answers with 401 once the owner is deactivated, and works again if they return', async () => {
    const { user, visitor } = await signedIn();
    const token = await makeToken(visitor);
    await db().update(users).set({ active: false }).where(eq(users.id, user.id));
    expect((await api('/api/v1/schools', token)).statusCode).toBe(401);
    await db().update(users).set({ active: true }).where(eq(users.id, user.id));
    expect((await api('/api/v1/schools', token)).statusCode).toBe(200);
  });

  it("carries the owner's roles as they are now: a removed role is gone at once", async () => {
    const user = await buildUser(db(), { role: 'la_officer', scopeId: '681' });
    const { visitor } = await signedIn(user);
    const token = await makeToken(visitor);
    const before = await authenticateApiToken(db(), token, clock.now());
    expect(before!.user.assignments).toEqual([{ role: 'la_officer', scopeType: 'la', scopeId: '681' }]);
    await db().delete(roleAssignments).where(eq(roleAssignments.userId, user.id));
    expect((await authenticateApiToken(db(), token, clock.now()))!.user.assignments).toEqual([]);
  });

  it('is refused on pages and on every POST, even alongside a session, and changes nothing', async () => {
    const { user, visitor } = await signedIn();
    const token = await makeToken(visitor);
    for (const url of ['/account', '/account/api-tokens', '/', '/my/actions']) {
      const page = await api(url, token);
      expect(page.statusCode, url).toBe(403);
      expect(page.body).not.toContain(user.email);
    }
    const before = await countRows(db(), 'api_tokens');
    const csrf = await visitor.csrfToken('/account/api-tokens');
    const cookie = `cyd_session=${visitor.cookies.cyd_session}; cyd_csrf=${visitor.cookies.cyd_csrf}`;
    const form = new URLSearchParams({ ...DIRECTORY, _csrf: csrf }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const bare = await t.app.inject({
      method: 'POST',
      url: '/account/api-tokens',
      payload: form,
      headers: { ...headers, authorization: `Bearer ${token}` },
    });
    expect(bare.statusCode).toBe(403);
    const withSession = await t.app.inject({
      method: 'POST',
      url: '/account/api-tokens',
      payload: form,
      headers: { ...headers, cookie, authorization: `Bearer ${token}` },
    });
    expect(withSession.statusCode).toBe(403);
    expect(await countRows(db(), 'api_tokens')).toBe(before);
    // The same form without the token goes through: the token alone was refused.
    const plain = await t.app.inject({
      method: 'POST',
      url: '/account/api-tokens',
      payload: form,
      headers: { ...headers, cookie },
    });
    expect(plain.statusCode).toBe(200);
  });

  it('leaves other Authorization schemes (a proxy’s Basic) alone', async () => {
    const { visitor } = await signedIn();
    const response = await t.app.inject({
      url: '/account',
      headers: { cookie: `cyd_session=${visitor.cookies.cyd_session}`, authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(response.statusCode).toBe(200);
  });

  it(`limits each token to ${PER_MINUTE} requests a minute, not its neighbours`, async () => {
    const { visitor } = await signedIn();
    const busy = await makeToken(visitor, { ...DIRECTORY, name: 'busy' });
    const quiet = await makeToken(visitor, { ...DIRECTORY, name: 'quiet' });
    for (let i = 0; i < PER_MINUTE; i++) expect((await api('/api/v1/schools', busy)).statusCode).toBe(200);
    const limited = await api('/api/v1/schools', busy);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'too-many-requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await api('/api/v1/schools', quiet)).statusCode).toBe(200);
  });

  it('records when a token was last used, at most once a minute', async () => {
    const { visitor } = await signedIn();
    const token = await makeToken(visitor);
    const start = clock.now();
    try {
      await api('/api/v1/schools', token);
      expect((await tokenRow(token)).lastUsedAt).toEqual(start);
      clock.advance(59_000);
      await api('/api/v1/schools', token);
      expect((await tokenRow(token)).lastUsedAt).toEqual(start);
      clock.advance(1_000);
      await api('/api/v1/schools', token);
      expect((await tokenRow(token)).lastUsedAt).toEqual(clock.now());
      expect(pageText((await visitor.get('/account/api-tokens')).body)).not.toMatch(/Last used:\s*Never/);
    } finally {
      clock.set(start);
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes the bearer token scheme and the scope each operation needs', async () => {
    const { visitor } = await signedIn();
    const doc = (await visitor.get('/api/v1/openapi.json')).json<{
      components: { securitySchemes: Record<string, Record<string, string>> };
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    }>();
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const path of ['/api/v1/schools', '/api/v1/schools/{number}', '/api/v1/local-authorities'])
      expect(doc.paths[path]!.get!.security, path).toEqual([{ session: [] }, { apiToken: ['directory:read'] }]);
    // Open data needs nothing.
    expect(doc.paths['/api/v1/national-picture']!.get!.security).toEqual([]);
  });
});
