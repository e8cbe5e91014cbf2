import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, countRows, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, visibleText, Visitor } from '../../../test/support/http.ts';
import { buildAction, buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { inspectionRecommendations, inspections } from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let partner: TestUser;
let priorityIds: { writing: string; attendance: string; lastYear: string; otherSchool: string };
const year = academicYearOf(new Date());
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const url = () => `/schools/${school.number}/inspection`;
const recs = () => t.database.db.select().from(inspectionRecommendations).orderBy(inspectionRecommendations.number);
const inspectionRow = async () =>
  (await t.database.db.select().from(inspections).where(eq(inspections.schoolNumber, school.number)))[0];
const dateOf = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return { 'inspectedOn-day': d!, 'inspectedOn-month': m!, 'inspectedOn-year': y! };
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  partner = await buildUser(db, { role: 'improvement_partner', scopeId: school.laCode });
  const cycle = await buildCycle(db, school.number);
  const lastCycle = await buildCycle(db, school.number, year - 1);
  const writing = await buildPriority(db, cycle, { title: 'Accurate extended writing', state: 'in_progress' });
  await buildAction(db, writing.id, { description: 'Moderate writing', status: 'done' });
  await buildAction(db, writing.id, { description: 'Coach Year 5 staff' });
  const attendance = await buildPriority(db, cycle, { title: 'Persistent absence below 10%' });
  const lastYear = await buildPriority(db, lastCycle, { title: 'Attendance of eFSM learners', state: 'reviewed' });
  await share(db, school.number, 'priority', writing.id, 'governors');
  await share(db, school.number, 'priority', attendance.id, 'la');
  const other = await buildSchool(db);
  const otherPriority = await buildPriority(db, await buildCycle(db, other.number), { title: 'Not this school' });
  priorityIds = {
    writing: writing.id,
    attendance: attendance.id,
    lastYear: lastYear.id,
    otherSchool: otherPriority.id,
  };
});
afterAll(() => t.close());

describe('recording the last inspection', () => {
  it('says none is recorded yet, offering leaders alone to record it; recommendations wait for it', async () => {
    const leader = await as(people.leader);
    const page = await leader.get(url());
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('The school has not recorded its last inspection yet.');
    expect(page.body).toContain(`href="${url()}/edit"`);
    expect((await (await as(people.practitioner)).get(url())).body).not.toContain(`href="${url()}/edit"`);
    expect((await leader.get(`${url()}/recommendations/new`)).statusCode).toBe(404);
  });

  it.each([
    ['a javascript: link', 'javascript:alert(1)'],
    ['a plain http link', 'http://www.estyn.gov.wales/report.pdf'],
    ['a data: link', 'data:text/html,<script>alert(1)</script>'],
    ['a link with credentials', 'https://user:pass@www.estyn.gov.wales/report'],
    ['an overlong link', `https://www.estyn.gov.wales/${'a'.repeat(2100)}`],
  ])('refuses %s with a translated 400, recording nothing', async (_name, reportUrl) => {
    const head = await as(people.headteacher);
    const post = await head.post(url(), { ...dateOf('2024-10-14'), reportUrl }, { tokenFrom: `${url()}/edit` });
    expect(post.statusCode).toBe(400);
    expect(pageText(post.body)).toMatch(/Enter the report link as a web address starting https:\/\/|2,000 characters/);
    expect(post.body).toContain('govuk-error-summary');
    expect(await inspectionRow()).toBeUndefined();
  });

  it('refuses a missing, impossible or future date', async () => {
    const head = await as(people.headteacher);
    for (const [date, message] of [
      [{ 'inspectedOn-day': '', 'inspectedOn-month': '', 'inspectedOn-year': '' }, 'Enter the date of the inspection'],
      [{ 'inspectedOn-day': '31', 'inspectedOn-month': '2', 'inspectedOn-year': '2024' }, 'must be a real date'],
      [dateOf('2099-01-01'), 'must be today or in the past'],
    ] as const) {
      const post = await head.post(url(), { ...date, reportUrl: '' }, { tokenFrom: `${url()}/edit` });
      expect(post.statusCode).toBe(400);
      expect(pageText(post.body)).toContain(message);
    }
    expect(await inspectionRow()).toBeUndefined();
  });

  it('refuses practitioners, governors and LA staff; strangers are told it does not exist', async () => {
    const body = { ...dateOf('2024-10-14'), reportUrl: '' };
    for (const user of [people.practitioner, people.governor, people.laOfficer, partner]) {
      const visitor = await as(user);
      expect((await visitor.get(`${url()}/edit`)).statusCode).toBe(403);
      expect((await visitor.post(url(), body, { tokenFrom: url() })).statusCode).toBe(403);
    }
    for (const user of [people.otherHeadteacher, people.otherLaOfficer, people.otherGovernor]) {
      const visitor = await as(user);
      expect((await visitor.get(url())).statusCode).toBe(404);
      expect((await visitor.post(url(), body, { tokenFrom: '/account/password' })).statusCode).toBe(404);
    }
    expect(await inspectionRow()).toBeUndefined();
  });

  it('lets a leader record it with an https report link, audited, and change it later', async () => {
    const leader = await as(people.leader);
    const reportUrl = 'https://www.estyn.gov.wales/provider/6812308';
    const post = await leader.post(url(), { ...dateOf('2024-10-14'), reportUrl }, { tokenFrom: `${url()}/edit` });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe(`${url()}?done=inspection-saved`);
    const row = (await inspectionRow())!;
    expect(row).toMatchObject({ inspectedOn: '2024-10-14', reportUrl });
    expect(await auditEntries(t.database.db, 'inspection-save', row.id)).toHaveLength(1);
    const page = await leader.get(url());
    expect(pageText(page.body)).toContain('14 October 2024');
    expect(page.body).toContain(`href="${reportUrl}"`);
    // A change names the version it started from; a stale one is shown beside the saved one.
    const change = await leader.post(
      url(),
      { ...dateOf('2024-10-15'), reportUrl, version: String(row.version) },
      { tokenFrom: `${url()}/edit` },
    );
    expect(change.statusCode).toBe(303);
    const stale = await leader.post(
      url(),
      { ...dateOf('2024-10-16'), reportUrl, version: String(row.version) },
      { tokenFrom: `${url()}/edit` },
    );
    expect(stale.statusCode).toBe(409);
    expect((await inspectionRow())!.inspectedOn).toBe('2024-10-15');
  });
});

describe('recommendations and the priorities that address them', () => {
  const add = async (user: { id: string }, form: Record<string, string | string[]>) =>
    (await as(user)).post(`${url()}/recommendations`, { language: 'en', ...form }, { tokenFrom: url() });

  it('numbers them R1, R2, R3 as they are added, each linked to priorities of any year, audited', async () => {
    expect(
      (
        await add(people.headteacher, {
          text: 'Improve accuracy in extended writing',
          priorityIds: priorityIds.writing,
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await add(people.leader, {
          text: 'Raise attendance',
          priorityIds: [priorityIds.attendance, priorityIds.lastYear],
        })
      ).statusCode,
    ).toBe(303);
    expect((await add(people.leader, { text: 'Strengthen self-evaluation', language: 'cy' })).statusCode).toBe(303);
    const rows = await recs();
    expect(rows.map((r) => [r.number, r.text, r.language])).toEqual([
      [1, 'Improve accuracy in extended writing', 'en'],
      [2, 'Raise attendance', 'en'],
      [3, 'Strengthen self-evaluation', 'cy'],
    ]);
    expect(await auditEntries(t.database.db, 'inspection-recommendation-add')).toHaveLength(3);
  });

  it('shows staff every recommendation with its priorities and their progress, in one place', async () => {
    const text = pageText((await (await as(people.practitioner)).get(url())).body);
    const [r1, rest] = text.split('R2');
    expect(r1).toContain('Accurate extended writing');
    expect(r1).toContain('1 of 2 actions done');
    expect(r1).toContain('In progress');
    expect(rest).toContain('Persistent absence below 10%');
    expect(rest).toContain('Attendance of eFSM learners');
    expect(rest).toContain(`${year - 1} to ${year}`);
    expect(rest).toContain('No priority has been linked to it yet.');
    expect(text).not.toContain('Change');
  });

  it('shows governors and LA staff the recommendations, and only the priorities shared with them', async () => {
    const governor = pageText((await (await as(people.governor)).get(url())).body);
    expect(governor).toContain('Raise attendance');
    expect(governor).toContain('Accurate extended writing');
    expect(governor).not.toContain('Persistent absence below 10%');
    expect(governor).toContain('No priority addressing it has been shared with you.');
    const la = pageText((await (await as(people.laOfficer)).get(url())).body);
    expect(la).toContain('Persistent absence below 10%');
    expect(la).not.toContain('Accurate extended writing');
    expect((await (await as(partner)).get(url())).statusCode).toBe(200);
  });

  it('refuses hostile or wrong input with a translated 400, changing nothing', async () => {
    const before = await countRows(t.database.db, 'inspection_recommendations');
    for (const [form, message] of [
      [{ text: '' }, 'Enter the recommendation'],
      [{ text: 'x'.repeat(2001) }, '2,000 characters or fewer'],
      [{ text: 'A recommendation', language: 'fr' }, 'Choose the language you wrote in'],
      [{ text: 'A recommendation', priorityIds: priorityIds.otherSchool }, 'Choose priorities from the list'],
    ] as const) {
      const post = await add(people.headteacher, form);
      expect(post.statusCode).toBe(400);
      expect(pageText(post.body)).toContain(message);
    }
    expect((await add(people.headteacher, { text: 'x', priorityIds: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await add(people.headteacher, { text: 'x'.repeat(20_001) })).statusCode).toBe(400);
    expect(await countRows(t.database.db, 'inspection_recommendations')).toBe(before);
  });

  it('refuses other roles and other schools', async () => {
    const [r1] = await recs();
    for (const user of [people.practitioner, people.governor, people.laOfficer]) {
      const visitor = await as(user);
      expect((await visitor.get(`${url()}/recommendations/new`)).statusCode).toBe(403);
      expect(
        (
          await visitor.post(
            `${url()}/recommendations/${r1!.id}`,
            { text: 'Changed', language: 'en' },
            { tokenFrom: url() },
          )
        ).statusCode,
      ).toBe(403);
      expect(
        (await visitor.post(`${url()}/recommendations/${r1!.id}/remove`, {}, { tokenFrom: url() })).statusCode,
      ).toBe(403);
    }
    // Another school's headteacher, even through their own school's address, cannot reach this one's.
    const other = await buildSchool(t.database.db);
    const otherHead = await as(await buildUser(t.database.db, { role: 'headteacher', scopeId: other.number }));
    const otherUrl = `/schools/${other.number}/inspection/recommendations/${r1!.id}`;
    expect((await otherHead.get(`${otherUrl}/edit`)).statusCode).toBe(404);
    expect(
      (await otherHead.post(`${otherUrl}/remove`, {}, { tokenFrom: `/schools/${other.number}/inspection` })).statusCode,
    ).toBe(404);
    expect((await recs()).map((r) => r.text)).toContain('Improve accuracy in extended writing');
  });

  it('lets a leader change the words and links, refusing to overwrite a newer save', async () => {
    const [r1] = await recs();
    const leader = await as(people.leader);
    const editUrl = `${url()}/recommendations/${r1!.id}`;
    const form = await leader.get(`${editUrl}/edit`);
    expect(form.body).toMatch(new RegExp(`value="${priorityIds.writing}" checked`));
    const post = await leader.post(
      editUrl,
      {
        text: 'Improve accuracy in writing',
        language: 'en',
        version: String(r1!.version),
        priorityIds: [priorityIds.writing, priorityIds.lastYear],
      },
      { tokenFrom: `${editUrl}/edit` },
    );
    expect(post.statusCode).toBe(303);
    const stale = await leader.post(
      editUrl,
      { text: 'An older edit', language: 'en', version: String(r1!.version) },
      { tokenFrom: `${editUrl}/edit` },
    );
    expect(stale.statusCode).toBe(409);
    expect(pageText(stale.body)).toContain('Someone else saved changes');
    expect((await recs())[0]!.text).toBe('Improve accuracy in writing');
    expect(await auditEntries(t.database.db, 'inspection-recommendation-update', r1!.id)).toHaveLength(1);
    // The visible text: the page's tokens (the sign-out form's) are random and may hold "R2".
    const text = visibleText((await leader.get(url())).body).split('R2')[0];
    expect(text).toContain('Attendance of eFSM learners');
  });

  it('removes one recorded in error, the ones after it moving up a number', async () => {
    const [r1, r2] = await recs();
    const head = await as(people.headteacher);
    const confirm = await head.get(`${url()}/recommendations/${r1!.id}/remove`);
    expect(pageText(confirm.body)).toContain('Remove recommendation R1?');
    const post = await head.post(
      `${url()}/recommendations/${r1!.id}/remove`,
      {},
      { tokenFrom: `${url()}/recommendations/${r1!.id}/remove` },
    );
    expect(post.statusCode).toBe(303);
    const rows = await recs();
    expect(rows.map((r) => [r.number, r.id])).toEqual([
      [1, r2!.id],
      [2, rows[1]!.id],
    ]);
    expect(await auditEntries(t.database.db, 'inspection-recommendation-remove', r1!.id)).toHaveLength(1);
  });

  it('is in the school’s navigation for everyone who may open it', async () => {
    for (const user of [people.leader, people.practitioner, people.governor, people.laOfficer]) {
      const page = await (await as(user)).get(`/schools/${school.number}/plan`);
      expect(page.body).toContain(`href="${url()}"`);
    }
  });
});
