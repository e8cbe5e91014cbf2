import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildCollaborative } from '../../../test/support/collaboration-factories.ts';
import { sessionCookie } from '../../../test/support/factories.ts';
import { Visitor, pageText } from '../../../test/support/http.ts';
import { buildAction, buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { planActions, successCriteria } from '../../db/schema/index.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let other: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let priorityId: string;
let otherPriorityId: string;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const newUrl = () => `/schools/${school.number}/plan/priorities/${priorityId}/actions/new`;
const editUrl = (id: string) => `/schools/${school.number}/plan/actions/${id}/edit`;
const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

const validAction = {
  description: 'Coach teaching assistants in reciprocal reading',
  owner: 'Literacy lead',
  'startOn-day': '1',
  'startOn-month': '9',
  'startOn-year': '2026',
  'dueOn-day': '31',
  'dueOn-month': '3',
  'dueOn-year': '2027',
  milestones: 'December: all TAs trained',
  cost1: '£1,250.50',
  costSource1: 'pdg',
  professionalLearning: 'Reciprocal reading',
  supportFrom: 'collaborative',
  supportDetail: 'A partner school to model sessions',
  status: 'in_progress',
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db);
  other = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  // Its one collaborative is the one asked when an action asks its collaborative for support.
  await buildCollaborative(db, { members: [school] });
  priorityId = (await buildPriority(db, await buildCycle(db, school.number))).id;
  otherPriorityId = (await buildPriority(db, await buildCycle(db, other.number))).id;
});
afterAll(() => t.close());

describe('adding an action', () => {
  it('saves every field, the cost in pence, and audits it', async () => {
    const leader = await as(people.leader);
    expect((await leader.get(newUrl())).statusCode).toBe(200);
    const response = await leader.post(newUrl(), validAction, { tokenFrom: newUrl() });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/schools/${school.number}/plan?done=action-added#priority-${priorityId}`);
    const [saved] = await t.database.db.select().from(planActions).where(eq(planActions.priorityId, priorityId));
    expect(saved).toMatchObject({
      owner: 'Literacy lead',
      startOn: '2026-09-01',
      dueOn: '2027-03-31',
      costPence: 125050,
      supportFrom: 'collaborative',
      status: 'in_progress',
      language: 'en',
    });
    const [entry] = await auditEntries(t.database.db, 'plan-action-create', saved!.id);
    expect(entry?.actorId).toBe(people.leader.id);
  });

  it('says what is wrong, field by field, keeping what was typed (400)', async () => {
    const head = await as(people.headteacher);
    const response = await head.post(
      newUrl(),
      {
        ...validAction,
        description: '',
        'dueOn-day': '1',
        'dueOn-month': '8',
        'dueOn-year': '2026',
        cost1: 'ten pounds',
        supportDetail: '',
      },
      { tokenFrom: newUrl() },
    );
    expect(response.statusCode).toBe(400);
    const text = pageText(response.body);
    expect(text).toContain('Enter what will be done');
    expect(text).toContain('Due date must be the same as or after the start date');
    expect(text).toContain('Enter the cost in pounds, like £1,250.50');
    expect(text).toContain('Say what support you are requesting');
    expect(response.body).toContain('value="ten pounds"');
    expect(response.body).toContain('href="#dueOn-day"');
    expect(text).toContain('Error: ');
  });

  it('needs a real due date', async () => {
    const head = await as(people.headteacher);
    const response = await head.post(
      newUrl(),
      { ...validAction, 'dueOn-day': '31', 'dueOn-month': '2', 'dueOn-year': '2027' },
      { tokenFrom: newUrl() },
    );
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('Due date must be a real date');
  });

  it('is refused to a practitioner, a governor and the LA (403)', async () => {
    for (const user of [people.practitioner, people.governor, people.laOfficer]) {
      const visitor = await as(user);
      expect((await visitor.get(newUrl())).statusCode).toBe(403);
      expect((await visitor.post(newUrl(), validAction, { tokenFrom: '/account/password' })).statusCode).toBe(403);
    }
  });

  it('cannot reach another school’s priority', async () => {
    const url = `/schools/${school.number}/plan/priorities/${otherPriorityId}/actions/new`;
    expect((await (await as(people.headteacher)).get(url)).statusCode).toBe(404);
    expect((await (await as(people.otherHeadteacher)).get(newUrl())).statusCode).toBe(404);
  });

  it('is in Welsh when asked', async () => {
    const page = await (await as(people.headteacher)).get(`${newUrl()}?lang=cy`);
    const text = pageText(page.body);
    expect(text).toContain('Ychwanegu cam gweithredu');
    expect(text).toContain('Diwrnod');
    expect(text).toContain('Dyddiad cwblhau');
  });
});

describe('changing an action', () => {
  it('saves an edit from the current version and audits before and after', async () => {
    const action = await buildAction(t.database.db, priorityId, { description: 'Buy books', costPence: 30000 });
    const head = await as(people.headteacher);
    const form = await head.get(editUrl(action.id));
    expect(form.body).toContain('value="£300"');
    const response = await head.post(
      editUrl(action.id),
      { ...validAction, description: 'Buy decodable books', version: versionOn(form.body) },
      { tokenFrom: editUrl(action.id) },
    );
    expect(response.statusCode).toBe(303);
    const [entry] = await auditEntries(t.database.db, 'plan-action-update', action.id);
    expect(entry?.before).toMatchObject({ description: 'Buy books' });
    expect(entry?.after).toMatchObject({ description: 'Buy decodable books' });
  });

  it('never silently overwrites: a second save from an older version gets 409 with theirs and yours', async () => {
    const action = await buildAction(t.database.db, priorityId, {
      description: 'Run parent workshops',
      owner: 'Deputy head',
    });
    const head = await as(people.headteacher);
    const leader = await as(people.leader);
    const headForm = await head.get(editUrl(action.id));
    const leaderForm = await leader.get(editUrl(action.id));
    const first = await head.post(
      editUrl(action.id),
      {
        ...validAction,
        description: 'Run parent workshops',
        owner: 'Family liaison officer',
        version: versionOn(headForm.body),
      },
      { tokenFrom: editUrl(action.id) },
    );
    expect(first.statusCode).toBe(303);
    const second = await leader.post(
      editUrl(action.id),
      {
        ...validAction,
        description: 'Run parent workshops',
        owner: 'Headteacher',
        version: versionOn(leaderForm.body),
      },
      { tokenFrom: editUrl(action.id) },
    );
    expect(second.statusCode).toBe(409);
    const text = pageText(second.body);
    expect(text).toContain('Someone else saved changes while you were editing');
    expect(text).toMatch(/Who leads it<\/th><td[^>]*>Family liaison officer<\/td><td[^>]*>Headteacher/);
    const [stored] = await t.database.db.select().from(planActions).where(eq(planActions.id, action.id));
    expect(stored!.owner).toBe('Family liaison officer');
    // The form now carries their version: saving again is a deliberate choice, and it works.
    const third = await leader.post(
      editUrl(action.id),
      { ...validAction, description: 'Run parent workshops', owner: 'Headteacher', version: versionOn(second.body) },
      { tokenFrom: editUrl(action.id) },
    );
    expect(third.statusCode).toBe(303);
  });

  it('refuses a practitioner (403) and hides another school’s action (404)', async () => {
    const action = await buildAction(t.database.db, priorityId);
    expect((await (await as(people.practitioner)).get(editUrl(action.id))).statusCode).toBe(403);
    const elsewhere = await buildAction(t.database.db, otherPriorityId);
    expect((await (await as(people.headteacher)).get(editUrl(elsewhere.id))).statusCode).toBe(404);
  });
});

describe('removing an action', () => {
  it('asks first, then removes and audits', async () => {
    const action = await buildAction(t.database.db, priorityId, { description: 'Action to remove' });
    const head = await as(people.headteacher);
    const url = `/schools/${school.number}/plan/actions/${action.id}/remove`;
    const confirm = await head.get(url);
    expect(pageText(confirm.body)).toContain('Are you sure you want to remove this action?');
    expect((await (await as(people.practitioner)).post(url, {}, { tokenFrom: '/account/password' })).statusCode).toBe(
      403,
    );
    const removed = await head.post(url, {}, { tokenFrom: url });
    expect(removed.statusCode).toBe(303);
    expect(await t.database.db.select().from(planActions).where(eq(planActions.id, action.id))).toEqual([]);
    expect(await auditEntries(t.database.db, 'plan-action-delete', action.id)).toHaveLength(1);
  });
});

describe('success criteria', () => {
  const url = () => `/schools/${school.number}/plan/priorities/${priorityId}/criteria`;
  const basisOn = (html: string) => /name="basis" value="([^"]+)"/.exec(html)![1]!;

  it('are saved as a list of statements, blanks dropped, in order, and audited', async () => {
    const head = await as(people.headteacher);
    const form = await head.get(url());
    const response = await head.post(
      url(),
      { basis: basisOn(form.body), criterion: ['Reading ages rise by 12 months', '', 'Gap to peers halves'] },
      { tokenFrom: url() },
    );
    expect(response.statusCode).toBe(303);
    const rows = await t.database.db
      .select()
      .from(successCriteria)
      .where(eq(successCriteria.priorityId, priorityId))
      .orderBy(successCriteria.position);
    expect(rows.map((r) => r.text)).toEqual(['Reading ages rise by 12 months', 'Gap to peers halves']);
    expect(await auditEntries(t.database.db, 'plan-criteria-update', priorityId)).toHaveLength(1);
  });

  it('give another row without saving when asked', async () => {
    const head = await as(people.headteacher);
    const form = await head.get(url());
    const rowsBefore = (form.body.match(/name="criterion"/g) ?? []).length;
    const more = await head.post(
      url(),
      { basis: basisOn(form.body), criterion: Array(rowsBefore).fill('x'), addRow: '1' },
      { tokenFrom: url() },
    );
    expect(more.statusCode).toBe(200);
    expect((more.body.match(/name="criterion"/g) ?? []).length).toBe(rowsBefore + 1);
  });

  it('refuse a save made from an older list (409), showing both', async () => {
    const head = await as(people.headteacher);
    const leader = await as(people.leader);
    const headForm = await head.get(url());
    const leaderForm = await leader.get(url());
    await head.post(url(), { basis: basisOn(headForm.body), criterion: ['Head criterion'] }, { tokenFrom: url() });
    const conflict = await leader.post(
      url(),
      { basis: basisOn(leaderForm.body), criterion: ['Leader criterion'] },
      { tokenFrom: url() },
    );
    expect(conflict.statusCode).toBe(409);
    expect(pageText(conflict.body)).toContain('Head criterion');
    expect(pageText(conflict.body)).toContain('Leader criterion');
  });

  it('refuse a statement that is too long (400) and a practitioner (403)', async () => {
    const head = await as(people.headteacher);
    const form = await head.get(url());
    const response = await head.post(
      url(),
      { basis: basisOn(form.body), criterion: ['x'.repeat(301)] },
      { tokenFrom: url() },
    );
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('Each statement must be 300 characters or fewer');
    expect((await (await as(people.practitioner)).get(url())).statusCode).toBe(403);
  });
});
