import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie } from '../../../test/support/factories.ts';
import { Visitor, pageText } from '../../../test/support/http.ts';
import { buildConcernCase } from '../../../test/support/la-factories.ts';
import { buildAction, buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { concernSupportItems, meetingActions, meetings, roleAssignments } from '../../db/schema/index.ts';
import { settableClock } from '../../lib/clock.ts';
import { actionsAssignedTo } from './my-actions-repository.ts';

// Issue 13: "My actions" lists what the reader leads and may still open, soonest first, marked by when it is due.
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let priorityId: string;
let collaborativeId: string;
const as = async (user: { id: string }) =>
  new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id, t.clock.now()));
const TODAY = '2027-01-20';

beforeAll(async () => {
  t = await createTestApp({ clock: settableClock(`${TODAY}T10:00:00Z`) });
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  const cycle = await buildCycle(db, school.number);
  priorityId = (await buildPriority(db, cycle, { title: 'Reading for all' })).id;
  const p = people.practitioner.id;
  await buildAction(db, priorityId, { description: 'Overdue reading audit', dueOn: '2027-01-10', ownerUserId: p });
  await buildAction(db, priorityId, { description: 'Soon: parents workshop', dueOn: '2027-01-25', ownerUserId: p });
  await buildAction(db, priorityId, { description: 'Later: library refit', dueOn: '2027-06-30', ownerUserId: p });
  await buildAction(db, priorityId, {
    description: 'Already done thing',
    dueOn: '2027-01-01',
    ownerUserId: p,
    status: 'done',
  });
  await buildAction(db, priorityId, {
    description: "The leader's own task",
    dueOn: '2027-01-12',
    ownerUserId: people.leader.id,
  });
  const collaborative = await buildCollaborative(db, {
    members: [school],
    nameEn: 'Taff cluster',
    nameCy: 'Clwstwr Taf',
  });
  collaborativeId = collaborative.id;
  const [meeting] = await db
    .insert(meetings)
    .values({ collaborativeId, title: 'Autumn network', meetsOn: '2026-11-01' })
    .returning();
  await db.insert(meetingActions).values({
    meetingId: meeting!.id,
    description: 'Share the writing rubric',
    owner: 'x',
    ownerUserId: p,
    dueOn: '2027-02-01',
  });
  const kase = await buildConcernCase(db, { schoolNumber: school.number, laCode: school.laCode });
  await db.insert(concernSupportItems).values([
    { caseId: kase.id, action: 'Restricted: coaching plan', owner: 'x', ownerUserId: p, reviewOn: '2027-01-30' },
    {
      caseId: kase.id,
      action: 'Headteacher reviews attendance',
      owner: 'x',
      ownerUserId: people.headteacher.id,
      reviewOn: '2027-01-30',
    },
  ]);
});
afterAll(() => t.close());

describe('My actions', () => {
  it('lists mine soonest first, marked overdue or due soon, and not anyone else’s or what I cannot open', async () => {
    const page = await (await as(people.practitioner)).get('/my/actions');
    expect(page.statusCode).toBe(200);
    const text = pageText(page.body);
    const order = [
      'Overdue reading audit',
      'Soon: parents workshop',
      'Share the writing rubric',
      'Later: library refit',
    ];
    const at = order.map((d) => text.indexOf(d));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('Overdue');
    expect(text).toContain('Due soon');
    expect(text).toContain('Taff cluster');
    expect(text).not.toContain("The leader's own task");
    expect(text).not.toContain('Already done thing');
    // A practitioner may not open the concern case, so an item given to them there is not theirs to see.
    expect(text).not.toContain('Restricted: coaching plan');
    expect(page.body).toContain(`href="/schools/${school.number}/plan#priority-${priorityId}"`);
    expect(page.body).toMatch(new RegExp(`href="/collaboratives/${collaborativeId}/meetings/`));
  });

  it('shows a headteacher their concern support item, linked to the case', async () => {
    const text = pageText((await (await as(people.headteacher)).get('/my/actions')).body);
    expect(text).toContain('Headteacher reviews attendance');
    expect(text).toContain('Review on');
  });

  it('drops what I can no longer open once I leave the school', async () => {
    const leaver = await buildUser(t.database.db, { role: 'practitioner', scopeId: school.number });
    await buildAction(t.database.db, priorityId, {
      description: 'Left behind',
      dueOn: '2027-03-01',
      ownerUserId: leaver.id,
    });
    expect((await actionsAssignedTo(t.database.db, { id: leaver.id }, TODAY)).map((a) => a.description)).toEqual([
      'Left behind',
    ]);
    await t.database.db.delete(roleAssignments).where(eq(roleAssignments.userId, leaver.id));
    expect(await actionsAssignedTo(t.database.db, { id: leaver.id }, TODAY)).toEqual([]);
    const text = pageText((await (await as(leaver)).get('/my/actions')).body);
    expect(text).not.toContain('Left behind');
    expect(text).toContain('Nothing is assigned to you at the moment');
  });

  it('says kindly when there is nothing, in Welsh too, and is reached from the account page', async () => {
    const nobody = await buildUser(t.database.db, { role: 'practitioner', scopeId: school.number });
    const visitor = await as(nobody);
    expect(pageText((await visitor.get('/my/actions?lang=cy')).body)).toContain(
      "Nid oes dim wedi'i neilltuo i chi ar hyn o bryd",
    );
    expect(pageText((await visitor.get('/my/actions?lang=cy')).body)).toContain('Eich camau gweithredu');
    expect((await visitor.get('/account')).body).toContain('href="/my/actions"');
  });

  it('asks you to sign in', async () => {
    const response = await new Visitor(t.app).get('/my/actions');
    expect(response.statusCode).toBe(303);
  });

  it('gives each action its timing for other pages to use', async () => {
    const mine = await actionsAssignedTo(t.database.db, { id: people.practitioner.id }, TODAY);
    expect(mine.map((a) => [a.kind, a.timing])).toEqual([
      ['plan', 'overdue'],
      ['plan', 'dueSoon'],
      ['meeting', 'dueSoon'], // 2027-02-01 is within 14 days
      ['plan', 'later'],
    ]);
    // The signed-in reader's access is asked of the roles in hand; a feed's, of the table: the same answer.
    const asReader = await actionsAssignedTo(
      t.database.db,
      {
        id: people.practitioner.id,
        assignments: [{ role: 'practitioner', scopeType: 'school', scopeId: school.number }],
      },
      TODAY,
    );
    expect(asReader).toEqual(mine);
  });
});
