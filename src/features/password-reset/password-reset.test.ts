import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, countRows, sessionCookie, TEST_PASSWORD } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { startSmtpCapture, type SmtpCapture } from '../../../test/support/smtp-capture.ts';
import { settableClock, type SettableClock } from '../../lib/clock.ts';
import { LINKS_PER_ACCOUNT_PER_HOUR } from './password-reset-service.ts';

let t: TestApp;
let clock: SettableClock;
let smtp: SmtpCapture;
beforeAll(async () => {
  clock = settableClock('2026-12-07T09:00:00Z');
  smtp = await startSmtpCapture();
  // The app's own SMTP mailer talking to a real SMTP peer: what an operator's relay would receive.
  t = await createTestApp({ clock, mailer: smtp.mailer });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const NEW_PASSWORD = 'lantern harbour otter morning';

/** The reset email goes after the answer: wait for it (or be sure, later, that none came). */
async function mailTo(email: string, count = 1) {
  for (let i = 0; i < 200; i++) {
    const mails = smtp.received.filter((m) => m.to.includes(email));
    if (mails.length >= count) return mails;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no email to ${email}`);
}
const linkIn = (text: string) => /http:\/\/cydwella\.test(\/set-password\/[A-Za-z0-9_-]{43})/.exec(text)![1]!;

async function ask(email: string, visitor = new Visitor(t.app)) {
  return visitor.post('/forgotten-password', { email }, { tokenFrom: '/forgotten-password' });
}

describe('forgotten password', () => {
  it('is linked from the sign-in page, in both languages', async () => {
    const visitor = new Visitor(t.app);
    expect((await visitor.get('/sign-in')).body).toContain(
      '<a class="govuk-link" href="/forgotten-password">Forgotten your password?</a>',
    );
    expect((await visitor.get('/forgotten-password?lang=cy')).body).toContain('Ailosod eich cyfrinair');
  });

  it('answers the same for an unknown address and sends nothing to it', async () => {
    const known = await buildUser(t.database.db);
    const unknown = await ask('nobody-here@example.test');
    const existing = await ask(known.email.toUpperCase());
    expect(unknown.statusCode).toBe(303);
    expect(existing.statusCode).toBe(303);
    expect(unknown.headers.location).toBe(existing.headers.location);
    const sent = await new Visitor(t.app).get(unknown.headers.location!);
    expect(pageText(sent.body)).toContain('If an account exists for that address, we have sent it a link');
    await mailTo(known.email);
    expect(smtp.received.some((m) => m.to.includes('nobody-here@example.test'))).toBe(false);
  });

  it('sends a bilingual one-hour link that sets the password once, ends every session and is audited', async () => {
    const user = await buildUser(t.database.db);
    await t.database.db.execute(sql`update users set preferred_language = 'cy' where id = ${user.id}`);
    const signedIn = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id, clock.now()));
    expect((await signedIn.get('/account')).statusCode).toBe(200);

    expect((await ask(user.email)).statusCode).toBe(303);
    const [mail] = await mailTo(user.email);
    expect(mail!.subject).toBe('Ailosod eich cyfrinair Cydwella / Reset your Cydwella password');
    expect(mail!.text.indexOf('Helo')).toBeLessThan(mail!.text.indexOf('Hello'));
    expect(mail!.text).toContain('expires in 1 hour');
    const link = linkIn(mail!.text);
    const token = link.split('/').at(-1)!;
    expect(await countRows(t.database.db, `password_tokens where token_hash = '${token}'`)).toBe(0);
    expect(await auditEntries(t.database.db, 'password-reset-request', user.id)).toHaveLength(1);

    const visitor = new Visitor(t.app);
    expect((await visitor.get(link)).statusCode).toBe(200);
    const weak = await visitor.post(
      link,
      { password: 'password1234', confirmPassword: 'password1234' },
      { tokenFrom: link },
    );
    expect(weak.statusCode).toBe(400);
    const done = await visitor.post(
      link,
      { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { tokenFrom: link },
    );
    expect(done.headers.location).toBe('/sign-in?notice=passwordSet');
    expect(await countRows(t.database.db, `sessions where user_id = '${user.id}'`)).toBe(0);
    expect((await signedIn.get('/account')).statusCode).toBe(303);
    expect(await auditEntries(t.database.db, 'password-set', user.id)).toHaveLength(1);
    expect(
      (await new Visitor(t.app).post('/sign-in', { email: user.email, password: NEW_PASSWORD })).headers.location,
    ).toBe('/');

    // Used: the link is dead, and cannot set the password again.
    expect((await new Visitor(t.app).get(link)).statusCode).toBe(404);
    const reuse = await new Visitor(t.app).post(
      link,
      { password: 'another fine passphrase', confirmPassword: 'another fine passphrase' },
      { tokenFrom: '/sign-in' },
    );
    expect(reuse.statusCode).toBe(404);
  });

  it('refuses an expired link and a forged one', async () => {
    const user = await buildUser(t.database.db);
    await ask(user.email);
    const link = linkIn((await mailTo(user.email))[0]!.text);
    clock.advance(61 * 60_000);
    expect((await new Visitor(t.app).get(link)).statusCode).toBe(404);
    const late = await new Visitor(t.app).post(
      link,
      { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { tokenFrom: '/sign-in' },
    );
    expect(late.statusCode).toBe(404);
    expect((await new Visitor(t.app).get(`/set-password/${'x'.repeat(43)}`)).statusCode).toBe(404);
    expect((await new Visitor(t.app).get('/set-password/short')).statusCode).toBe(404);
    expect(
      (await new Visitor(t.app).post('/sign-in', { email: user.email, password: TEST_PASSWORD })).headers.location,
    ).toBe('/');
  });

  it('sends at most a few links an hour to one account, however often it is asked', async () => {
    const user = await buildUser(t.database.db);
    clock.advance(2 * 3600_000);
    for (let i = 0; i < LINKS_PER_ACCOUNT_PER_HOUR + 2; i++) expect((await ask(user.email)).statusCode).toBe(303);
    await mailTo(user.email, LINKS_PER_ACCOUNT_PER_HOUR);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.filter((m) => m.to.includes(user.email))).toHaveLength(LINKS_PER_ACCOUNT_PER_HOUR);
    // Only the newest link works: each new one replaces the one before.
    const mails = smtp.received.filter((m) => m.to.includes(user.email));
    expect((await new Visitor(t.app).get(linkIn(mails[0]!.text))).statusCode).toBe(404);
    expect((await new Visitor(t.app).get(linkIn(mails.at(-1)!.text))).statusCode).toBe(200);
  });

  it('asks again, translated, for a missing or malformed address and sends nothing', async () => {
    const visitor = new Visitor(t.app);
    await visitor.get('/forgotten-password?lang=cy');
    const before = smtp.received.length;
    const empty = await ask('', visitor);
    expect(empty.statusCode).toBe(400);
    expect(pageText(empty.body)).toContain('Rhowch eich cyfeiriad e-bost');
    const malformed = await ask('not an address', visitor);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('value="not an address"');
    expect((await ask('x'.repeat(400) + '@example.test', visitor)).statusCode).toBe(400);
    expect(smtp.received.length).toBe(before);
  });

  it('limits how often one client address may ask', async () => {
    const limited = await createTestApp({ database: t.database, clock, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const visitor = new Visitor(limited.app).from('203.0.113.9');
      const token = await visitor.csrfToken('/forgotten-password');
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await visitor.post('/forgotten-password', { email: `someone${i}@example.test` }, { csrf: token }))
            .statusCode,
        );
      expect(statuses).toEqual([303, 303, 303, 429]);
      const elsewhere = new Visitor(limited.app).from('203.0.113.10');
      expect(
        (await elsewhere.post('/forgotten-password', { email: 'a@example.test' }, { tokenFrom: '/forgotten-password' }))
          .statusCode,
      ).toBe(303);
    } finally {
      await limited.app.close();
    }
  });

  it('without a mail server, says whom to ask instead of offering a form that cannot work', async () => {
    const silent = await createTestApp({ database: t.database, clock, mailer: null });
    try {
      const page = await new Visitor(silent.app).get('/forgotten-password');
      expect(page.body).not.toContain('action="/forgotten-password"');
      expect(pageText(page.body)).toContain('Ask your headteacher, your local authority or an administrator');
      const welsh = await new Visitor(silent.app).get('/forgotten-password?lang=cy');
      expect(pageText(welsh.body)).toContain("Gofynnwch i'ch pennaeth");
    } finally {
      await silent.app.close();
    }
  });
});
