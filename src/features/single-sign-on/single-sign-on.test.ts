// "Sign in with Hwb" against a real OpenID provider (oidc-provider) on a loopback port: our side
// through app.inject, the provider's through fetch, as a browser would go between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, countRows, TEST_PASSWORD } from '../../../test/support/factories.ts';
import { pageText, visibleText, Visitor } from '../../../test/support/http.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { startOidcProvider, type TestOidcProvider } from '../../../test/support/oidc-provider.ts';
import { settableClock, type SettableClock } from '../../lib/clock.ts';
import { identityLinks } from '../../db/schema/index.ts';

const CALLBACK = 'http://cydwella.test/sign-in/sso/callback';

let provider: TestOidcProvider;
let t: TestApp;
let clock: SettableClock;
let subjects = 0;

beforeAll(async () => {
  provider = await startOidcProvider({ redirectUris: [CALLBACK], idTokenSeconds: 60 });
  clock = settableClock(new Date());
  t = await createTestApp({ env: provider.env({ en: 'Hwb', cy: 'Hwb' }), clock });
});
afterAll(async () => {
  await t.close();
  await provider.close();
});

/** A new subject at the provider with these claims. */
function providerAccount(claims: { email?: string; email_verified?: boolean }): string {
  subjects += 1;
  const subject = `hwb-person-${subjects}`;
  provider.accounts.set(subject, claims);
  return subject;
}

/** Starts at our sign-in button and signs in at the provider: the callback URL it sends the visitor back to. */
async function throughProvider(visitor: Visitor, subject: string, next = '/') {
  clock.set(new Date());
  const start = await visitor.get(`/sign-in/sso?next=${encodeURIComponent(next)}`);
  expect(start.statusCode).toBe(303);
  const authorization = new URL(start.headers.location as string);
  expect(authorization.origin).toBe(provider.issuer);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('redirect_uri')).toBe(CALLBACK);
  const back = await provider.signIn(authorization.href, subject);
  expect(back.origin + back.pathname).toBe(CALLBACK);
  return { back, nonce: authorization.searchParams.get('nonce')! };
}

const callbackPath = (url: URL) => `${url.pathname}${url.search}`;

async function linkRows(userId: string) {
  return t.database.db.select().from(identityLinks).where(eq(identityLinks.userId, userId));
}

describe('signing in with Hwb', () => {
  it('shows the button on the sign-in page, in both languages', async () => {
    const visitor = new Visitor(t.app);
    const english = await visitor.get('/sign-in?next=%2Faccount');
    expect(pageText(english.body)).toContain('Sign in with Hwb');
    expect(english.body).toContain('href="/sign-in/sso?next=%2Faccount"');
    expect(pageText((await visitor.get('/sign-in?lang=cy')).body)).toContain('Mewngofnodi gyda Hwb');
  });

  it('links an active account with the verified email, signs in, and lands where the person was going', async () => {
    const user = await buildUser(t.database.db);
    const subject = providerAccount({ email: user.email.toUpperCase(), email_verified: true });
    const visitor = new Visitor(t.app);
    const { back } = await throughProvider(visitor, subject, '/account');
    const landed = await visitor.get(callbackPath(back));
    expect(landed.statusCode).toBe(303);
    expect(landed.headers.location).toBe('/account');
    const account = await visitor.get('/account');
    expect(account.statusCode).toBe(200);
    expect(pageText(account.body)).toContain(user.email);
    expect(pageText(account.body)).toContain('How you sign in');
    const [link] = await linkRows(user.id);
    expect(link).toMatchObject({ issuer: provider.issuer, subject });
    expect(await auditEntries(t.database.db, 'sso-link', user.id)).toHaveLength(1);
    expect(await auditEntries(t.database.db, 'sso-sign-in', user.id)).toHaveLength(1);
    // A normal session: it lists on the account page and signing out ends it.
    expect(account.body).toContain('Where you are signed in');
    await visitor.post('/sign-out', {}, { tokenFrom: '/account' });
    expect((await visitor.get('/account')).statusCode).toBe(303);
  });

  it('keeps the person on our origin whatever next they were sent with', async () => {
    const user = await buildUser(t.database.db);
    const subject = providerAccount({ email: user.email, email_verified: true });
    const visitor = new Visitor(t.app);
    const { back } = await throughProvider(visitor, subject, '//evil.example/steal');
    const landed = await visitor.get(callbackPath(back));
    expect(landed.headers.location).toBe('/');
  });

  it('refuses an email the provider has not verified, and creates nothing', async () => {
    const user = await buildUser(t.database.db);
    const subject = providerAccount({ email: user.email, email_verified: false });
    const before = await countRows(t.database.db, 'identity_links');
    const visitor = new Visitor(t.app);
    const { back } = await throughProvider(visitor, subject);
    const refused = await visitor.get(callbackPath(back));
    expect(refused.statusCode).toBe(403);
    expect(pageText(refused.body)).toContain(
      'Ask your headteacher or local authority to add you to Cydwella. When they have, sign in with Hwb again',
    );
    expect(await countRows(t.database.db, 'identity_links')).toBe(before);
    expect(visitor.cookies.cyd_session).toBeUndefined();
  });

  it('refuses an email no account has, in Welsh too, and creates no account or link', async () => {
    const subject = providerAccount({ email: 'new.teacher@hwbcymru.net', email_verified: true });
    const users = await countRows(t.database.db, 'users');
    const links = await countRows(t.database.db, 'identity_links');
    const visitor = new Visitor(t.app);
    await visitor.get('/?lang=cy');
    const { back } = await throughProvider(visitor, subject);
    const refused = await visitor.get(callbackPath(back));
    expect(refused.statusCode).toBe(403);
    expect(pageText(refused.body)).toContain("Gofynnwch i'ch pennaeth neu'ch awdurdod lleol");
    expect(await countRows(t.database.db, 'users')).toBe(users);
    expect(await countRows(t.database.db, 'identity_links')).toBe(links);
  });

  it('refuses a deactivated account, even by email', async () => {
    const user = await buildUser(t.database.db, { active: false });
    const subject = providerAccount({ email: user.email, email_verified: true });
    const visitor = new Visitor(t.app);
    const { back } = await throughProvider(visitor, subject);
    expect((await visitor.get(callbackPath(back))).statusCode).toBe(403);
    expect(await linkRows(user.id)).toHaveLength(0);
  });

  it('signs in later by the (issuer, subject) link, not the email, even when the email has changed', async () => {
    const user = await buildUser(t.database.db);
    const other = await buildUser(t.database.db);
    const subject = providerAccount({ email: user.email, email_verified: true });
    const first = new Visitor(t.app);
    const { back } = await throughProvider(first, subject);
    expect((await first.get(callbackPath(back))).statusCode).toBe(303);

    // The provider now says another account's email (and unverified): the link still decides.
    provider.accounts.set(subject, { email: other.email, email_verified: false });
    const again = new Visitor(t.app);
    const second = await throughProvider(again, subject);
    expect((await again.get(callbackPath(second.back))).statusCode).toBe(303);
    const account = await again.get('/account');
    expect(pageText(account.body)).toContain(user.email);
    expect(pageText(account.body)).not.toContain(other.email);
    expect(await auditEntries(t.database.db, 'sso-sign-in', user.id)).toHaveLength(2);
    expect(await auditEntries(t.database.db, 'sso-link', user.id)).toHaveLength(1);
    expect(await linkRows(other.id)).toHaveLength(0);
  });
});

describe('what the provider answers is checked', () => {
  it('refuses an ID token issued to another client (wrong audience)', async () => {
    const user = await buildUser(t.database.db);
    const subject = providerAccount({ email: user.email, email_verified: true });
    const visitor = new Visitor(t.app);
    const { back, nonce } = await throughProvider(visitor, subject);
    const foreign = await provider.idTokenForOtherClient(subject, nonce);
    provider.tamperNextTokenResponse((body) => {
      body.id_token = foreign;
    });
    const refused = await visitor.get(callbackPath(back));
    expect(refused.statusCode).toBe(502);
    expect(pageText(refused.body)).toContain('We could not sign you in with Hwb');
    expect(await linkRows(user.id)).toHaveLength(0);
    expect(visitor.cookies.cyd_session).toBeUndefined();
  });

  it('refuses an expired ID token, judged on our clock, and tolerates a little skew', async () => {
    const user = await buildUser(t.database.db);
    const subject = providerAccount({ email: user.email, email_verified: true });
    // 60 seconds' token, 30 seconds' tolerance: 75 seconds later it is still accepted...
    const visitor = new Visitor(t.app);
    const { back } = await throughProvider(visitor, subject);
    clock.advance(75_000);
    expect((await visitor.get(callbackPath(back))).statusCode).toBe(303);
    // ...but not 5 minutes later.
    const late = new Visitor(t.app);
    const second = await throughProvider(late, subject);
    clock.advance(5 * 60_000);
    const refused = await late.get(callbackPath(second.back));
    expect(refused.statusCode).toBe(502);
    expect(late.cookies.cyd_session).toBeUndefined();
  });

  it('refuses a replayed callback, with or without the spent state cookie', async () => {
    const user = await buildUser(t.database.db);
    const subject = providerAccount({ email: user.email, email_verified: true });
    const visitor = new Visitor(t.app);
    const { back } = await throughProvider(visitor, subject);
    const stateCookie = visitor.cookies.cyd_sso!;
    expect((await visitor.get(callbackPath(back))).statusCode).toBe(303);
    expect(visitor.cookies.cyd_sso).toBeUndefined();
    const replay = new Visitor(t.app);
    const again = await replay.get(callbackPath(back));
    expect(again.statusCode).toBe(400);
    expect(pageText(again.body)).toContain('Your sign-in was not completed');
    // Someone who kept the cookie too: the provider has spent the code.
    const thief = new Visitor(t.app).withCookie(`cyd_sso=${stateCookie}`);
    expect((await thief.get(callbackPath(back))).statusCode).toBe(502);
    expect(thief.cookies.cyd_session).toBeUndefined();
    expect(await auditEntries(t.database.db, 'sso-sign-in', user.id)).toHaveLength(1);
  });

  it('refuses a forged or missing state, and a forged state cookie', async () => {
    const user = await buildUser(t.database.db);
    const subject = providerAccount({ email: user.email, email_verified: true });
    const visitor = new Visitor(t.app);
    const { back } = await throughProvider(visitor, subject);
    const code = back.searchParams.get('code')!;
    const iss = back.searchParams.get('iss')!;
    const forged = await visitor.get(`/sign-in/sso/callback?code=${code}&state=forged&iss=${encodeURIComponent(iss)}`);
    expect(forged.statusCode).toBe(400);
    const secondTry = new Visitor(t.app);
    const fresh = await throughProvider(secondTry, subject);
    const missing = await secondTry.get(`/sign-in/sso/callback?code=${fresh.back.searchParams.get('code')}`);
    expect(missing.statusCode).toBe(400);
    const state = back.searchParams.get('state')!;
    const cookieForger = new Visitor(t.app).withCookie('cyd_sso=eyJzdGF0ZSI6IngifQ.not-a-signature');
    expect((await cookieForger.get(`/sign-in/sso/callback?code=${code}&state=${state}`)).statusCode).toBe(400);
    expect(await linkRows(user.id)).toHaveLength(0);
  });

  it('shows a clear page when the provider turns the person back', async () => {
    const visitor = new Visitor(t.app);
    const start = await visitor.get('/sign-in/sso');
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    const turned = await visitor.get(`/sign-in/sso/callback?error=access_denied&state=${state}`);
    expect(turned.statusCode).toBe(400);
    expect(pageText(turned.body)).toContain('Sign in with your email address and password instead');
  });

  it('shows a clear page when the provider answers with nonsense', async () => {
    const user = await buildUser(t.database.db);
    const subject = providerAccount({ email: user.email, email_verified: true });
    const visitor = new Visitor(t.app);
    const { back } = await throughProvider(visitor, subject);
    provider.tamperNextTokenResponse((body) => {
      body.id_token = 'not.a.token';
    });
    expect((await visitor.get(callbackPath(back))).statusCode).toBe(502);
  });
});

describe('the account page', () => {
  it('lists linked sign-ins and removes one (audited, CSRF-checked, only your own)', async () => {
    const user = await buildUser(t.database.db);
    const subject = providerAccount({ email: user.email, email_verified: true });
    const visitor = new Visitor(t.app);
    const { back } = await throughProvider(visitor, subject);
    await visitor.get(callbackPath(back));
    const account = await visitor.get('/account');
    const [, linkId] = /action="\/account\/sign-ins\/([0-9a-f-]{36})\/remove"/.exec(account.body)!;
    expect(visibleText(account.body)).toMatch(/Hwb Linked: .+ Last used: .+ Remove/);

    const stranger = await buildUser(t.database.db);
    const other = new Visitor(t.app);
    await other.post('/sign-in', { email: stranger.email, password: TEST_PASSWORD });
    expect((await other.post(`/account/sign-ins/${linkId}/remove`, {}, { tokenFrom: '/account' })).statusCode).toBe(
      404,
    );
    expect((await visitor.post(`/account/sign-ins/${linkId}/remove`, {}, { csrf: 'forged' })).statusCode).toBe(403);
    expect(await linkRows(user.id)).toHaveLength(1);

    const removed = await visitor.post(`/account/sign-ins/${linkId}/remove`, {}, { tokenFrom: '/account' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/account?signInRemoved=1#sign-ins');
    expect(pageText((await visitor.get('/account?signInRemoved=1')).body)).toContain('That sign-in has been removed');
    expect(await linkRows(user.id)).toHaveLength(0);
    const [entry] = await auditEntries(t.database.db, 'sso-unlink', user.id);
    expect(entry?.actorId).toBe(user.id);
  });
});

describe('when the provider is down', () => {
  it('shows a clear page, not a 500, and password sign-in still works', async () => {
    const down = await startOidcProvider({ redirectUris: [CALLBACK] });
    const env = down.env();
    await down.close();
    const app = await createTestApp({ env, database: t.database });
    try {
      const visitor = new Visitor(app.app);
      const page = await visitor.get('/sign-in/sso');
      expect(page.statusCode).toBe(503);
      expect(pageText(page.body)).toContain('Sign-in with Hwb is not available');
      const user = await buildUser(t.database.db);
      const signedIn = await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
      expect(signedIn.statusCode).toBe(303);
      expect((await visitor.get('/account')).statusCode).toBe(200);
    } finally {
      await app.app.close();
    }
  });

  it('shows the same page when it goes down between sending the person and their coming back', async () => {
    const flaky = await startOidcProvider({ redirectUris: [CALLBACK] });
    const app = await createTestApp({ env: flaky.env(), database: t.database });
    try {
      const user = await buildUser(t.database.db);
      flaky.accounts.set('flaky', { email: user.email, email_verified: true });
      const visitor = new Visitor(app.app);
      const start = await visitor.get('/sign-in/sso');
      const back = await flaky.signIn(start.headers.location as string, 'flaky');
      await flaky.close();
      const page = await visitor.get(callbackPath(back));
      expect(page.statusCode).toBe(503);
      expect(await linkRows(user.id)).toHaveLength(0);
    } finally {
      await app.app.close();
    }
  });

  it('is off, with no button and no routes, when no provider is configured', async () => {
    const app = await createTestApp({ database: t.database });
    try {
      const visitor = new Visitor(app.app);
      expect((await visitor.get('/sign-in')).body).not.toContain('/sign-in/sso');
      expect((await visitor.get('/sign-in/sso')).statusCode).toBe(404);
      expect((await visitor.get('/sign-in/sso/callback?code=x&state=y')).statusCode).toBe(404);
    } finally {
      await app.app.close();
    }
  });
});
