import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, countRows, TEST_PASSWORD, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { hashToken } from '../../sessions/session-service.ts';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const CHROME_CHROMEOS =
  'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const EDGE_ANDROID =
  'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 EdgA/126.0.0.0';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signedIn(user: TestUser, userAgent: string, address?: string): Promise<Visitor> {
  const visitor = new Visitor(t.app, userAgent);
  if (address) visitor.from(address);
  const response = await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD });
  expect(response.statusCode).toBe(303);
  return visitor;
}

const isSignedIn = async (visitor: Visitor) => (await visitor.get('/account')).statusCode === 200;

/** The ids in the sign-out forms of a visitor's account page, in page order. */
async function otherSessionIds(visitor: Visitor): Promise<string[]> {
  const page = await visitor.get('/account');
  return [...page.body.matchAll(/action="\/account\/sessions\/([0-9a-f-]{36})\/sign-out"/g)].map((m) => m[1]!);
}

describe('changing your password', () => {
  it('signs out your other sessions and keeps this one', async () => {
    const user = await buildUser(t.database.db);
    const laptop = await signedIn(user, FIREFOX_WINDOWS);
    const phone = await signedIn(user, SAFARI_IPHONE);
    const changed = await laptop.post('/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'otter kettle lantern',
      confirmPassword: 'otter kettle lantern',
    });
    expect(changed.statusCode).toBe(303);
    const account = await laptop.get(changed.headers.location as string);
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('you have been signed out everywhere else');
    expect(await isSignedIn(phone)).toBe(false);
    const [entry] = await auditEntries(t.database.db, 'password-change', user.id);
    expect(entry).toMatchObject({ actorId: user.id, after: { otherSessionsEnded: 1 } });
  });

  it('with a wrong current password changes nothing, other sessions included', async () => {
    const user = await buildUser(t.database.db);
    const laptop = await signedIn(user, FIREFOX_WINDOWS);
    const phone = await signedIn(user, SAFARI_IPHONE);
    const refused = await laptop.post('/account/password', {
      currentPassword: 'not it',
      newPassword: 'otter kettle lantern',
      confirmPassword: 'otter kettle lantern',
    });
    expect(refused.statusCode).toBe(400);
    expect(await isSignedIn(phone)).toBe(true);
  });
});

describe('your sessions on your account page', () => {
  it('lists where you are signed in, in plain words, marking this session and showing no token', async () => {
    const user = await buildUser(t.database.db);
    const someoneElse = await buildUser(t.database.db);
    const laptop = await signedIn(user, FIREFOX_WINDOWS);
    const phone = await signedIn(user, SAFARI_IPHONE, '198.51.100.7');
    await signedIn(someoneElse, EDGE_ANDROID);
    const page = await laptop.get('/account');
    const text = pageText(page.body);
    expect(text).toContain('Where you are signed in');
    expect(text).toContain('Firefox on Windows');
    expect(text).toContain('Safari on iPhone');
    expect(text).not.toContain('Microsoft Edge');
    expect(text).toMatch(/Firefox on Windows(?:(?!<\/tr>)[\s\S])*This session/); // in the same row
    expect(text).toMatch(/Safari on iPhone(?:(?!<\/tr>)[\s\S])*Signed in from: 198\.51\.100\.7/); // where from, in its row
    expect((await otherSessionIds(laptop)).length).toBe(1);
    for (const token of [laptop.cookies.cyd_session!, phone.cookies.cyd_session!]) {
      expect(page.body).not.toContain(token);
      expect(page.body).not.toContain(hashToken(token));
    }
    const welsh = pageText((await laptop.get('/account?lang=cy')).body);
    expect(welsh).toContain('Ble rydych wedi mewngofnodi');
    expect(welsh).toContain('Firefox ar Windows');
    expect(welsh).toContain('Y sesiwn hon');
    expect(welsh).toContain('Wedi mewngofnodi o: 198.51.100.7');
    expect(welsh).toContain('Allgofnodi pob sesiwn arall');
  });

  it('leaves out sessions that have expired', async () => {
    const user = await buildUser(t.database.db);
    const laptop = await signedIn(user, FIREFOX_WINDOWS);
    await signedIn(user, SAFARI_IPHONE);
    await t.database.db.execute(
      `update sessions set last_seen_at = now() - interval '3 hours' where user_id = '${user.id}' and user_agent like '%iPhone%'` as never,
    );
    const text = pageText((await laptop.get('/account')).body);
    expect(text).not.toContain('Safari on iPhone');
    expect(text).toContain('You are not signed in anywhere else.');
  });

  it('signs out one other session, keeps the rest, and audits it', async () => {
    const user = await buildUser(t.database.db);
    const laptop = await signedIn(user, FIREFOX_WINDOWS);
    const phone = await signedIn(user, SAFARI_IPHONE);
    const chromebook = await signedIn(user, CHROME_CHROMEOS);
    // The phone's own id is the one the laptop offers to sign out and the phone does not.
    const idsFromPhone = await otherSessionIds(phone);
    const idsFromLaptop = await otherSessionIds(laptop);
    expect(idsFromLaptop).toHaveLength(2);
    const target = idsFromLaptop.find((id) => !idsFromPhone.includes(id))!;
    const ended = await laptop.post(`/account/sessions/${target}/sign-out`, {});
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toBe('/account?ended=one#sessions');
    expect(pageText((await laptop.get('/account?ended=one')).body)).toContain('That session has been signed out.');
    expect(await isSignedIn(phone)).toBe(false);
    expect(await isSignedIn(chromebook)).toBe(true);
    expect(await isSignedIn(laptop)).toBe(true);
    const [entry] = await auditEntries(t.database.db, 'session-end', user.id);
    expect(entry).toMatchObject({ actorId: user.id, before: { sessionId: target } });
  });

  it('signs out all other sessions at once', async () => {
    const user = await buildUser(t.database.db);
    const laptop = await signedIn(user, FIREFOX_WINDOWS);
    const others = [await signedIn(user, SAFARI_IPHONE), await signedIn(user, CHROME_CHROMEOS)];
    const someoneElse = await buildUser(t.database.db);
    const theirs = await signedIn(someoneElse, EDGE_ANDROID);
    const ended = await laptop.post('/account/sessions/sign-out-others', {});
    expect(ended.headers.location).toBe('/account?ended=others#sessions');
    for (const other of others) expect(await isSignedIn(other)).toBe(false);
    expect(await isSignedIn(laptop)).toBe(true);
    expect(await isSignedIn(theirs)).toBe(true);
    const page = pageText((await laptop.get('/account?ended=others')).body);
    expect(page).toContain('All your other sessions have been signed out.');
    expect(page).toContain('You are not signed in anywhere else.');
    const [entry] = await auditEntries(t.database.db, 'sessions-end-others', user.id);
    expect(entry).toMatchObject({ actorId: user.id, after: { sessionsEnded: 2 } });
  });

  it("refuses another person's session with a 404 and changes nothing", async () => {
    const user = await buildUser(t.database.db);
    const laptop = await signedIn(user, FIREFOX_WINDOWS);
    const victim = await buildUser(t.database.db);
    const victimLaptop = await signedIn(victim, CHROME_CHROMEOS);
    const victimPhone = await signedIn(victim, SAFARI_IPHONE);
    const [victimSessionId] = await otherSessionIds(victimLaptop);
    const sessionsBefore = await countRows(t.database.db, 'sessions');
    const auditBefore = await countRows(t.database.db, 'audit_log');
    const response = await laptop.post(`/account/sessions/${victimSessionId}/sign-out`, {});
    expect(response.statusCode).toBe(404);
    expect(await countRows(t.database.db, 'sessions')).toBe(sessionsBefore);
    expect(await countRows(t.database.db, 'audit_log')).toBe(auditBefore);
    expect(await isSignedIn(victimPhone)).toBe(true);
    expect(await isSignedIn(victimLaptop)).toBe(true);
  });

  it('ends nothing for the current session, a malformed id or a forged form', async () => {
    const user = await buildUser(t.database.db);
    const laptop = await signedIn(user, FIREFOX_WINDOWS);
    const phone = await signedIn(user, SAFARI_IPHONE);
    const [phoneId] = await otherSessionIds(laptop);
    const [laptopId] = await otherSessionIds(phone);
    expect((await laptop.post(`/account/sessions/${laptopId}/sign-out`, {})).statusCode).toBe(404);
    // A malformed id in an address names no page: not found, as for any other address of the wrong shape.
    expect((await laptop.post('/account/sessions/not-a-session/sign-out', {})).statusCode).toBe(404);
    expect((await laptop.post(`/account/sessions/${phoneId}/sign-out`, {}, { csrf: 'forged' })).statusCode).toBe(403);
    expect((await laptop.post('/account/sessions/sign-out-others', {}, { csrf: false })).statusCode).toBe(403);
    expect(await isSignedIn(laptop)).toBe(true);
    expect(await isSignedIn(phone)).toBe(true);
    expect(await auditEntries(t.database.db, 'session-end', user.id)).toEqual([]);
  });

  it('refuses a hostile notice on the account page with a translated 400', async () => {
    const user = await buildUser(t.database.db);
    const laptop = await signedIn(user, FIREFOX_WINDOWS);
    const response = await laptop.get('/account?ended=%3Cscript%3E&lang=cy');
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('<script>');
  });
});
