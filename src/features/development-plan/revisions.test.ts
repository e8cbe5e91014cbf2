import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingForm } from '../../../test/support/approval-helpers.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor, pageText } from '../../../test/support/http.ts';
import { buildAction, buildCriteria, buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { planActions, planRevisions, priorities } from '../../db/schema/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let readingId: string;
let actionId: string;
let chair: TestUser;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const base = () => `/schools/${school.number}/plan`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  chair = await buildUser(db, { role: 'chair_of_governors', scopeId: school.governingBodyId });
  const cycle = await buildCycle(db, school.number);
  const reading = await buildPriority(db, cycle, { title: 'Reading for eFSM learners' });
  readingId = reading.id;
  await buildCriteria(db, reading.id, ['Reading ages rise']);
  actionId = (
    await buildAction(db, reading.id, { description: 'Train staff in guided reading', owner: 'Literacy lead' })
  ).id;
  await buildPriority(db, cycle, { title: 'Wellbeing draft', state: 'draft' });
  const head = await as(people.headteacher);
  await head.post(base(), { firstYear: String(academicYearOf(new Date())) }, { tokenFrom: base() });
});
afterAll(() => t.close());

describe('saving revisions for governors', () => {
  it('freezes the plan as revision 1, with its note, and audits it', async () => {
    const head = await as(people.headteacher);
    const response = await head.post(
      `${base()}/revisions`,
      { note: 'First plan for the new governing body' },
      { tokenFrom: `${base()}/revisions` },
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${base()}/revisions?saved=1`);
    const [revision] = await t.database.db.select().from(planRevisions);
    expect(revision).toMatchObject({
      number: 1,
      academicYear: academicYearOf(new Date()),
      note: 'First plan for the new governing body',
    });
    const snapshot = revision!.snapshot as {
      priorities: { title: string; criteria: string[]; actions: { description: string }[] }[];
    };
    expect(snapshot.priorities.map((p) => p.title)).toEqual(['Reading for eFSM learners']);
    expect(snapshot.priorities[0]!.criteria).toEqual(['Reading ages rise']);
    expect(snapshot.priorities[0]!.actions[0]!.description).toBe('Train staff in guided reading');
    expect(await auditEntries(t.database.db, 'plan-revision-create')).toHaveLength(1);
    const list = pageText((await head.get(`${base()}/revisions?saved=1`)).body);
    expect(list).toContain('Revision 1 has been saved for governors.');
    expect(list).toContain('First plan for the new governing body');
  });

  it('is refused to a practitioner and a governor (403), who may still read the revisions', async () => {
    for (const user of [people.practitioner, people.governor]) {
      const visitor = await as(user);
      expect(
        (await visitor.post(`${base()}/revisions`, { note: '' }, { tokenFrom: '/account/password' })).statusCode,
      ).toBe(403);
      const page = await visitor.get(`${base()}/revisions/1`);
      expect(page.statusCode).toBe(200);
      expect(pageText(page.body)).toContain('Reading for eFSM learners');
    }
  });

  it('keeps revisions from the LA (403) and from another school’s governors (404)', async () => {
    expect((await (await as(people.laOfficer)).get(`${base()}/revisions`)).statusCode).toBe(403);
    expect((await (await as(people.laOfficer)).get(`${base()}/revisions/1`)).statusCode).toBe(403);
    expect((await (await as(people.otherGovernor)).get(`${base()}/revisions/1`)).statusCode).toBe(404);
    expect((await new Visitor(t.app).get(`${base()}/revisions/1`)).statusCode).toBe(303);
  });
});

describe("the governing body's approval", () => {
  it('is not for staff: the headteacher cannot approve (403) and sees no button', async () => {
    const head = await as(people.headteacher);
    expect((await head.get(`${base()}/revisions/1`)).body).not.toContain('/approve');
    expect((await head.get(`${base()}/revisions/1/approve`)).statusCode).toBe(403);
    expect((await head.post(`${base()}/revisions/1/approve`, {}, { tokenFrom: base() })).statusCode).toBe(403);
  });

  it('is not for a governor the body did not delegate (403, no button)', async () => {
    const governor = await as(people.governor);
    expect((await governor.get(`${base()}/revisions/1`)).body).not.toContain('/approve');
    expect((await governor.get(`${base()}/revisions/1/approve`)).statusCode).toBe(403);
    expect(
      (await governor.post(`${base()}/revisions/1/approve`, meetingForm(), { tokenFrom: base() })).statusCode,
    ).toBe(403);
  });

  it('is recorded by the chair against the meeting that resolved it, and audited', async () => {
    const visitor = await as(chair);
    const revision = await visitor.get(`${base()}/revisions/1`);
    expect(revision.body).toContain(`${base()}/revisions/1/approve`);
    const confirm = await visitor.get(`${base()}/revisions/1/approve`);
    expect(confirm.statusCode).toBe(200);
    expect(pageText(confirm.body)).toContain('Minute reference');
    const approved = await visitor.post(`${base()}/revisions/1/approve`, meetingForm(), {
      tokenFrom: `${base()}/revisions/1/approve`,
    });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe(`${base()}/revisions/1?approval=approved`);
    const [row] = await t.database.db.select().from(planRevisions).where(eq(planRevisions.number, 1));
    expect(row!.approvedBy).toBe(chair.id);
    expect(row!.approvedAt).toBeInstanceOf(Date);
    expect(row!.approvalMinute).toBe('7.2');
    expect(await auditEntries(t.database.db, 'plan-revision-approve', row!.id)).toHaveLength(1);
    const plan = pageText((await (await as(people.practitioner)).get(base())).body);
    expect(plan).toContain(
      `Approved by the full governing body at its meeting on ${formatDate(row!.approvalMeetingOn, 'en')}, minute 7.2.`,
    );
  });

  it('is recorded once: approving again changes nothing', async () => {
    const again = await (await as(chair)).post(`${base()}/revisions/1/approve`, meetingForm(), { tokenFrom: base() });
    expect(again.headers.location).toBe(`${base()}/revisions/1?approval=already-approved`);
    expect(await auditEntries(t.database.db, 'plan-revision-approve')).toHaveLength(1);
  });

  it('is refused to another school’s governor (404)', async () => {
    const other = await as(people.otherGovernor);
    expect((await other.get(`${base()}/revisions/1/approve`)).statusCode).toBe(404);
    expect((await other.post(`${base()}/revisions/1/approve`, {}, { tokenFrom: '/account/password' })).statusCode).toBe(
      404,
    );
  });
});

describe('a second revision', () => {
  it('keeps the first frozen, compares with it, and waits for its own approval', async () => {
    const db = t.database.db;
    await db.update(planActions).set({ status: 'in_progress', costPence: 50000 }).where(eq(planActions.id, actionId));
    await db.update(priorities).set({ title: 'Reading for eFSM learners in KS2' }).where(eq(priorities.id, readingId));
    await db.update(priorities).set({ state: 'agreed' }).where(eq(priorities.title, 'Wellbeing draft'));
    await buildAction(db, readingId, { description: 'Buy decodable books' });
    const head = await as(people.headteacher);
    await head.post(`${base()}/revisions`, { note: 'Autumn review' }, { tokenFrom: `${base()}/revisions` });

    const first = pageText((await head.get(`${base()}/revisions/1`)).body);
    expect(first).toContain('Reading for eFSM learners');
    expect(first).not.toContain('Buy decodable books');

    const compare = await head.get(`${base()}/revisions/2/compare`);
    expect(compare.statusCode).toBe(200);
    const text = pageText(compare.body);
    expect(text).toContain('What changed from revision 1 to revision 2');
    expect(text).toContain('Priorities added');
    expect(text).toContain('Wellbeing draft');
    expect(text).toMatch(
      /Priority<\/th><td[^>]*>Reading for eFSM learners<\/td><td[^>]*>Reading for eFSM learners in KS2/,
    );
    expect(text).toContain('Actions added');
    expect(text).toContain('Buy decodable books');
    expect(text).toMatch(/Progress<\/th><td[^>]*>Not started<\/td><td[^>]*>In progress/);
    expect(text).toMatch(/Total cost<\/th><td[^>]*>\(blank\)<\/td><td[^>]*>£500/);
    // A cost written without its source reads as one line whose source is not decided yet.
    expect(text).toMatch(/Cost<\/th><td[^>]*>\(blank\)<\/td><td[^>]*>£500 Not decided yet/);

    expect((await head.get(`${base()}/revisions/1/compare`)).statusCode).toBe(404);
    expect(pageText((await head.get(base())).body)).toContain('Not yet approved');
  });

  it('makes the first revision impossible to approve any more', async () => {
    const governor = await as(people.governor);
    const page = await governor.get(`${base()}/revisions/1`);
    expect(page.body).not.toContain('/revisions/1/approve');
    const approved = await (
      await as(chair)
    ).post(`${base()}/revisions/2/approve`, meetingForm(), {
      tokenFrom: base(),
    });
    expect(approved.headers.location).toBe(`${base()}/revisions/2?approval=approved`);
    const [row] = await t.database.db.select().from(planRevisions).where(eq(planRevisions.number, 2));
    expect(row!.approvedBy).toBe(chair.id);
  });

  it('reads in Welsh', async () => {
    const head = await as(people.headteacher);
    const compare = pageText((await head.get(`${base()}/revisions/2/compare?lang=cy`)).body);
    expect(compare).toContain('Beth newidiodd o fersiwn 1 i fersiwn 2');
    expect(compare).toContain('Camau gweithredu a ychwanegwyd');
    const list = pageText((await head.get(`${base()}/revisions?lang=cy`)).body);
    expect(list).toContain("Fersiynau o'r cynllun ar gyfer llywodraethwyr");
    expect(list).toContain("Wedi'i gymeradwyo");
  });
});
