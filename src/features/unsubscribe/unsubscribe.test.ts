// One-click unsubscribe (RFC 8058) from a real email: the link in its List-Unsubscribe header,
// posted the way a mail client does (no cookie, no CSRF token), and the page a person opens.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notificationPreferences, users } from '../../db/schema/index.ts';
import { derivePurposeKeys } from '../../lib/secrets.ts';
import { recordEvent, type EventRow } from '../../notifications/events-repository.ts';
import { deliverAtOnce, type DeliveryDeps } from '../../notifications/delivery/delivery-jobs.ts';
import { relayPendingEvents } from '../../notifications/relay-service.ts';
import { unsubscribeToken } from '../../notifications/unsubscribe-token.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, countRows, type TestUser } from '../../../test/support/factories.ts';
import { pageText } from '../../../test/support/http.ts';
import { startSmtpCapture, type SmtpCapture } from '../../../test/support/smtp-capture.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testEvent } from '../../../test/support/notification-helpers.ts';

const namedAudience = async (_db: unknown, event: EventRow) => event.audience;

let t: TestApp;
let smtp: SmtpCapture;
let keys: ReturnType<typeof derivePurposeKeys>;
beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtpCapture();
  keys = derivePurposeKeys(t.config.cookieSecret);
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});
beforeEach(() => {
  smtp.received.length = 0;
});

const deps = (): DeliveryDeps => ({
  database: t.database,
  mailer: smtp.mailer,
  config: t.config,
  clock: t.clock,
  keys,
});

async function tell(reader: TestUser, kind: 'evidence_to_review' | 'support_requested', title: string) {
  await recordEvent(
    t.database.db,
    testEvent({
      kind,
      actorId: null,
      subject: { type: 'thing', id: title },
      link: '/',
      audience: [reader.id],
      // What the kinds' messages name: the thing (as title and as need) and a school.
      params: { title, need: title, school: 'Oak Primary' },
    }),
  );
  await relayPendingEvents(t.database.db, namedAudience, t.clock.now());
}

const cadenceOf = async (userId: string) =>
  Object.fromEntries(
    (await t.database.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId))).map(
      (row) => [row.kind, row.cadence],
    ),
  );

describe('one-click unsubscribe', () => {
  it('stops the kind the email carried when the mail client posts to its List-Unsubscribe link', async () => {
    const reader = await buildUser(t.database.db);
    await tell(reader, 'evidence_to_review', 'Book look');
    await deliverAtOnce(deps(), reader.id);
    const link = /^<http:\/\/cydwella\.test(\/unsubscribe\/[^>]+)>$/.exec(
      smtp.received[0]!.headers.get('list-unsubscribe') ?? '',
    );
    expect(link).not.toBeNull();
    // Another arrives before the click: it must not be emailed after the person said stop.
    await tell(reader, 'evidence_to_review', 'Learning walk');
    await tell(reader, 'support_requested', 'Phonics');

    const response = await t.app.inject({
      method: 'POST',
      url: link![1]!,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });

    expect(response.statusCode).toBe(200);
    expect(await cadenceOf(reader.id)).toEqual({ evidence_to_review: 'in_service' });
    const [entry] = await auditEntries(t.database.db, 'notification-unsubscribe', reader.id);
    expect(entry).toMatchObject({
      actorId: reader.id,
      before: { evidence_to_review: 'at_once' },
      after: { evidence_to_review: 'in_service' },
    });
    smtp.received.length = 0;
    await deliverAtOnce(deps(), reader.id);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.text).toContain('Phonics');
    expect(smtp.received[0]!.text).not.toContain('Learning walk');
  });

  it('accepts the one-click body as multipart/form-data, as RFC 8058 prefers', async () => {
    const reader = await buildUser(t.database.db);
    const token = unsubscribeToken(keys.unsubscribeLinks, { userId: reader.id, kinds: ['support_requested'] });
    const boundary = 'xYzZY';
    const response = await t.app.inject({
      method: 'POST',
      url: `/unsubscribe/${token}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(response.statusCode).toBe(200);
    expect(await cadenceOf(reader.id)).toEqual({ support_requested: 'in_service' });
  });

  it.each([
    { lang: 'en', heading: 'Stop these emails', kind: 'Support requests', button: 'Stop these emails' },
    {
      lang: 'cy',
      heading: 'Peidio ag anfon y negeseuon e-bost hyn',
      kind: 'Ceisiadau am gymorth',
      button: 'Peidio ag anfon y negeseuon e-bost hyn',
    },
  ])('shows a person who opens the link a page with a button that works without JavaScript ($lang)', async (c) => {
    const reader = await buildUser(t.database.db);
    await t.database.db.update(users).set({ preferredLanguage: c.lang }).where(eq(users.id, reader.id));
    const token = unsubscribeToken(keys.unsubscribeLinks, { userId: reader.id, kinds: ['support_requested'] });

    const page = await t.app.inject({ method: 'GET', url: `/unsubscribe/${token}?lang=${c.lang}` });
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain(c.heading);
    expect(pageText(page.body)).toContain(c.kind);
    expect(page.body).toMatch(/<form method="post"/);
    expect(page.body).toContain(c.button);
    expect(await cadenceOf(reader.id)).toEqual({}); // opening the page changes nothing

    const done = await t.app.inject({
      method: 'POST',
      url: `/unsubscribe/${token}?lang=${c.lang}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    expect(await cadenceOf(reader.id)).toEqual({ support_requested: 'in_service' });
  });

  it('refuses a forged, altered or malformed token with a translated page, changing nothing', async () => {
    const reader = await buildUser(t.database.db);
    const foreignKey = derivePurposeKeys('another secret of at least thirty-two characters');
    const forged = unsubscribeToken(foreignKey.unsubscribeLinks, { userId: reader.id, kinds: ['support_requested'] });
    const other = unsubscribeToken(keys.attachmentLinks, { userId: reader.id, kinds: ['support_requested'] });
    const prefs = await countRows(t.database.db, 'notification_preferences');
    const audit = await countRows(t.database.db, 'audit_log');
    for (const [token, status] of [
      [forged, 404],
      [other, 404],
      ['not-a-token', 404],
    ] as const) {
      for (const method of ['GET', 'POST'] as const) {
        const response = await t.app.inject({
          method,
          url: `/unsubscribe/${token}?lang=cy`,
          ...(method === 'POST'
            ? {
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                payload: 'List-Unsubscribe=One-Click',
              }
            : {}),
        });
        expect(response.statusCode, `${method} ${token}`).toBe(status);
        expect(response.body).toContain('lang="cy"');
      }
    }
    const invalid = await t.app.inject({ method: 'GET', url: `/unsubscribe/${forged}?lang=cy` });
    expect(pageText(invalid.body)).toContain("Nid yw'r ddolen hon i beidio ag anfon negeseuon e-bost yn ddilys");
    expect(await countRows(t.database.db, 'notification_preferences')).toBe(prefs);
    expect(await countRows(t.database.db, 'audit_log')).toBe(audit);
  });

  it('still asks every other POST for its CSRF token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40example.test&password=x&next=',
    });
    expect(response.statusCode).toBe(403);
  });
});
