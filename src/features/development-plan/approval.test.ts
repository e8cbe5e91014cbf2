// The governing body's approval as a clerk would minute it: recorded by the chair, the clerk or a
// governor the body delegated, against the meeting that resolved it; once, on the latest revision only.
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingForm } from '../../../test/support/approval-helpers.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor, pageText, visibleText } from '../../../test/support/http.ts';
import { buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { approvalDelegations, planRevisions, users } from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let chair: TestUser, clerk: TestUser, otherChair: TestUser, delegate: TestUser;
const nameOf = async (who: { id: string }) =>
  (await t.database.db.select({ name: users.displayName }).from(users).where(eq(users.id, who.id)))[0]!.name;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const base = () => `/schools/${school.number}/plan`;
const DAY = 86_400_000;

async function saveRevision(note: string) {
  const head = await as(people.headteacher);
  const saved = await head.post(`${base()}/revisions`, { note }, { tokenFrom: `${base()}/revisions` });
  expect(saved.statusCode).toBe(303);
}
async function revision(n: number) {
  const [row] = await t.database.db.select().from(planRevisions).where(eq(planRevisions.number, n));
  return row!;
}
const approve = async (who: { id: string }, n: number, form: Record<string, string>) =>
  (await as(who)).post(`${base()}/revisions/${n}/approve`, form, { tokenFrom: `${base()}/revisions/${n}` });

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  chair = await buildUser(db, { role: 'chair_of_governors', scopeId: school.governingBodyId });
  clerk = await buildUser(db, { role: 'clerk', scopeId: school.governingBodyId });
  delegate = await buildUser(db, { role: 'governor', scopeId: school.governingBodyId });
  const other = await buildSchool(db);
  otherChair = await buildUser(db, { role: 'chair_of_governors', scopeId: other.governingBodyId });
  await buildPriority(db, await buildCycle(db, school.number), { title: 'Reading' });
  const head = await as(people.headteacher);
  await head.post(base(), { firstYear: String(academicYearOf(new Date())) }, { tokenFrom: base() });
  await saveRevision('First');
});
afterAll(() => t.close());

describe('the meeting the approval is recorded against', () => {
  const today = new Date();
  it.each([
    ['no meeting chosen', { meeting: '' }, 'Select which meeting approved the plan'],
    ['a meeting of an unknown kind', { meeting: 'annual_parents' }, 'Select which meeting approved the plan'],
    ['a committee without its name', { meeting: 'committee', committee: '' }, 'Enter the name of the committee'],
    ['a committee named at length', { meeting: 'committee', committee: 'C'.repeat(121) }, '120 characters or fewer'],
    ['no date', { 'meetingOn-day': '', 'meetingOn-month': '', 'meetingOn-year': '' }, 'Enter the date of the meeting'],
    ['a date that does not exist', { 'meetingOn-day': '31', 'meetingOn-month': '2' }, 'must be a real date'],
    ['a date in words', { 'meetingOn-day': 'third' }, 'must be a real date'],
    ['a meeting tomorrow', meetingForm({}, new Date(today.getTime() + DAY)), 'must be today or in the past'],
    ['a meeting over a year ago', meetingForm({}, new Date(today.getTime() - 400 * DAY)), 'within the last 12 months'],
    ['no minute reference', { minute: '  ' }, 'Enter the minute reference'],
    ['a minute reference at length', { minute: '7'.repeat(41) }, '40 characters or fewer'],
    ['no resolution', { resolution: '' }, 'Enter the resolution'],
    ['a resolution at length', { resolution: 'R'.repeat(2001) }, '2,000 characters or fewer'],
  ])('refuses %s with a translated 400 and changes nothing', async (_name, overrides, message) => {
    const response = await approve(chair, 1, meetingForm(overrides));
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('There is a problem');
    expect(pageText(response.body)).toContain(message);
    expect((await revision(1)).approvedAt).toBeNull();
    expect(await auditEntries(t.database.db, 'plan-revision-approve')).toEqual([]);
  });

  it.each([
    ['a resolution beyond any form’s length', { resolution: 'R'.repeat(20_001) }],
    ['a minute reference with a control character', { minute: '7.2\u0007' }],
    ['a committee with a control character', { meeting: 'committee', committee: 'Finance\u0000' }],
  ])('refuses %s (400) and changes nothing', async (_name, overrides) => {
    const response = await approve(chair, 1, meetingForm(overrides));
    expect(response.statusCode).toBe(400);
    expect((await revision(1)).approvedAt).toBeNull();
  });

  it('says it in Welsh', async () => {
    const visitor = await as(chair);
    const response = await visitor.post(`${base()}/revisions/1/approve?lang=cy`, meetingForm({ minute: '' }), {
      tokenFrom: `${base()}/revisions/1?lang=cy`,
    });
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('Rhowch gyfeirnod y cofnod');
  });
});

describe('who records the approval', () => {
  it('is not a governor the body did not delegate, a headteacher, or another body’s chair', async () => {
    for (const who of [people.governor, delegate, people.headteacher]) {
      expect((await (await as(who)).get(`${base()}/revisions/1/approve`)).statusCode).toBe(403);
      expect((await approve(who, 1, meetingForm())).statusCode).toBe(403);
    }
    expect((await (await as(otherChair)).get(`${base()}/revisions/1/approve`)).statusCode).toBe(404);
    expect((await approve(otherChair, 1, meetingForm())).statusCode).toBe(404);
    expect((await revision(1)).approvedAt).toBeNull();
  });

  it('is a governor once the chair delegates them, and not once the delegation is removed (both audited)', async () => {
    const page = `${base()}/approvers`;
    const chairVisitor = await as(chair);
    expect(pageText((await chairVisitor.get(page)).body)).toContain('No governor has been delegated');
    const added = await chairVisitor.post(page, { userId: delegate.id }, { tokenFrom: page });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${page}?done=delegated`);
    const [row] = await t.database.db
      .select()
      .from(approvalDelegations)
      .where(and(eq(approvalDelegations.userId, delegate.id), isNull(approvalDelegations.revokedAt)));
    expect(row!.createdBy).toBe(chair.id);
    expect(await auditEntries(t.database.db, 'approval-delegate', row!.id)).toHaveLength(1);
    expect((await (await as(delegate)).get(`${base()}/revisions/1/approve`)).statusCode).toBe(200);
    expect((await (await as(delegate)).get(`${base()}/revisions/1`)).body).toContain('/revisions/1/approve');
    // Others of the body stay as they were; delegating twice records nothing more.
    expect((await (await as(people.governor)).get(`${base()}/revisions/1/approve`)).statusCode).toBe(403);
    await chairVisitor.post(page, { userId: delegate.id }, { tokenFrom: page });
    expect(await auditEntries(t.database.db, 'approval-delegate')).toHaveLength(1);

    const revoked = await (await as(clerk)).post(`${page}/${row!.id}/revoke`, {}, { tokenFrom: page });
    expect(revoked.statusCode).toBe(303);
    expect(await auditEntries(t.database.db, 'approval-delegate-revoke', row!.id)).toHaveLength(1);
    expect((await (await as(delegate)).get(`${base()}/revisions/1/approve`)).statusCode).toBe(403);
  });

  it('delegates only a governor of this body (400, nothing recorded)', async () => {
    const page = `${base()}/approvers`;
    for (const userId of [people.headteacher.id, people.otherGovernor.id, '', clerk.id]) {
      const response = await (await as(chair)).post(page, { userId }, { tokenFrom: page });
      expect(response.statusCode).toBe(400);
      expect(pageText(response.body)).toContain('Choose a governor of this governing body');
    }
    expect(await auditEntries(t.database.db, 'approval-delegate')).toHaveLength(1);
  });

  it('lets only the chair and the clerk manage delegations', async () => {
    const page = `${base()}/approvers`;
    expect((await (await as(clerk)).get(page)).statusCode).toBe(200);
    for (const who of [people.governor, people.headteacher]) {
      expect((await (await as(who)).get(page)).statusCode).toBe(403);
      const [row] = await t.database.db.select().from(approvalDelegations).limit(1);
      expect((await (await as(who)).post(`${page}/${row!.id}/revoke`, {}, { tokenFrom: base() })).statusCode).toBe(403);
    }
    expect((await (await as(otherChair)).get(page)).statusCode).toBe(404);
    expect((await (await as(people.headteacher)).get(`${base()}/revisions`)).body).not.toContain('/plan/approvers');
    expect((await (await as(chair)).get(`${base()}/revisions`)).body).toContain('/plan/approvers');
  });

  it('is the clerk, for a committee’s meeting; the revision page shows the meeting, and it is frozen', async () => {
    const meetingOn = new Date(Date.now() - 10 * DAY);
    const form = meetingForm(
      {
        meeting: 'committee',
        committee: 'Curriculum and Standards Committee',
        minute: 'CS/24',
        resolution: 'Approved as presented.',
      },
      meetingOn,
    );
    const response = await approve(clerk, 1, form);
    expect(response.headers.location).toBe(`${base()}/revisions/1?approval=approved`);
    const row = await revision(1);
    expect(row).toMatchObject({
      approvedBy: clerk.id,
      approvalMeeting: 'committee',
      approvalCommittee: 'Curriculum and Standards Committee',
      approvalMinute: 'CS/24',
      approvalResolution: 'Approved as presented.',
    });
    const [audit] = await auditEntries(t.database.db, 'plan-revision-approve', row.id);
    expect(audit!.actorId).toBe(clerk.id);
    expect(audit!.after).toMatchObject({ minute: 'CS/24', meeting: 'committee' });
    const page = visibleText((await (await as(people.governor)).get(`${base()}/revisions/1`)).body);
    expect(page).toContain(
      'Approved by a committee of the governing body (Curriculum and Standards Committee) at its meeting on',
    );
    expect(page).toContain('minute CS/24.');
    expect(page).toContain('“Approved as presented.”');
    expect(page).toContain(`Recorded by ${await nameOf(clerk)}`);
    const welsh = visibleText((await (await as(people.headteacher)).get(`${base()}?lang=cy`)).body);
    expect(welsh).toContain("Cymeradwywyd gan bwyllgor o'r corff llywodraethu (Curriculum and Standards Committee)");

    // Approved is frozen: no one records it again, with other words.
    const again = await approve(chair, 1, meetingForm({ minute: '9.9' }));
    expect(again.headers.location).toBe(`${base()}/revisions/1?approval=already-approved`);
    expect((await (await as(chair)).get(`${base()}/revisions/1/approve`)).headers.location).toBe(
      `${base()}/revisions/1?approval=already-approved`,
    );
    expect((await revision(1)).approvalMinute).toBe('CS/24');
    expect(await auditEntries(t.database.db, 'plan-revision-approve')).toHaveLength(1);
    // Nor does anything else: the database refuses to change an approved revision.
    await expect(
      t.database.db.update(planRevisions).set({ note: 'Changed after approval' }).where(eq(planRevisions.number, 1)),
    ).rejects.toThrow();
    expect((await revision(1)).note).toBe('First');
  });
});

describe('which revision may be approved', () => {
  it('is the latest only: an older one is refused', async () => {
    await saveRevision('Second');
    await saveRevision('Third');
    const older = await approve(chair, 2, meetingForm());
    expect(older.headers.location).toBe(`${base()}/revisions/2?approval=not-latest`);
    expect((await revision(2)).approvedAt).toBeNull();
  });

  it('is approved once when two record it at the same moment', async () => {
    const [a, b] = await Promise.all([
      approve(chair, 3, meetingForm({ minute: 'A' })),
      approve(clerk, 3, meetingForm({ minute: 'B' })),
    ]);
    expect([a.headers.location, b.headers.location].sort()).toEqual([
      `${base()}/revisions/3?approval=already-approved`,
      `${base()}/revisions/3?approval=approved`,
    ]);
    expect(await auditEntries(t.database.db, 'plan-revision-approve', (await revision(3)).id)).toHaveLength(1);
  });

  it('shows an approval recorded before meetings were: meeting not recorded', async () => {
    await saveRevision('Fourth');
    await t.database.db
      .update(planRevisions)
      .set({ approvedBy: people.governor.id, approvedAt: new Date() })
      .where(eq(planRevisions.number, 4));
    const page = visibleText((await (await as(people.headteacher)).get(`${base()}/revisions/4`)).body);
    expect(page).toContain('The meeting was not recorded.');
    expect(page).toContain(`Recorded by ${await nameOf(people.governor)}`);
    expect(visibleText((await (await as(people.headteacher)).get(base())).body)).toContain(
      'The meeting was not recorded.',
    );
  });
});
