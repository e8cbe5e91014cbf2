import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, countRows, TEST_PASSWORD, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { settableClock, type SettableClock } from '../../lib/clock.ts';
import { sessions, twoFactorRecoveryCodes, userTwoFactor } from '../../db/schema/index.ts';
import { LOCK_AFTER_FAILURES } from './two-factor-service.ts';
import { MAX_CHALLENGE_FAILURES } from '../../sessions/sign-in-challenge-service.ts';

let t: TestApp;
let clock: SettableClock;
beforeAll(async () => {
  clock = settableClock('2026-12-07T10:00:10Z');
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const STEP_MS = 30_000;
const codeAt = (secret: string, at: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')) }).generate({ timestamp: at.getTime() });
const codeNow = (secret: string, offsetSteps = 0) =>
  codeAt(secret, new Date(clock.now().getTime() + offsetSteps * STEP_MS));

function shownSecret(html: string): string {
  const match = /id="two-factor-secret">([A-Z2-7 ]+)</.exec(html);
  if (!match) throw new Error('no secret on the page');
  return match[1]!.replace(/ /g, '');
}
const sealedIn = (html: string) => /name="setUp" value="([^"]+)"/.exec(html)![1]!;
const recoveryCodesIn = (html: string) =>
  [...html.matchAll(/<li><code>([0-9A-Z-]{19})<\/code><\/li>/g)].map((m) => m[1]!);

async function signedInVisitor(user: TestUser): Promise<Visitor> {
  const visitor = new Visitor(t.app);
  const response = await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
  expect(response.headers.location).toBe('/');
  return visitor;
}

/** Turns two-factor on from the account page, as a person would; the secret and the recovery codes shown. */
async function turnOn(visitor: Visitor) {
  const page = await visitor.get('/account/two-factor/set-up');
  const secret = shownSecret(page.body);
  const done = await visitor.post('/account/two-factor/set-up', { setUp: sealedIn(page.body), code: codeNow(secret) });
  expect(done.statusCode).toBe(200);
  return { secret, recoveryCodes: recoveryCodesIn(done.body) };
}

async function userWithTwoFactor(
  role: Parameters<typeof buildUser>[1] extends infer O
    ? O extends { role?: infer R }
      ? R
      : never
    : never = 'headteacher',
) {
  const user = await buildUser(t.database.db, { role });
  const visitor = await signedInVisitor(user);
  const { secret, recoveryCodes } = await turnOn(visitor);
  // The set-up used this step's code: move on two steps so even the previous step's code is fresh.
  clock.advance(2 * STEP_MS);
  return { user, secret, recoveryCodes };
}

/** Password right: the visitor now holds only the half-signed-in cookie. */
async function passwordStep(user: TestUser, next = '/') {
  const visitor = new Visitor(t.app);
  const response = await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD, next });
  return { visitor, response };
}

describe('turning two-factor on from the account page', () => {
  it('shows a QR code and the key, and turns on only with a right code, showing ten recovery codes once', async () => {
    const user = await buildUser(t.database.db, { role: 'headteacher' });
    const visitor = await signedInVisitor(user);
    expect((await visitor.get('/account')).body).toContain('href="/account/two-factor"');
    expect((await visitor.get('/account/two-factor')).body).toContain('Turn on two-factor sign-in');
    const page = await visitor.get('/account/two-factor/set-up');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<svg role="img" aria-label="QR code to add Cydwella to your authenticator app"/);
    const secret = shownSecret(page.body);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await visitor.post('/account/two-factor/set-up', {
      setUp: sealedIn(page.body),
      code: '000000' === codeNow(secret) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The code is not correct');
    expect(shownSecret(wrong.body)).toBe(secret);
    expect(await countRows(t.database.db, `user_two_factor where user_id = '${user.id}'`)).toBe(0);

    const done = await visitor.post('/account/two-factor/set-up', {
      setUp: sealedIn(wrong.body),
      code: codeNow(secret),
    });
    expect(done.statusCode).toBe(200);
    const codes = recoveryCodesIn(done.body);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const [stored] = await t.database.db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, user.id));
    expect(stored!.secretEncrypted).not.toContain(secret);
    const hashes = await t.database.db
      .select()
      .from(twoFactorRecoveryCodes)
      .where(eq(twoFactorRecoveryCodes.userId, user.id));
    expect(hashes).toHaveLength(10);
    expect(hashes.map((h) => h.codeHash).join()).not.toContain(codes[0]!.replace(/-/g, '').slice(0, 8));
    expect(await auditEntries(t.database.db, 'two-factor-on', user.id)).toHaveLength(1);

    const status = await visitor.get('/account/two-factor');
    expect(pageText(status.body)).toContain('Recovery codes left');
    expect(status.body).not.toContain(codes[0]!);
    expect((await visitor.get('/account/two-factor/set-up')).headers.location).toBe('/account/two-factor');
  });

  it('refuses a set-up form whose secret was forged or sealed for someone else', async () => {
    const [a, b] = [await buildUser(t.database.db), await buildUser(t.database.db)];
    const visitorA = await signedInVisitor(a);
    const visitorB = await signedInVisitor(b);
    const pageA = await visitorA.get('/account/two-factor/set-up');
    const secretA = shownSecret(pageA.body);
    const moved = await visitorB.post('/account/two-factor/set-up', {
      setUp: sealedIn(pageA.body),
      code: codeNow(secretA),
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.body).toContain('That took too long');
    const forged = await visitorB.post('/account/two-factor/set-up', { setUp: 'v1.forged.value.here', code: '123456' });
    expect(forged.statusCode).toBe(400);
    const huge = await visitorB.post('/account/two-factor/set-up', { setUp: 'x'.repeat(5000), code: '9'.repeat(100) });
    expect(huge.statusCode).toBe(400);
    expect(await countRows(t.database.db, `user_two_factor where user_id = '${b.id}'`)).toBe(0);
  });
});

describe('signing in with two-factor', () => {
  it('asks for a code after the password, with no session until it is right, and keeps the next page', async () => {
    const { user, secret } = await userWithTwoFactor();
    const sessionsBefore = await countRows(t.database.db, `sessions where user_id = '${user.id}'`);
    const { visitor, response } = await passwordStep(user, '/account');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in/code');
    expect(visitor.cookies.cyd_session).toBeUndefined();
    expect(visitor.cookies.cyd_sign_in_step).toBeDefined();
    expect(await countRows(t.database.db, `sessions where user_id = '${user.id}'`)).toBe(sessionsBefore);
    expect((await visitor.get('/account')).headers.location).toBe('/sign-in?next=%2Faccount');

    const form = await visitor.get('/sign-in/code');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('autocomplete="one-time-code"');
    const empty = await visitor.post('/sign-in/code', { code: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your code');

    const done = await visitor.post('/sign-in/code', { code: codeNow(secret) });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account');
    expect(visitor.cookies.cyd_session).toBeDefined();
    expect(visitor.cookies.cyd_sign_in_step).toBeUndefined();
    expect((await visitor.get('/account')).statusCode).toBe(200);
    const signIns = await auditEntries(t.database.db, 'sign-in', user.id);
    expect(signIns.at(-1)!.after).toEqual({ secondStep: 'verify' });
  });

  it('accepts one time step either side, refuses two steps out and a code already used', async () => {
    const { user, secret } = await userWithTwoFactor();
    let { visitor } = await passwordStep(user);
    expect((await visitor.post('/sign-in/code', { code: codeNow(secret, -2) })).statusCode).toBe(400);
    expect((await visitor.post('/sign-in/code', { code: codeNow(secret, +2) })).statusCode).toBe(400);
    const previous = codeNow(secret, -1);
    expect((await visitor.post('/sign-in/code', { code: previous })).headers.location).toBe('/');

    // The same code again, within its window, from another browser that knows the password: refused.
    ({ visitor } = await passwordStep(user));
    const replay = await visitor.post('/sign-in/code', { code: previous });
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('already been used');
    expect(visitor.cookies.cyd_session).toBeUndefined();
    // A later step's code still works.
    expect((await visitor.post('/sign-in/code', { code: codeNow(secret, 1) })).headers.location).toBe('/');
  });

  it('ends the half-signed-in state after ten minutes, after use, and ignores a forged one', async () => {
    const { user, secret } = await userWithTwoFactor();
    const { visitor } = await passwordStep(user);
    clock.advance(11 * 60_000);
    const late = await visitor.post('/sign-in/code', { code: codeNow(secret) });
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toBe('/sign-in?notice=secondStepExpired');
    expect(visitor.cookies.cyd_session).toBeUndefined();
    expect(pageText((await visitor.get('/sign-in?notice=secondStepExpired')).body)).toContain('Sign in again');

    const again = await passwordStep(user);
    const stolenCookie = again.visitor.cookies.cyd_sign_in_step!;
    expect((await again.visitor.post('/sign-in/code', { code: codeNow(secret) })).headers.location).toBe('/');
    const reused = new Visitor(t.app).withCookie(`cyd_sign_in_step=${stolenCookie}`);
    expect((await reused.post('/sign-in/code', { code: codeNow(secret, 1) })).headers.location).toBe(
      '/sign-in?notice=secondStepExpired',
    );
    const forged = new Visitor(t.app).withCookie(`cyd_sign_in_step=${'A'.repeat(43)}`);
    expect((await forged.get('/sign-in/code')).headers.location).toBe('/sign-in?notice=secondStepExpired');
    expect((await forged.post('/sign-in/code', { code: codeNow(secret, 1) })).statusCode).toBe(303);
    expect(forged.cookies.cyd_session).toBeUndefined();
    // The enrolment page is no way round the code: a challenge to enter a code opens only that.
    const verifying = await passwordStep(user);
    expect((await verifying.visitor.get('/sign-in/set-up-two-factor')).headers.location).toBe(
      '/sign-in?notice=secondStepExpired',
    );
  });

  it('never sends the person off-site after the code', async () => {
    const { user, secret } = await userWithTwoFactor();
    const { visitor } = await passwordStep(user, '//evil.example/');
    expect((await visitor.post('/sign-in/code', { code: codeNow(secret) })).headers.location).toBe('/');
  });

  it('slows wrong codes, ends the challenge after five, and locks code entry after ten, even for the right code', async () => {
    const { user, secret } = await userWithTwoFactor();
    t.delays.length = 0;
    let { visitor } = await passwordStep(user);
    for (let i = 0; i < MAX_CHALLENGE_FAILURES - 1; i++) {
      const wrong = await visitor.post('/sign-in/code', { code: `00000${i}` });
      expect(wrong.statusCode).toBe(400);
    }
    const fifth = await visitor.post('/sign-in/code', { code: '000009' });
    expect(fifth.headers.location).toBe('/sign-in?notice=secondStepExpired');
    expect(t.delays.filter((d) => d > 0).length).toBeGreaterThan(0);

    ({ visitor } = await passwordStep(user));
    let last = fifth;
    for (let i = MAX_CHALLENGE_FAILURES; i < LOCK_AFTER_FAILURES; i++)
      last = await visitor.post('/sign-in/code', { code: `11111${i % 10}` });
    expect(last.statusCode).toBe(429);
    expect(last.body).toContain('too many wrong codes');
    expect(await auditEntries(t.database.db, 'two-factor-lock', user.id)).toHaveLength(1);
    ({ visitor } = await passwordStep(user));
    const locked = await visitor.post('/sign-in/code', { code: codeNow(secret) });
    expect(locked.statusCode).toBe(429);
    expect(visitor.cookies.cyd_session).toBeUndefined();
    clock.advance(16 * 60_000);
    ({ visitor } = await passwordStep(user));
    expect((await visitor.post('/sign-in/code', { code: codeNow(secret) })).headers.location).toBe('/');
  });

  it('takes a recovery code instead, once only, and audits its use', async () => {
    const { user, recoveryCodes } = await userWithTwoFactor();
    let { visitor } = await passwordStep(user);
    const typed = recoveryCodes[3]!.toLowerCase().replace(/-/g, ' ');
    expect((await visitor.post('/sign-in/code', { code: typed })).headers.location).toBe('/');
    expect(await auditEntries(t.database.db, 'two-factor-recovery-use', user.id)).toHaveLength(1);
    ({ visitor } = await passwordStep(user));
    const again = await visitor.post('/sign-in/code', { code: recoveryCodes[3]! });
    expect(again.statusCode).toBe(400);
    expect(visitor.cookies.cyd_session).toBeUndefined();
    const status = await new Visitor(t.app).get('/account/two-factor');
    expect(status.statusCode).toBe(303);
  });

  it('refuses hostile codes with a translated 400 and no session', async () => {
    const { user } = await userWithTwoFactor();
    const { visitor } = await passwordStep(user);
    await visitor.get('/?lang=cy');
    for (const code of ['<script>', "1' or '1'='1", '１２３４５６', 'ZZZZ-ZZZZ-ZZZZ-ZZZ!']) {
      const response = await visitor.post('/sign-in/code', { code });
      expect(response.statusCode).toBe(400);
      expect(pageText(response.body)).toContain("Nid yw'r cod yn gywir");
    }
    const tooLong = await visitor.post('/sign-in/code', { code: '1'.repeat(65) });
    expect(tooLong.statusCode).toBe(400);
    expect(visitor.cookies.cyd_session).toBeUndefined();
  });
});

describe('turning off and new recovery codes', () => {
  it('turns off only with a current code, and audits it', async () => {
    const { user, secret } = await userWithTwoFactor();
    const visitor = new Visitor(t.app);
    await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    await visitor.post('/sign-in/code', { code: codeNow(secret) });
    clock.advance(STEP_MS);
    const wrong = await visitor.post('/account/two-factor/turn-off', {
      code: '123456' === codeNow(secret) ? '654321' : '123456',
    });
    expect(wrong.statusCode).toBe(400);
    expect(await countRows(t.database.db, `user_two_factor where user_id = '${user.id}'`)).toBe(1);
    const off = await visitor.post('/account/two-factor/turn-off', { code: codeNow(secret) });
    expect(off.headers.location).toBe('/account/two-factor?done=off');
    expect(await countRows(t.database.db, `user_two_factor where user_id = '${user.id}'`)).toBe(0);
    expect(await countRows(t.database.db, `two_factor_recovery_codes where user_id = '${user.id}'`)).toBe(0);
    expect(await auditEntries(t.database.db, 'two-factor-off', user.id)).toHaveLength(1);
    expect(
      (await new Visitor(t.app).post('/sign-in', { email: user.email, password: TEST_PASSWORD })).headers.location,
    ).toBe('/');
  });

  it('gives new recovery codes for a current code; the old ones stop working', async () => {
    const { user, secret, recoveryCodes } = await userWithTwoFactor();
    const visitor = new Visitor(t.app);
    await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
    await visitor.post('/sign-in/code', { code: codeNow(secret) });
    expect((await visitor.get('/account/two-factor/recovery-codes')).statusCode).toBe(200);
    const renewed = await visitor.post('/account/two-factor/recovery-codes', { code: recoveryCodes[0]! });
    expect(renewed.statusCode).toBe(200);
    const fresh = recoveryCodesIn(renewed.body);
    expect(fresh).toHaveLength(10);
    expect(await auditEntries(t.database.db, 'two-factor-codes-renew', user.id)).toHaveLength(1);
    let step = await passwordStep(user);
    expect((await step.visitor.post('/sign-in/code', { code: recoveryCodes[1]! })).statusCode).toBe(400);
    step = await passwordStep(user);
    expect((await step.visitor.post('/sign-in/code', { code: fresh[1]! })).headers.location).toBe('/');
  });
});

describe('required for roles with wide reach', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp({ database: t.database, clock, env: { TWO_FACTOR_REQUIRED: 'true' } });
  });
  afterAll(() => strict.app.close());

  it('sends an LA officer without two-factor to set it up before anything else, then signs them in', async () => {
    const officer = await buildUser(t.database.db, { role: 'la_officer' });
    const visitor = new Visitor(strict.app);
    const response = await visitor.post('/sign-in', {
      email: officer.email,
      password: TEST_PASSWORD,
      next: '/account',
    });
    expect(response.headers.location).toBe('/sign-in/set-up-two-factor');
    expect(visitor.cookies.cyd_session).toBeUndefined();
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, officer.id))).toHaveLength(0);
    expect((await visitor.get('/account')).headers.location).toBe('/sign-in?next=%2Faccount');
    expect((await visitor.get('/sign-in/code')).headers.location).toBe('/sign-in?notice=secondStepExpired');

    const page = await visitor.get('/sign-in/set-up-two-factor');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('you must set up two-factor sign-in');
    const secret = shownSecret(page.body);
    const wrong = await visitor.post('/sign-in/set-up-two-factor', { setUp: sealedIn(page.body), code: 'nope' });
    expect(wrong.statusCode).toBe(400);
    expect(visitor.cookies.cyd_session).toBeUndefined();
    const done = await visitor.post('/sign-in/set-up-two-factor', {
      setUp: sealedIn(wrong.body),
      code: codeNow(secret),
    });
    expect(done.statusCode).toBe(200);
    expect(recoveryCodesIn(done.body)).toHaveLength(10);
    expect(done.body).toContain('href="/account"');
    expect((await visitor.get('/account')).statusCode).toBe(200);
    expect(await auditEntries(t.database.db, 'two-factor-on', officer.id)).toHaveLength(1);

    // Next time: the code, not the set-up. And it cannot be turned off while the role requires it.
    clock.advance(STEP_MS);
    const later = new Visitor(strict.app);
    expect((await later.post('/sign-in', { email: officer.email, password: TEST_PASSWORD })).headers.location).toBe(
      '/sign-in/code',
    );
    await later.post('/sign-in/code', { code: codeNow(secret) });
    expect((await later.get('/account/two-factor')).body).not.toContain('href="/account/two-factor/turn-off"');
    clock.advance(STEP_MS);
    const refused = await later.post('/account/two-factor/turn-off', { code: codeNow(secret) });
    expect(refused.statusCode).toBe(403);
    expect(await countRows(t.database.db, `user_two_factor where user_id = '${officer.id}'`)).toBe(1);
  });

  it.each(['improvement_partner', 'partnership_coordinator', 'wg_official', 'administrator'] as const)(
    'requires it of a %s',
    async (role) => {
      const person = await buildUser(t.database.db, { role });
      const response = await new Visitor(strict.app).post('/sign-in', { email: person.email, password: TEST_PASSWORD });
      expect(response.headers.location).toBe('/sign-in/set-up-two-factor');
    },
  );

  it('only offers it to a school role, which signs in with the password alone', async () => {
    const practitioner = await buildUser(t.database.db, { role: 'practitioner' });
    const response = await new Visitor(strict.app).post('/sign-in', {
      email: practitioner.email,
      password: TEST_PASSWORD,
    });
    expect(response.headers.location).toBe('/');
  });
});
