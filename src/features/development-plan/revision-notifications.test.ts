import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { meetingForm } from '../../../test/support/approval-helpers.ts';
import { relayAll, toldOf } from '../../../test/support/notification-helpers.ts';
import { buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

// A revision saved for governors tells the governing body; its approval tells the school's leaders.
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let chair: TestUser, inactiveGovernor: TestUser;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const base = () => `/schools/${school.number}/plan`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db, { name: 'Ysgol y Garth' });
  people = await buildSchoolPeople(db, school);
  chair = await buildUser(db, { role: 'chair_of_governors', scopeId: school.governingBodyId });
  inactiveGovernor = await buildUser(db, { role: 'governor', scopeId: school.governingBodyId, active: false });
  await buildPriority(db, await buildCycle(db, school.number), { title: 'Reading' });
  const head = await as(people.headteacher);
  await head.post(base(), { firstYear: String(academicYearOf(new Date())) }, { tokenFrom: base() });
  await relayAll(db);
});
afterAll(() => t.close());

describe('plan revision notifications', () => {
  it('tells the governing body a revision waits for approval, and no one else', async () => {
    const head = await as(people.headteacher);
    const saved = await head.post(
      `${base()}/revisions`,
      { note: 'For approval' },
      { tokenFrom: `${base()}/revisions` },
    );
    expect(saved.statusCode).toBe(303);
    const told = await relayAll(t.database.db);
    const waiting = toldOf(told, 'revision_awaiting_approval');
    expect([...waiting.keys()].sort()).toEqual([people.governor.id, chair.id].sort());
    expect(waiting.get(chair.id)).toBe(`${base()}/revisions/1`);
    expect(told[0]!.params).toEqual({ school: 'Ysgol y Garth', number: '1' });
    for (const other of [
      people.headteacher,
      people.leader,
      people.practitioner,
      people.laOfficer,
      people.otherGovernor,
      people.otherHeadteacher,
      inactiveGovernor,
    ])
      expect(waiting.has(other.id)).toBe(false);
    // The link opens for the people told.
    expect((await (await as(people.governor)).get(`${base()}/revisions/1`)).statusCode).toBe(200);
  });

  it('tells the school’s leaders and the other governors when the chair records its approval', async () => {
    const chairVisitor = await as(chair);
    const url = `${base()}/revisions/1/approve`;
    expect((await chairVisitor.post(url, meetingForm(), { tokenFrom: url })).statusCode).toBe(303);
    const approved = toldOf(await relayAll(t.database.db), 'revision_approved');
    expect([...approved.keys()].sort()).toEqual([people.headteacher.id, people.leader.id, people.governor.id].sort());
    for (const other of [chair, people.practitioner, people.laOfficer, people.otherGovernor])
      expect(approved.has(other.id)).toBe(false);
  });

  it('tells nobody when the approval changes nothing', async () => {
    const chairVisitor = await as(chair);
    const url = `${base()}/revisions/1/approve`;
    const again = await chairVisitor.post(url, meetingForm(), { tokenFrom: `${base()}/revisions/1` });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toContain('already-approved');
    expect(await relayAll(t.database.db)).toEqual([]);
  });
});
