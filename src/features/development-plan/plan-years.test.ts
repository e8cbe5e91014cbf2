// Issue 15, part 2: the plan's three years (year one in detail, years two and three in outline),
// the overview and filters of the plan page, and rolling the plan forward a year.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie } from '../../../test/support/factories.ts';
import { Visitor, pageText, visibleText } from '../../../test/support/http.ts';
import { buildAction, buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  cycles,
  developmentPlans,
  planActions,
  planOutlineActions,
  planOutlinePriorities,
  planRevisions,
  priorities,
} from '../../db/schema/index.ts';
import { settableClock } from '../../lib/clock.ts';

const clock = settableClock('2026-10-15T10:00:00Z');
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let planId: string;
let reading: { id: string };
const as = async (user: { id: string }) =>
  new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id, clock.now()));
const planUrl = () => `/schools/${school.number}/plan`;

async function outlineRows() {
  return t.database.db
    .select()
    .from(planOutlinePriorities)
    .where(eq(planOutlinePriorities.planId, planId))
    .orderBy(planOutlinePriorities.createdAt);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  const cycle = await buildCycle(db, school.number, 2026);
  reading = await buildPriority(db, cycle, { title: 'Reading for eFSM learners', state: 'in_progress' });
  await share(db, school.number, 'priority', reading.id, 'governors');
  await buildAction(db, reading.id, { description: 'Finished training', status: 'done', dueOn: '2026-11-01' });
  await buildAction(db, reading.id, {
    description: 'Guided reading groups',
    status: 'in_progress',
    owner: '',
    ownerUserId: people.leader.id,
    dueOn: '2027-03-01',
  });
  await buildAction(db, reading.id, { description: 'Parents reading morning', owner: 'Literacy lead' });
  await buildPriority(db, cycle, { title: 'Attendance finished', state: 'closed' });
  await buildPriority(db, cycle, { title: 'Oracy draft', state: 'draft' });
  const [plan] = await db.insert(developmentPlans).values({ schoolNumber: school.number, firstYear: 2026 }).returning();
  planId = plan!.id;
});
afterAll(() => t.close());

describe('the outline of years two and three', () => {
  it('lets a leader add a priority continuing from year one, with intended actions by term, audited', async () => {
    const leader = await as(people.leader);
    const form = await leader.get(`${planUrl()}/outline/new?year=2027`);
    expect(form.statusCode).toBe(200);
    expect(pageText(form.body)).toContain('Year 2 of the plan: 2027 to 2028');
    const post = await leader.post(
      `${planUrl()}/outline`,
      {
        academicYear: '2027',
        continues: reading.id,
        title: '',
        summary: 'Keep going with reading in Years 5 and 6',
        autumn: 'Reading buddies\n\n  Book club  ',
        wholeYear: 'Coaching for new staff',
      },
      { tokenFrom: planUrl() },
    );
    expect(post.statusCode).toBe(303);
    const [entry] = await outlineRows();
    expect(entry).toMatchObject({
      academicYear: 2027,
      continuesPriorityId: reading.id,
      title: 'Reading for eFSM learners',
    });
    const actions = await t.database.db
      .select()
      .from(planOutlineActions)
      .where(eq(planOutlineActions.outlinePriorityId, entry!.id));
    expect(actions.map((a) => [a.term, a.description])).toEqual([
      ['autumn', 'Reading buddies'],
      ['autumn', 'Book club'],
      ['year', 'Coaching for new staff'],
    ]);
    expect(await auditEntries(t.database.db, 'plan-outline-add', entry!.id)).toHaveLength(1);
  });

  it('adds a new intended priority to year three', async () => {
    const leader = await as(people.leader);
    const post = await leader.post(
      `${planUrl()}/outline`,
      { academicYear: '2028', continues: '', title: 'Welsh language across the school', spring: 'Siarter Iaith audit' },
      { tokenFrom: planUrl() },
    );
    expect(post.statusCode).toBe(303);
    expect((await outlineRows()).map((r) => [r.academicYear, r.title])).toEqual([
      [2027, 'Reading for eFSM learners'],
      [2028, 'Welsh language across the school'],
    ]);
  });

  it('refuses a year outside years two and three, a missing title and too long a line, writing nothing', async () => {
    const leader = await as(people.leader);
    for (const year of ['2026', '2029', '']) {
      const post = await leader.post(
        `${planUrl()}/outline`,
        { academicYear: year, title: 'X' },
        { tokenFrom: planUrl() },
      );
      expect(post.statusCode).toBe(400);
    }
    const missing = await leader.post(
      `${planUrl()}/outline`,
      { academicYear: '2027', title: '', summary: 'kept' },
      { tokenFrom: planUrl() },
    );
    expect(missing.statusCode).toBe(400);
    expect(pageText(missing.body)).toContain('Enter the priority');
    expect(missing.body).toContain('kept');
    const long = await leader.post(
      `${planUrl()}/outline`,
      { academicYear: '2027', title: 'Long', summer: 'x'.repeat(301) },
      { tokenFrom: planUrl() },
    );
    expect(long.statusCode).toBe(400);
    expect(pageText(long.body)).toContain('300 characters or fewer');
    const hostile = await leader.post(
      `${planUrl()}/outline`,
      { academicYear: '2027', title: 'X', continues: "' or 1=1 --" },
      { tokenFrom: planUrl() },
    );
    expect(hostile.statusCode).toBe(400);
    expect(await outlineRows()).toHaveLength(2);
  });

  it('refuses practitioners, governors and another school’s staff', async () => {
    const [entry] = await outlineRows();
    const attempts = async (visitor: Visitor, number = school.number) => {
      const base = `/schools/${number}/plan/outline`;
      return [
        (await visitor.get(`${base}/new?year=2027`)).statusCode,
        (await visitor.post(base, { academicYear: '2027', title: 'Sneaky' }, { tokenFrom: planUrl() })).statusCode,
        (await visitor.get(`${base}/${entry!.id}/edit`)).statusCode,
        (await visitor.post(`${base}/${entry!.id}/edit`, { version: '1', title: 'Sneaky' }, { tokenFrom: planUrl() }))
          .statusCode,
        (await visitor.post(`${base}/${entry!.id}/remove`, {}, { tokenFrom: planUrl() })).statusCode,
      ];
    };
    for (const user of [people.practitioner, people.governor])
      expect(await attempts(await as(user))).toEqual([403, 403, 403, 403, 403]);
    for (const user of [people.laOfficer, people.otherHeadteacher])
      for (const status of await attempts(await as(user))) expect([403, 404]).toContain(status);
    // Another school's headteacher, at their own school's address, finds no such entry.
    const other = await buildSchool(t.database.db);
    const otherHead = await buildUser(t.database.db, { role: 'headteacher', scopeId: other.number });
    await t.database.db.insert(developmentPlans).values({ schoolNumber: other.number, firstYear: 2026 });
    const [, , edit, save, remove] = await attempts(await as(otherHead), other.number);
    expect([edit, save, remove]).toEqual([404, 404, 404]);
    expect((await outlineRows()).map((r) => r.title)).not.toContain('Sneaky');
  });

  it('lets a leader change an entry, refusing a stale version with both versions shown', async () => {
    const leader = await as(people.leader);
    const [entry] = await outlineRows();
    const form = await leader.get(`${planUrl()}/outline/${entry!.id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Book club');
    const saved = await leader.post(
      `${planUrl()}/outline/${entry!.id}/edit`,
      { version: String(entry!.version), continues: reading.id, title: 'Reading, year two', autumn: 'Reading buddies' },
      { tokenFrom: planUrl() },
    );
    expect(saved.statusCode).toBe(303);
    const stale = await leader.post(
      `${planUrl()}/outline/${entry!.id}/edit`,
      { version: String(entry!.version), continues: reading.id, title: 'Overwritten' },
      { tokenFrom: planUrl() },
    );
    expect(stale.statusCode).toBe(409);
    expect(pageText(stale.body)).toContain('Reading, year two');
    const [after] = await outlineRows();
    expect(after!.title).toBe('Reading, year two');
    expect(await auditEntries(t.database.db, 'plan-outline-update', entry!.id)).toHaveLength(1);
  });

  it('shows the outline to staff and governors, only leaders being offered changes; not to the LA', async () => {
    const practitioner = pageText((await (await as(people.practitioner)).get(planUrl())).body);
    expect(practitioner).toContain('Welsh language across the school');
    expect(practitioner).toContain('Year 3: 2028 to 2029, in outline');
    expect(practitioner).not.toContain('Add a priority to year 2');
    const governor = pageText((await (await as(people.governor)).get(planUrl())).body);
    expect(governor).toContain('Welsh language across the school');
    expect(governor).toContain('Siarter Iaith audit');
    const la = pageText((await (await as(people.laOfficer)).get(planUrl())).body);
    expect(la).not.toContain('Welsh language across the school');
    expect(la).toContain("for the school's staff and governors");
    const leader = pageText((await (await as(people.leader)).get(planUrl())).body);
    expect(leader).toContain('Add a priority to year 2');
  });
});

describe('the overview and filters', () => {
  it('shows each year-one priority with its progress in words', async () => {
    const text = pageText((await (await as(people.leader)).get(planUrl())).body);
    expect(text).toContain("The plan's three years");
    expect(text).toContain('Year 1: 2026 to 2027, in detail');
    expect(text).toMatch(/In progress:\s+1 of 3 actions done/);
    expect(text).toContain('intended actions: 1');
  });

  it('narrows the long list by status, by a person leading and by a lead typed as text', async () => {
    const leader = await as(people.leader);
    const done = pageText((await leader.get(`${planUrl()}?status=done`)).body);
    expect(done).toContain('Finished training');
    expect(done).not.toContain('Guided reading groups');
    expect(done).toContain('Priorities of year 1 that match: 1. Actions that match: 1.');
    const person = await leader.get(`${planUrl()}?lead=person:${people.leader.id}`);
    expect(person.statusCode).toBe(200);
    expect(pageText(person.body)).toContain('Guided reading groups');
    expect(pageText(person.body)).not.toContain('Parents reading morning');
    expect(person.body).toContain(`value="person:${people.leader.id}" selected`);
    const typed = pageText((await leader.get(`${planUrl()}?lead=${encodeURIComponent('text:Literacy lead')}`)).body);
    expect(typed).toContain('Parents reading morning');
    expect(typed).not.toContain('Guided reading groups');
    // Outline entries have no lead, so they leave the long list while filtering by one.
    expect(typed).not.toContain('Siarter Iaith audit');
  });

  it('shows one year of the plan at a time', async () => {
    const leader = await as(people.leader);
    const yearThree = pageText((await leader.get(`${planUrl()}?year=3`)).body);
    expect(yearThree).toContain('Siarter Iaith audit');
    expect(yearThree).not.toContain('Parents reading morning');
    expect(yearThree).not.toContain('Priorities in the plan');
    const yearOne = pageText((await leader.get(`${planUrl()}?year=1`)).body);
    expect(yearOne).toContain('Parents reading morning');
    expect(yearOne).not.toContain('Siarter Iaith audit');
  });

  it.each([
    'status=finished',
    "status=done'%20or%201=1--",
    'year=4',
    'year=-1',
    'lead=person:not-a-uuid',
    'lead=someone',
    `lead=text:${'x'.repeat(300)}`,
    'year=1&year=2',
  ])('refuses a hostile filter (%s) with a 400', async (query) => {
    const page = await (await as(people.leader)).get(`${planUrl()}?${query}`);
    expect(page.statusCode).toBe(400);
  });
});

describe('revisions keep the outline', () => {
  it('freezes years two and three for governors to approve', async () => {
    const leader = await as(people.leader);
    const saved = await leader.post(`${planUrl()}/revisions`, { note: 'Three years' }, { tokenFrom: planUrl() });
    expect(saved.statusCode).toBe(303);
    const [revision] = await t.database.db.select().from(planRevisions).where(eq(planRevisions.planId, planId));
    const snapshot = revision!.snapshot as { outline: { title: string; actions: { term: string }[] }[] };
    expect(snapshot.outline.map((o) => o.title)).toEqual(['Reading, year two', 'Welsh language across the school']);
    const page = pageText((await (await as(people.governor)).get(`${planUrl()}/revisions/${revision!.number}`)).body);
    expect(page).toContain('Welsh language across the school');
    expect(page).toContain('Year 2: 2027 to 2028, in outline');
  });

  it('shows governors what changed in the outline from one revision to the next', async () => {
    const leader = await as(people.leader);
    await leader.post(
      `${planUrl()}/outline`,
      { academicYear: '2028', title: 'Digital competence' },
      { tokenFrom: planUrl() },
    );
    expect((await leader.post(`${planUrl()}/revisions`, { note: '' }, { tokenFrom: planUrl() })).statusCode).toBe(303);
    const compare = visibleText((await (await as(people.governor)).get(`${planUrl()}/revisions/2/compare`)).body);
    expect(compare).toContain('Added to the outline');
    expect(compare).toContain('Digital competence (2028 to 2029)');
    const added = (await outlineRows()).find((r) => r.title === 'Digital competence')!;
    const removed = await leader.post(`${planUrl()}/outline/${added.id}/remove`, {}, { tokenFrom: planUrl() });
    expect(removed.statusCode).toBe(303);
    expect(await auditEntries(t.database.db, 'plan-outline-remove', added.id)).toHaveLength(1);
    expect((await outlineRows()).map((r) => r.title)).not.toContain('Digital competence');
  });
});

describe('rolling the plan forward', () => {
  it('is not offered while year one is this school year', async () => {
    const leader = await as(people.leader);
    expect((await leader.get(`${planUrl()}/roll-forward`)).statusCode).toBe(404);
    const post = await leader.post(`${planUrl()}/roll-forward`, {}, { tokenFrom: planUrl() });
    expect(post.statusCode).toBe(303);
    const [plan] = await t.database.db.select().from(developmentPlans).where(eq(developmentPlans.id, planId));
    expect(plan!.firstYear).toBe(2026);
  });

  it('carries what is unfinished, turns year two into drafts, keeps year three, once', async () => {
    clock.set('2027-09-06T09:00:00Z');
    const db = t.database.db;
    const practitioner = await as(people.practitioner);
    expect((await practitioner.post(`${planUrl()}/roll-forward`, {}, { tokenFrom: planUrl() })).statusCode).toBe(403);
    const leader = await as(people.leader);
    // Starting the new cycle first (as many schools will) already carries the open priorities.
    expect((await leader.post(`/schools/${school.number}/cycles`, {}, { tokenFrom: planUrl() })).statusCode).toBe(303);
    const prompt = pageText((await leader.get(planUrl())).body);
    expect(prompt).toContain('Roll the plan forward a year');
    const preview = pageText((await leader.get(`${planUrl()}/roll-forward`)).body);
    expect(preview).toContain('Roll the plan forward to 2027 to 2030');
    expect(preview).toContain('Priorities in the outline that become draft priorities: 0');
    expect(preview).toContain('continue a carried priority, adding their intended actions to it: 1');

    const post = await leader.post(`${planUrl()}/roll-forward`, {}, { tokenFrom: planUrl() });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe(`${planUrl()}?done=plan-rolled`);
    const [plan] = await db.select().from(developmentPlans).where(eq(developmentPlans.id, planId));
    expect(plan!.firstYear).toBe(2027);

    const [newCycle] = await db
      .select()
      .from(cycles)
      .where(and(eq(cycles.schoolNumber, school.number), eq(cycles.academicYear, 2027)));
    const carried = await db.select().from(priorities).where(eq(priorities.cycleId, newCycle!.id));
    // Reading and the draft carried once (by the cycle start); the closed priority stayed behind.
    expect(carried.map((p) => p.title).sort()).toEqual(['Oracy draft', 'Reading for eFSM learners']);
    const readingCopy = carried.find((p) => p.carriedFromId === reading.id)!;
    const actions = await db.select().from(planActions).where(eq(planActions.priorityId, readingCopy.id));
    expect(actions.map((a) => [a.description, a.status, a.startOn, a.dueOn]).sort()).toEqual([
      ['Guided reading groups', 'in_progress', null, '2027-03-01'],
      ['Parents reading morning', 'not_started', null, '2099-07-01'],
      ['Reading buddies', 'not_started', '2027-09-01', '2027-12-31'],
    ]);
    // Year three is now year two, still in outline.
    expect((await outlineRows()).map((r) => [r.academicYear, r.title])).toEqual([
      [2028, 'Welsh language across the school'],
    ]);
    expect(await auditEntries(db, 'plan-roll-forward', planId)).toHaveLength(1);

    const page = pageText((await leader.get(`${planUrl()}?done=plan-rolled`)).body);
    expect(page).toContain('School development plan 2027 to 2030');
    expect(page).toContain('Year 2: 2028 to 2029, in outline');
    expect(page).not.toContain('Roll the plan forward a year');

    // A second press changes nothing.
    await leader.post(`${planUrl()}/roll-forward`, {}, { tokenFrom: planUrl() });
    expect(await db.select().from(priorities).where(eq(priorities.cycleId, newCycle!.id))).toHaveLength(2);
    expect(await auditEntries(db, 'plan-roll-forward', planId)).toHaveLength(1);
  });

  it('turns a new intended priority into a draft with dated actions when its year comes', async () => {
    clock.set('2028-09-04T09:00:00Z');
    const db = t.database.db;
    const leader = await as(people.leader);
    expect((await leader.post(`${planUrl()}/roll-forward`, {}, { tokenFrom: planUrl() })).statusCode).toBe(303);
    const [newCycle] = await db
      .select()
      .from(cycles)
      .where(and(eq(cycles.schoolNumber, school.number), eq(cycles.academicYear, 2028)));
    const list = await db.select().from(priorities).where(eq(priorities.cycleId, newCycle!.id));
    const welsh = list.find((p) => p.title === 'Welsh language across the school')!;
    expect(welsh.state).toBe('draft');
    const actions = await db.select().from(planActions).where(eq(planActions.priorityId, welsh.id));
    expect(actions.map((a) => [a.description, a.startOn, a.dueOn])).toEqual([
      ['Siarter Iaith audit', '2029-01-01', '2029-03-31'],
    ]);
    // Reading carried again, this time by the roll itself, without its done actions.
    expect(list.filter((p) => p.title === 'Reading for eFSM learners')).toHaveLength(1);
    expect(await outlineRows()).toEqual([]);
  });
});
