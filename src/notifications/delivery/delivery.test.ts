// Email delivery through a real SMTP conversation (smtp-server on 127.0.0.1, the app's own mailer).
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { notificationPreferences, notifications, users } from '../../db/schema/index.ts';
import { settableClock } from '../../lib/clock.ts';
import { createSmtpMailer } from '../../lib/mailer.ts';
import { derivePurposeKeys } from '../../lib/secrets.ts';
import { buildUser } from '../../../test/support/factories.ts';
import { startSmtpCapture, type SmtpCapture } from '../../../test/support/smtp-capture.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { EventKind } from '../event-kinds.ts';
import { recordEvent, type EventRow } from '../events-repository.ts';
import { relayPendingEvents } from '../relay-service.ts';
import { readUnsubscribeToken } from '../unsubscribe-token.ts';
import { deliverAtOnce, sendDigests, type DeliveryDeps } from './delivery-jobs.ts';
import { testEvent } from '../../../test/support/notification-helpers.ts';

const namedAudience = async (_db: unknown, event: EventRow) => event.audience;
const keys = derivePurposeKeys('a test secret of at least thirty-two characters');
const clock = settableClock('2026-12-07T09:00:00Z');

let smtp: SmtpCapture;
let database: Database;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(() => smtp.close());
beforeEach(async () => {
  database = await createTestDatabase();
  smtp.received.length = 0;
});
afterEach(() => database.close());

const deps = (): DeliveryDeps => ({
  database,
  mailer: smtp.mailer,
  config: { publicUrl: 'http://cydwella.test' },
  clock,
  keys,
});

async function happen(userId: string, kind: EventKind, title: string, extra: Record<string, string> = {}) {
  await recordEvent(
    database.db,
    testEvent({
      kind,
      actorId: null,
      subject: { type: 'thing', id: title },
      link: '/schools/6601234',
      audience: [userId],
      // What each kind's message names: the thing (as title and as need), a school, a day, a revision.
      params: { title, need: title, school: 'Oak Primary', date: '2026-12-14', number: '2', ...extra },
    }),
  );
}

const unemailed = async (userId: string) =>
  (await database.db.select().from(notifications).where(eq(notifications.userId, userId))).filter(
    (n) => n.emailedAt === null,
  ).length;

describe('emails at once', () => {
  it('sends a burst of forty as one message with a line and a full link for each, and never again', async () => {
    const reader = await buildUser(database.db);
    for (let i = 1; i <= 40; i++) await happen(reader.id, 'evidence_to_review', `Lesson observation ${i}`);
    await relayPendingEvents(database.db, namedAudience, clock.now());

    expect(await deliverAtOnce(deps(), reader.id)).toBe(40);
    expect(await deliverAtOnce(deps(), reader.id)).toBe(0);

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([reader.email]);
    expect(mail.subject).toBe('Cydwella: 40 new notifications');
    const ids = (await database.db.select().from(notifications)).map((n) => n.id);
    for (const id of ids) {
      expect(mail.text).toContain(`http://cydwella.test/notifications/${id}`);
      expect(mail.html).toContain(`href="http://cydwella.test/notifications/${id}"`);
    }
    expect(mail.text).toContain('- New evidence at Oak Primary is waiting for your review: Lesson observation 40');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.text).toContain('http://cydwella.test/account/notifications');
    expect(mail.html).toContain('href="http://cydwella.test/account/notifications"');
    expect(await unemailed(reader.id)).toBe(0);
  });

  it('never sends the same notification from two runners at once', async () => {
    const reader = await buildUser(database.db);
    for (let i = 1; i <= 5; i++) await happen(reader.id, 'support_requested', `Action ${i}`);
    await relayPendingEvents(database.db, namedAudience, clock.now());

    const carried = await Promise.all([deliverAtOnce(deps(), reader.id), deliverAtOnce(deps(), reader.id)]);

    expect(carried.sort()).toEqual([0, 5]);
    expect(smtp.received).toHaveLength(1);
  });

  it('writes in the Welsh of a Welsh-speaking reader, escaping what people typed in the HTML', async () => {
    const reader = await buildUser(database.db);
    await database.db.update(users).set({ preferredLanguage: 'cy' }).where(eq(users.id, reader.id));
    await happen(reader.id, 'revision_awaiting_approval', 'Diwygiad 2', { school: 'Ysgol <Llŷr & Siân>' });
    await relayPendingEvents(database.db, namedAudience, clock.now());

    await deliverAtOnce(deps(), reader.id);

    const mail = smtp.received[0]!;
    expect(mail.subject).toBe(
      'Cydwella: Mae fersiwn 2 o gynllun datblygu Ysgol <Llŷr & Siân> yn aros i chi ei chymeradwyo',
    );
    expect(mail.text).toContain('Helo Test User');
    expect(mail.text).toContain('- Mae fersiwn 2 o gynllun datblygu Ysgol <Llŷr & Siân> yn aros i chi ei chymeradwyo');
    expect(mail.html).toContain('<html lang="cy">');
    expect(mail.html).toContain('Ysgol &lt;Llŷr &amp; Siân&gt;');
    expect(mail.html).not.toContain('<Llŷr');
  });

  it('offers one-click unsubscribe (RFC 8058) from exactly the kinds the message carried', async () => {
    const reader = await buildUser(database.db);
    await happen(reader.id, 'evidence_to_review', 'Book look');
    await happen(reader.id, 'support_matched', 'Reading support');
    await relayPendingEvents(database.db, namedAudience, clock.now());

    await deliverAtOnce(deps(), reader.id);

    const mail = smtp.received[0]!;
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const url = /^<(http:\/\/cydwella\.test\/unsubscribe\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+))>$/.exec(
      mail.headers.get('list-unsubscribe') ?? '',
    );
    expect(url).not.toBeNull();
    expect(readUnsubscribeToken(keys.unsubscribeLinks, url![2]!)).toEqual({
      userId: reader.id,
      kinds: ['evidence_to_review', 'support_matched'],
    });
    expect(mail.text).toContain(url![1]);
  });

  it('sends nothing and stamps nothing without SMTP, or when the SMTP server refuses', async () => {
    const reader = await buildUser(database.db);
    await happen(reader.id, 'support_requested', 'Phonics');
    await relayPendingEvents(database.db, namedAudience, clock.now());

    expect(await deliverAtOnce({ ...deps(), mailer: null }, reader.id)).toBe(0);
    const unreachable = createSmtpMailer({
      host: '127.0.0.1',
      port: 9,
      secure: false,
      user: null,
      password: null,
      from: 'x@cydwella.test',
    });
    await expect(deliverAtOnce({ ...deps(), mailer: unreachable }, reader.id)).rejects.toThrow();
    expect(await unemailed(reader.id)).toBe(1);

    expect(await deliverAtOnce(deps(), reader.id)).toBe(1);
    expect(smtp.received).toHaveLength(1);
  });
});

describe('digests', () => {
  it('sends each person one digest of that cadence only, and leaves the other cadences alone', async () => {
    const db = database.db;
    const [daily, weekly] = [await buildUser(db), await buildUser(db)];
    await db.insert(notificationPreferences).values({ userId: daily.id, kind: 'meeting_arranged', cadence: 'daily' });
    for (const reader of [daily, weekly]) {
      await happen(reader.id, 'meeting_arranged', 'Cluster meeting');
      await happen(reader.id, 'meeting_changed', 'Governors’ meeting');
      await happen(reader.id, 'support_requested', 'Numeracy');
    }
    await relayPendingEvents(db, namedAudience, clock.now());

    expect(await sendDigests(deps(), 'daily')).toBe(1);
    expect(smtp.received.map((m) => [m.to[0], m.subject])).toEqual([[daily.email, 'Cydwella: your daily digest']]);
    expect(smtp.received[0]!.text).toContain('- A meeting was arranged for 14 December 2026: Cluster meeting');
    expect(smtp.received[0]!.text).not.toContain('Governors’ meeting');

    smtp.received.length = 0;
    expect(await sendDigests(deps(), 'weekly')).toBe(2);
    const weeklies = new Map(smtp.received.map((m) => [m.to[0], m.text]));
    expect(weeklies.get(daily.email)).toContain(
      '- A meeting has changed and is now on 14 December 2026: Governors’ meeting',
    );
    expect(weeklies.get(daily.email)).not.toContain('Cluster meeting');
    expect(weeklies.get(weekly.email)).toContain('Cluster meeting');
    expect(weeklies.get(weekly.email)).toContain('Governors’ meeting');
    expect([...weeklies.values()].join('\n')).not.toContain('Numeracy');

    smtp.received.length = 0;
    expect(await sendDigests(deps(), 'weekly')).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });
});
