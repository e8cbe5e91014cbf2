import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, countRows, TEST_PASSWORD, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildSchool, buildSchoolPeople } from '../../../test/support/school-factories.ts';
import { buildCycle, buildEvidence, shareEvidence } from '../../../test/support/evidence-factories.ts';
import { notificationPreferences, notifications, shares } from '../../db/schema/index.ts';
import { recordEvent, type EventInput } from '../../notifications/events-repository.ts';
import { relayPendingEvents } from '../../notifications/relay-service.ts';
import { countUnread } from '../../notifications/notifications-repository.ts';
import { testEvent } from '../../../test/support/notification-helpers.ts';

const NOW = new Date('2026-12-07T09:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signedIn(user: TestUser): Promise<Visitor> {
  const visitor = new Visitor(t.app);
  expect((await visitor.post('/sign-in', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(303);
  return visitor;
}

/** Records an event naming its audience and relays it, as the relay job would. */
async function tell(
  input: Partial<Omit<EventInput, 'params'>> & { audience: string[]; params?: Record<string, string> },
  at = NOW,
) {
  await recordEvent(
    t.database.db,
    testEvent({
      kind: 'meeting_arranged',
      actorId: null,
      subject: { type: 'meeting', id: 'm1' },
      link: '/account',
      params: { date: '2026-12-10', title: 'Cluster meeting' },
      ...input,
    }),
  );
  await relayPendingEvents(t.database.db, async (_db, e) => e.audience, at);
}

async function idsOf(user: TestUser): Promise<string[]> {
  const rows = await t.database.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(notifications.createdAt);
  return rows.map((r) => r.id);
}

const notificationLinks = (html: string) =>
  [...html.matchAll(/href="\/notifications\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);

describe('the notifications page', () => {
  it('lists your own notifications newest first, in your language, unread marked', async () => {
    const reader = await buildUser(t.database.db);
    const other = await buildUser(t.database.db);
    await tell({ kind: 'meeting_arranged', audience: [reader.id] });
    await tell({
      kind: 'support_matched',
      audience: [reader.id, other.id],
      params: { school: 'Oak Primary', need: 'Reading for pleasure', supportingSchool: 'Ysgol Derw' },
    });
    await tell({
      kind: 'plan_submitted',
      audience: [other.id],
      params: { la: 'Cardiff', laCy: 'Caerdydd', round: '2027' },
    });
    const visitor = await signedIn(reader);

    const page = await visitor.get('/notifications');
    expect(page.statusCode).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('Support for Oak Primary (“Reading for pleasure”) was matched to Ysgol Derw');
    expect(text).toContain('A meeting was arranged for 10 December 2026: Cluster meeting');
    expect(text).not.toContain('submitted its plan');
    expect(text.indexOf('Support for Oak Primary')).toBeLessThan(text.indexOf('A meeting was arranged'));
    expect(text).toContain('2 notifications · 2 unread');
    expect(page.body.match(/govuk-tag--blue cyd-tag">Unread/g)).toHaveLength(2);
    expect(notificationLinks(page.body).sort()).toEqual((await idsOf(reader)).sort());

    const welsh = pageText((await visitor.get('/notifications?lang=cy')).body);
    expect(welsh).toContain('Hysbysiadau');
    expect(welsh).toContain("wedi'i baru â Ysgol Derw");
    expect(welsh).toContain('Trefnwyd cyfarfod ar gyfer 10 Rhagfyr 2026: Cluster meeting');
  });

  it('filters by kind, and says so when there is nothing', async () => {
    const reader = await buildUser(t.database.db);
    const visitor = await signedIn(reader);
    expect(pageText((await visitor.get('/notifications')).body)).toContain('You have no notifications.');
    await tell({ kind: 'meeting_arranged', audience: [reader.id] });
    await tell({ kind: 'meeting_changed', audience: [reader.id] });
    const filtered = pageText((await visitor.get('/notifications?kind=meeting_changed')).body);
    expect(filtered).toContain('A meeting has changed');
    expect(filtered).not.toContain('A meeting was arranged');
    expect(filtered).toContain('1 notification ·');
    // A kind it does not know of shows everything, not an error.
    expect(pageText((await visitor.get('/notifications?kind=nonsense')).body)).toContain('A meeting was arranged');
  });

  it('pages through many, twenty at a time', async () => {
    const reader = await buildUser(t.database.db);
    for (let i = 0; i < 25; i++)
      await tell({ kind: 'meeting_arranged', audience: [reader.id] }, new Date(NOW.getTime() + i * 60_000));
    const visitor = await signedIn(reader);
    const first = await visitor.get('/notifications');
    expect(notificationLinks(first.body)).toHaveLength(20);
    expect(first.body).toContain('href="/notifications?page=2"');
    const second = await visitor.get('/notifications?page=2');
    expect(notificationLinks(second.body)).toHaveLength(5);
    expect(new Set([...notificationLinks(first.body), ...notificationLinks(second.body)]).size).toBe(25);
  });

  it('marks one read, and audits it', async () => {
    const reader = await buildUser(t.database.db);
    await tell({ audience: [reader.id] });
    await tell({ audience: [reader.id] });
    const [first] = await idsOf(reader);
    const visitor = await signedIn(reader);
    const marked = await visitor.post(`/notifications/${first}/read`, { kind: 'meeting_arranged', page: '1' });
    expect(marked.statusCode).toBe(303);
    expect(marked.headers.location).toBe('/notifications?kind=meeting_arranged&page=1&done=one');
    expect(await countUnread(t.database.db, reader.id)).toBe(1);
    expect(pageText((await visitor.get(marked.headers.location as string)).body)).toContain(
      'The notification was marked as read.',
    );
    const [entry] = await auditEntries(t.database.db, 'notification-read', first);
    expect(entry).toMatchObject({ actorId: reader.id, entityType: 'notification' });
  });

  it('marks all read at once, and audits it', async () => {
    const reader = await buildUser(t.database.db);
    const other = await buildUser(t.database.db);
    for (let i = 0; i < 3; i++) await tell({ audience: [reader.id, other.id] });
    const visitor = await signedIn(reader);
    const marked = await visitor.post('/notifications/read-all', {});
    expect(marked.headers.location).toBe('/notifications?done=all&count=3');
    expect(await countUnread(t.database.db, reader.id)).toBe(0);
    expect(await countUnread(t.database.db, other.id)).toBe(3);
    const page = pageText((await visitor.get(marked.headers.location as string)).body);
    expect(page).toContain('3 notifications were marked as read.');
    expect(page).not.toContain('Mark all as read');
    const [entry] = await auditEntries(t.database.db, 'notifications-read-all', reader.id);
    expect(entry).toMatchObject({ actorId: reader.id, after: { marked: 3 } });
    // Nothing left to mark: nothing written.
    const before = await countRows(t.database.db, 'audit_log');
    await visitor.post('/notifications/read-all', {});
    expect(await countRows(t.database.db, 'audit_log')).toBe(before);
  });

  it("refuses someone else's notification with a 404, to open or to mark, and changes nothing", async () => {
    const reader = await buildUser(t.database.db);
    const victim = await buildUser(t.database.db);
    await tell({ audience: [victim.id] });
    const [theirs] = await idsOf(victim);
    const visitor = await signedIn(reader);
    const auditBefore = await countRows(t.database.db, 'audit_log');
    expect((await visitor.get(`/notifications/${theirs}`)).statusCode).toBe(404);
    expect((await visitor.post(`/notifications/${theirs}/read`, {})).statusCode).toBe(404);
    expect(await countUnread(t.database.db, victim.id)).toBe(1);
    expect(await countRows(t.database.db, 'audit_log')).toBe(auditBefore);
  });

  it('asks you to sign in first', async () => {
    const response = await new Visitor(t.app).get('/notifications');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Fnotifications');
  });
});

describe('opening a notification', () => {
  it('marks it read and takes you to the thing (303)', async () => {
    const reader = await buildUser(t.database.db);
    await tell({ audience: [reader.id], link: '/account/calendar' });
    const [id] = await idsOf(reader);
    const visitor = await signedIn(reader);
    const opened = await visitor.get(`/notifications/${id}`);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe('/account/calendar');
    expect(await countUnread(t.database.db, reader.id)).toBe(0);
    expect(await auditEntries(t.database.db, 'notification-read', id)).toHaveLength(1);
  });

  it('never leaves the site, whatever the link says', async () => {
    const reader = await buildUser(t.database.db);
    // recordEvent refuses '//x'; a backslash slips past a naive check and browsers read it as '//'.
    await tell({ audience: [reader.id], link: '/\\evil.example/x' });
    const [id] = await idsOf(reader);
    const opened = await (await signedIn(reader)).get(`/notifications/${id}`);
    expect(opened.statusCode).not.toBe(303);
    expect(String(opened.headers.location ?? '')).not.toContain('evil');
  });

  it('shows a shared item while it is shared, and nothing once the sharing is withdrawn', async () => {
    const db = t.database.db;
    const school = await buildSchool(db);
    const people = await buildSchoolPeople(db, school);
    const cycle = await buildCycle(db, school.number);
    const [item] = await buildEvidence(db, school.number, cycle.id, [{ title: 'Reading walk in Year 4' }]);
    await shareEvidence(db, school.number, item!.id, 'governors');
    const link = `/schools/${school.number}/evidence/${item!.id}`;
    await tell({
      kind: 'shared_with_you',
      actorId: people.headteacher.id,
      subject: { type: 'evidence', id: item!.id },
      link,
      schoolNumber: school.number,
      audience: [people.governor.id],
    });
    await tell({
      kind: 'shared_with_you',
      subject: { type: 'evidence', id: item!.id },
      link,
      schoolNumber: school.number,
      audience: [people.governor.id],
    });
    const [first, second] = await idsOf(people.governor);
    const governor = await signedIn(people.governor);
    const opened = await governor.get(`/notifications/${first}`);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(link);
    expect((await governor.get(link)).statusCode).toBe(200);

    await db.delete(shares).where(and(eq(shares.itemId, item!.id), eq(shares.audience, 'governors')));
    const gone = await governor.get(`/notifications/${second}`);
    expect(gone.statusCode).toBe(200);
    const text = pageText(gone.body);
    expect(text).toContain('You can no longer see this');
    expect(text).not.toContain('Reading walk in Year 4');
    expect(gone.body).not.toContain(link);
    expect(await countUnread(db, people.governor.id)).toBe(1); // not marked read: nothing was opened
    expect(pageText((await governor.get(`/notifications/${second}?lang=cy`)).body)).toContain(
      'Ni allwch weld hwn bellach',
    );
  });

  it("says so when the link's own page would refuse the reader", async () => {
    const db = t.database.db;
    const school = await buildSchool(db);
    const people = await buildSchoolPeople(db, school);
    // Told while they were a stranger's headteacher (say, before a move): the school's page is not theirs.
    await tell({
      kind: 'meeting_arranged',
      link: `/schools/${school.number}/evidence`,
      audience: [people.otherHeadteacher.id],
    });
    const [id] = await idsOf(people.otherHeadteacher);
    const page = await (await signedIn(people.otherHeadteacher)).get(`/notifications/${id}`);
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('You can no longer see this');
  });
});

describe('the unread count in the header', () => {
  it('shows on every page for a signed-in reader, in words as well as a number, and links to the list', async () => {
    const reader = await buildUser(t.database.db);
    const visitor = await signedIn(reader);
    const none = await visitor.get('/');
    expect(none.body).toContain('data-testid="header-notifications"');
    expect(none.body).not.toContain('cyd-unread-badge');
    await tell({ audience: [reader.id] });
    await tell({ audience: [reader.id] });
    for (const path of ['/', '/account', '/good-practice']) {
      const page = await visitor.get(path);
      expect(page.body).toMatch(
        /href="\/notifications"[^>]*>Notifications<span class="cyd-unread-badge" aria-hidden="true">2<\/span><span class="govuk-visually-hidden"> \(2 unread notifications\)<\/span>/,
      );
    }
    expect((await visitor.get('/?lang=cy')).body).toContain('(2 hysbysiad heb eu darllen)');
    await visitor.post('/notifications/read-all', {});
    expect((await visitor.get('/')).body).not.toContain('cyd-unread-badge');
  });

  it('is not shown to someone signed out', async () => {
    const page = await new Visitor(t.app).get('/sign-in');
    expect(page.body).not.toContain('header-notifications');
    expect(page.body).not.toContain('__CYD_');
  });
});

describe('choosing how you hear about things', () => {
  it('shows every kind your roles can be told of, grouped, with its default chosen, and is linked from your account', async () => {
    const reader = await buildUser(t.database.db, { role: 'chair_of_governors', scopeId: 'GB6601234' });
    const visitor = await signedIn(reader);
    expect((await visitor.get('/account')).body).toContain('href="/account/notifications"');
    const page = await visitor.get('/account/notifications');
    expect(page.statusCode).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('Things that wait on you');
    expect(page.body).toMatch(/name="revision_awaiting_approval"[^>]*value="at_once" checked/);
    expect(page.body).toMatch(/name="revision_approved"[^>]*value="weekly" checked/);
    expect(page.body).toMatch(/name="concern_review_due"/);
    // Nobody is asked about what never comes to them: a chair of governors hears of no LA plan round.
    expect(page.body).not.toContain('name="plan_round_opened"');
    expect(page.body).not.toContain('name="meeting_arranged"');
    expect(text).toContain('Default: Email at once');
    expect(pageText((await visitor.get('/account/notifications?lang=cy')).body)).toContain(
      "Pethau sy'n aros amdanoch chi",
    );
  });

  it('saves the choices with one Save, audits what changed, and the relay uses them', async () => {
    const db = t.database.db;
    const reader = await buildUser(db, { role: 'la_officer' });
    const visitor = await signedIn(reader);
    const form = Object.fromEntries(
      [
        ...(await visitor.get('/account/notifications')).body.matchAll(
          /name="([a-z_]+)" type="radio" value="([a-z_]+)" checked/g,
        ),
      ].map((m) => [m[1]!, m[2]!]),
    );
    expect(Object.keys(form).length).toBeGreaterThan(15);
    const saved = await visitor.post('/account/notifications', {
      ...form,
      meeting_arranged: 'in_service',
      plan_comments_sent: 'daily',
    });
    expect(saved.statusCode).toBe(303);
    expect(pageText((await visitor.get(saved.headers.location as string)).body)).toContain('Your choices were saved.');
    const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, reader.id));
    expect(rows.map((r) => [r.kind, r.cadence]).sort()).toEqual([
      ['meeting_arranged', 'in_service'],
      ['plan_comments_sent', 'daily'],
    ]);
    const [entry] = await auditEntries(db, 'notification-preferences-save', reader.id);
    expect(entry).toMatchObject({ after: { meeting_arranged: 'in_service', plan_comments_sent: 'daily' } });
    expect((await visitor.get('/account/notifications')).body).toMatch(
      /name="meeting_arranged"[^>]*value="in_service" checked/,
    );
    await tell({ kind: 'meeting_arranged', audience: [reader.id] });
    const [made] = await db.select().from(notifications).where(eq(notifications.userId, reader.id));
    expect(made?.cadence).toBe('in_service');
  });

  it('refuses an unknown choice with a translated error and saves nothing', async () => {
    const reader = await buildUser(t.database.db, { role: 'la_officer' });
    const visitor = await signedIn(reader);
    const auditBefore = await countRows(t.database.db, 'audit_log');
    const refused = await visitor.post('/account/notifications', { meeting_arranged: 'hourly' });
    expect(refused.statusCode).toBe(400);
    expect(pageText(refused.body)).toContain('Choose how you hear about this');
    expect(refused.body).toContain('href="#meeting_arranged"');
    const rows = await t.database.db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, reader.id));
    expect(rows).toEqual([]);
    expect(await countRows(t.database.db, 'audit_log')).toBe(auditBefore);
  });

  it('says there is nothing to choose to someone whose roles are told of nothing', async () => {
    const visitor = await signedIn(await buildUser(t.database.db, { role: 'administrator' }));
    const text = pageText((await visitor.get('/account/notifications?lang=cy')).body);
    expect(text).toContain("nid oes dim i'w ddewis yma");
    expect(text).not.toContain('Cadw eich dewisiadau');
  });
});
