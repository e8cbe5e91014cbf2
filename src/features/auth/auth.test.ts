import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, countRows, TEST_PASSWORD } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { LOCK_AFTER_FAILURES, SLOW_AFTER_FAILURES } from './auth-service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign in and out', () => {
  it('signs in with email and password, reaches home, and signs out', async () => {
    const user = await buildUser(t.database.db, { role: 'wg_official' });
    const visitor = new Visitor(t.app);
    const signIn = await visitor.post('/sign-in', {
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
      next: '/account',
    });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/account');
    expect([signIn.headers['set-cookie']].flat()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^cyd_session=.+HttpOnly/)]),
    );
    const home = await visitor.get('/');
    expect(home.body).toContain('Welcome, Test User');
    const out = await visitor.post('/sign-out', {});
    expect(out.statusCode).toBe(303);
    expect((await visitor.get('/account')).headers.location).toBe('/sign-in?next=%2Faccount');
  });

  it('refuses a wrong password with a translated message and no session', async () => {
    const user = await buildUser(t.database.db);
    const visitor = new Visitor(t.app);
    await visitor.get('/?lang=cy');
    const response = await visitor.post('/sign-in', { email: user.email, password: 'not the password at all' });
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain("Nid yw'r cyfeiriad e-bost neu'r cyfrinair yn gywir");
    expect(visitor.cookies.cyd_session).toBeUndefined();
  });

  it('shows inline errors for empty fields and keeps what was typed', async () => {
    const visitor = new Visitor(t.app);
    const response = await visitor.post('/sign-in', { email: 'someone@example.test', password: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter your password');
    expect(response.body).toContain('value="someone@example.test"');
    expect(response.body).toMatch(/<title>Error: Sign in/);
  });

  it('slows repeated failures and then locks the account, even for the right password', async () => {
    const user = await buildUser(t.database.db);
    const visitor = new Visitor(t.app);
    t.delays.length = 0;
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) {
      expect((await visitor.post('/sign-in', { email: user.email, password: `wrong password ${i}` })).statusCode).toBe(
        400,
      );
    }
    expect(t.delays.filter((d) => d > 0).length).toBe(LOCK_AFTER_FAILURES - SLOW_AFTER_FAILURES);
    expect(t.delays.at(-1)).toBeGreaterThan(t.delays[SLOW_AFTER_FAILURES - 1]!);
    const locked = await visitor.post('/sign-in', { email: user.email, password: 'wrong again' });
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Try again in 15 minutes');
    const stillLocked = await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(stillLocked.statusCode).toBe(429);
    expect(visitor.cookies.cyd_session).toBeUndefined();
  });

  it('does not sign in a deactivated user', async () => {
    const user = await buildUser(t.database.db, { active: false });
    const response = await new Visitor(t.app).post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(400);
  });

  it('never redirects off-site after sign-in', async () => {
    const user = await buildUser(t.database.db);
    const response = await new Visitor(t.app).post('/sign-in', {
      email: user.email,
      password: TEST_PASSWORD,
      next: '//evil.example/',
    });
    expect(response.headers.location).toBe('/');
  });

  it('refuses a form without a valid CSRF token and changes nothing', async () => {
    const user = await buildUser(t.database.db);
    const sessionsBefore = await countRows(t.database.db, 'sessions');
    const visitor = new Visitor(t.app);
    await visitor.get('/sign-in');
    const response = await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD }, { csrf: 'forged' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
    expect(await countRows(t.database.db, 'sessions')).toBe(sessionsBefore);
  });
});

describe('sessions', () => {
  it('are stored in the database, so a second app on the same database accepts them', async () => {
    const user = await buildUser(t.database.db);
    const visitor = new Visitor(t.app);
    await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    const second = await createTestApp({ database: t.database });
    try {
      const other = new Visitor(second.app).withCookie(`cyd_session=${visitor.cookies.cyd_session}`);
      expect((await other.get('/account')).statusCode).toBe(200);
    } finally {
      await second.app.close();
    }
  });

  it('expire after the idle timeout', async () => {
    const short = await createTestApp({ database: t.database, env: { SESSION_IDLE_MINUTES: '1' } });
    try {
      const user = await buildUser(t.database.db);
      const visitor = new Visitor(short.app);
      await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
      await t.database.db.execute(
        `update sessions set last_seen_at = now() - interval '2 minutes' where user_id = '${user.id}'` as never,
      );
      expect((await visitor.get('/account')).statusCode).toBe(303);
    } finally {
      await short.app.close();
    }
  });
});

describe('changing a password', () => {
  it('requires the current password and an acceptable new one', async () => {
    const user = await buildUser(t.database.db);
    const visitor = new Visitor(t.app);
    await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    const common = await visitor.post('/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'password1234',
      confirmPassword: 'password1234',
    });
    expect(common.statusCode).toBe(400);
    expect(common.body).toContain('too common');
    const short = await visitor.post('/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
      confirmPassword: 'short',
    });
    expect(short.body).toContain('at least 12 characters');
    const wrong = await visitor.post('/account/password', {
      currentPassword: 'nope',
      newPassword: 'three random words',
      confirmPassword: 'three random words',
    });
    expect(wrong.body).toContain('current password is not correct');
    const ok = await visitor.post('/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'otter kettle lantern',
      confirmPassword: 'otter kettle lantern',
    });
    expect(ok.statusCode).toBe(303);
    const again = await new Visitor(t.app).post('/sign-in', { email: user.email, password: 'otter kettle lantern' });
    expect(again.statusCode).toBe(303);
  });
});
