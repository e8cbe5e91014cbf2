import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildCollaborative, buildFacilitator } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { enquiryReviewers, meetings, peerEnquiries, progressionSessions, users } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';

let t: TestApp;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const summaries = (ics: string) => [...unfold(ics).matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1]!.replace(/\r$/, ''));
const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let member: TestUser, reviewer: TestUser, facilitator: TestUser, stranger: TestUser;
let collabId: string, otherCollabId: string, enquiryId: string, meetingId: string;

/** Makes a feed through the page and returns its secret address's path. */
async function makeFeed(visitor: Visitor, lang = 'en') {
  const made = await visitor.post(`/account/calendar?lang=${lang}`, {}, { tokenFrom: '/account/calendar' });
  expect(made.statusCode).toBe(200);
  const match = /value="https?:\/\/[^/"]+(\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics)"/.exec(made.body);
  expect(match, made.body.slice(0, 500)).not.toBeNull();
  return { path: match![1]!, page: made };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const host = await buildSchool(db, { laCode: '670', sector: 'primary', name: 'Ysgol Gynradd Môr' });
  const partner = await buildSchool(db, { laCode: '670', sector: 'secondary', name: 'Ysgol Uwchradd Môr' });
  const elsewhere = await buildSchool(db, { laCode: '670', sector: 'primary', name: 'Ysgol Pell' });
  const partnerElsewhere = await buildSchool(db, { laCode: '670', sector: 'secondary', name: 'Ysgol Uwchradd Pell' });
  collabId = (await buildCollaborative(db, { members: [host, partner], nameEn: 'Môr cluster', nameCy: 'Clwstwr Môr' }))
    .id;
  otherCollabId = (
    await buildCollaborative(db, {
      members: [elsewhere, partnerElsewhere],
      nameEn: 'Pell cluster',
      nameCy: 'Clwstwr Pell',
    })
  ).id;
  member = await buildUser(db, { role: 'practitioner', scopeId: host.number });
  reviewer = await buildUser(db, { role: 'school_leader', scopeId: partner.number });
  stranger = await buildUser(db, { role: 'headteacher', scopeId: elsewhere.number });
  facilitator = await buildFacilitator(db, collabId, '670');
  const [m] = await db
    .insert(meetings)
    .values({
      collaborativeId: collabId,
      title: 'Cluster meeting',
      meetsOn: isoIn(10),
      startsAt: '15:30',
      endsAt: '17:00',
      location: 'Ysgol Gynradd Môr',
    })
    .returning();
  meetingId = m!.id;
  await db.insert(meetings).values({ collaborativeId: collabId, title: 'Long ago meeting', meetsOn: isoIn(-200) });
  await db
    .insert(meetings)
    .values({ collaborativeId: otherCollabId, title: 'Secret other meeting', meetsOn: isoIn(5) });
  await db.insert(progressionSessions).values({
    collaborativeId: collabId,
    heldOn: isoIn(20),
    area: 'mathematics_numeracy',
    progressionStep: 2,
    expectations: 'x',
  });
  const [e] = await db
    .insert(peerEnquiries)
    .values({
      collaborativeId: collabId,
      hostSchoolNumber: host.number,
      question: 'How well do learners talk about their writing?',
      visitStart: isoIn(30),
      visitEnd: isoIn(31),
      state: 'agreed',
    })
    .returning();
  enquiryId = e!.id;
  await db.insert(peerEnquiries).values({
    collaborativeId: collabId,
    hostSchoolNumber: host.number,
    question: 'Proposed only',
    visitStart: isoIn(40),
    state: 'proposed',
  });
  await db.insert(enquiryReviewers).values({ enquiryId, userId: reviewer.id, schoolNumber: partner.number });
});
afterAll(() => t.close());

describe('the personal calendar feed', () => {
  it('explains the feed, shows the address once, stores only its hash, and audits without the token', async () => {
    const visitor = await as(member);
    const before = pageText((await visitor.get('/account/calendar?lang=en')).body);
    expect(before).toContain('You do not have a calendar feed.');
    expect(pageText((await visitor.get('/account?lang=en')).body)).toContain('Calendar feed');
    const { path, page } = await makeFeed(visitor);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(pageText(page.body)).toContain('This is the only time you will see this address.');
    const token = path.split('/')[3]!.replace('.ics', '');
    const stored = await rows<{ token_hash: string; language: string }>(
      sql`select token_hash, language from calendar_feeds where user_id = ${member.id}`,
    );
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect(stored[0]!.language).toBe('en');
    const later = await visitor.get('/account/calendar?lang=en');
    expect(later.body).not.toContain(token);
    expect(pageText(later.body)).toContain('You have a calendar feed');
    const [audit] = await auditEntries(t.database.db, 'calendar-feed-create', member.id);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(stored[0]!.token_hash);
  });

  it("serves the user's meetings, sessions and visits in the window, never a stranger's", async () => {
    const { path } = await makeFeed(await as(member));
    const anonymous = new Visitor(t.app);
    const feed = await anonymous.get(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = unfold(feed.body);
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(summaries(ics).sort()).toEqual(
      [
        'Cluster meeting (Môr cluster)',
        'Peer enquiry visit: Ysgol Gynradd Môr (Môr cluster)',
        'Progression session: Mathematics and Numeracy\\, Progression step 2 (Môr cluster)',
      ].sort(),
    );
    expect(ics).toMatch(new RegExp(`DTSTART;TZID=Europe/London:${isoIn(10).replace(/-/g, '')}T153000`));
    expect(ics).toContain(`DTSTART;VALUE=DATE:${isoIn(30).replace(/-/g, '')}`);
    expect(ics).toContain(`DTEND;VALUE=DATE:${isoIn(32).replace(/-/g, '')}`);
    expect(ics).toContain(`UID:${meetingId}@cydwella`);
    expect(ics).not.toContain('Secret other meeting');
    expect(ics).not.toContain('Long ago meeting');
    expect(ics).not.toContain('Proposed only');
    // The UID is stable across requests.
    expect(unfold((await anonymous.get(path)).body)).toContain(`UID:${meetingId}@cydwella`);
  });

  it('gives a reviewer the visit they review and a facilitator everything of the collaborative they facilitate', async () => {
    const reviewerFeed = unfold((await new Visitor(t.app).get((await makeFeed(await as(reviewer))).path)).body);
    expect(summaries(reviewerFeed)).toContain('Peer enquiry visit: Ysgol Gynradd Môr (Môr cluster)');
    const facilitatorFeed = unfold((await new Visitor(t.app).get((await makeFeed(await as(facilitator))).path)).body);
    expect(facilitatorFeed.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    const strangerFeed = unfold((await new Visitor(t.app).get((await makeFeed(await as(stranger))).path)).body);
    expect(summaries(strangerFeed)).toEqual(['Secret other meeting (Pell cluster)']);
  });

  it('writes the feed in the language it was made in', async () => {
    const { path } = await makeFeed(await as(member), 'cy');
    const ics = unfold((await new Visitor(t.app).get(path)).body);
    expect(summaries(ics)).toContain('Cluster meeting (Clwstwr Môr)');
    expect(summaries(ics)).toContain('Ymweliad ymholiad cymheiriaid: Ysgol Gynradd Môr (Clwstwr Môr)');
    expect(summaries(ics)).toContain('Sesiwn gynnydd: Mathemateg a Rhifedd\\, Cam cynnydd 2 (Clwstwr Môr)');
  });

  it('stops the old address on reset, stops every address when turned off, and refuses deactivated users', async () => {
    const visitor = await as(reviewer);
    const first = await makeFeed(visitor);
    const second = await makeFeed(visitor);
    const anonymous = new Visitor(t.app);
    expect((await anonymous.get(first.path)).statusCode).toBe(404);
    expect((await anonymous.get(second.path)).statusCode).toBe(200);
    expect((await auditEntries(t.database.db, 'calendar-feed-reset', reviewer.id)).length).toBeGreaterThan(0);
    const off = await visitor.post('/account/calendar/off?lang=cy', {}, { tokenFrom: '/account/calendar' });
    expect(off.statusCode).toBe(303);
    expect(pageText((await visitor.get('/account/calendar?done=off&lang=cy')).body)).toContain(
      "Mae eich ffrwd calendr wedi'i diffodd",
    );
    expect((await anonymous.get(second.path)).statusCode).toBe(404);
    expect(await auditEntries(t.database.db, 'calendar-feed-delete', reviewer.id)).toHaveLength(1);
    const third = await makeFeed(visitor);
    await t.database.db.update(users).set({ active: false }).where(eq(users.id, reviewer.id));
    expect((await anonymous.get(third.path)).statusCode).toBe(404);
    expect((await anonymous.get('/calendar/feed/not-a-token.ics')).statusCode).toBe(404);
    expect((await anonymous.get('/account/calendar')).statusCode).toBe(303);
  });
});

describe('an enquiry visit calendar file', () => {
  it("is given to the collaborative's space, refused to strangers, with the visit all day", async () => {
    const url = `/collaboratives/${collabId}/enquiries/${enquiryId}/visit.ics`;
    const ics = await (await as(member)).get(`${url}?lang=en`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-disposition']).toMatch(/^attachment; filename=/);
    const text = unfold(ics.body);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toContain(`UID:visit-${enquiryId}@cydwella`);
    expect(text).toContain(`DTSTART;VALUE=DATE:${isoIn(30).replace(/-/g, '')}`);
    expect(summaries(text)).toEqual(['Peer enquiry visit: Ysgol Gynradd Môr (Môr cluster)']);
    expect(summaries(unfold((await (await as(member)).get(`${url}?lang=cy`)).body))).toEqual([
      'Ymweliad ymholiad cymheiriaid: Ysgol Gynradd Môr (Clwstwr Môr)',
    ]);
    expect((await (await as(stranger)).get(url)).statusCode).toBe(404);
    expect(
      (await (await as(stranger)).get(`/collaboratives/${otherCollabId}/enquiries/${enquiryId}/visit.ics`)).statusCode,
    ).toBe(404);
  });
});
