import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative, buildFacilitator, makeLead } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { relayAll, toldOf } from '../../../test/support/notification-helpers.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

// A meeting arranged or moved tells the collaborative's convenors and its member schools' leaders.
let t: TestApp;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
let head: TestUser, leaderB: TestUser, practitioner: TestUser, stranger: TestUser, officer: TestUser;
let lead: TestUser, facilitator: TestUser, otherLaOfficer: TestUser;
let base: string, schools: string[];
let meetingId: string;

const meeting = (over: Record<string, string> = {}) => ({
  title: 'Autumn cluster meeting',
  'meetsOn-day': '14',
  'meetsOn-month': '10',
  'meetsOn-year': '2030',
  startsAt: '9:30',
  endsAt: '11:00',
  location: 'Hall',
  agenda: 'Transition',
  schools,
  attendees: '',
  notes: '',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const a = await buildSchool(db, { laCode: '669' });
  const b = await buildSchool(db, { laCode: '669' });
  const outsider = await buildSchool(db, { laCode: '669' });
  schools = [a.number, b.number];
  const collaborative = await buildCollaborative(db, { members: [a, b] });
  base = `/collaboratives/${collaborative.id}/meetings`;
  head = await buildUser(db, { role: 'headteacher', scopeId: a.number });
  leaderB = await buildUser(db, { role: 'school_leader', scopeId: b.number });
  practitioner = await buildUser(db, { role: 'practitioner', scopeId: b.number });
  stranger = await buildUser(db, { role: 'headteacher', scopeId: outsider.number });
  officer = await buildUser(db, { role: 'la_officer', scopeId: '669' });
  otherLaOfficer = await buildUser(db, { role: 'la_officer', scopeId: '670' });
  lead = await buildUser(db);
  await makeLead(db, collaborative.id, lead);
  facilitator = await buildFacilitator(db, collaborative.id, '669');
});
afterAll(() => t.close());

describe('meeting notifications', () => {
  it('tells the convenors and the member schools’ leaders of a meeting arranged', async () => {
    const response = await (await as(head)).post(`${base}/new`, meeting(), { tokenFrom: `${base}/new` });
    expect(response.statusCode).toBe(303);
    meetingId = response.headers.location!.split('/')[4]!.split('?')[0]!;
    const told = await relayAll(t.database.db);
    const arranged = toldOf(told, 'meeting_arranged');
    expect([...arranged.keys()].sort()).toEqual([leaderB.id, lead.id, facilitator.id].sort());
    expect(arranged.get(leaderB.id)).toBe(`${base}/${meetingId}`);
    expect(told[0]!.params).toEqual({ title: 'Autumn cluster meeting', date: '2030-10-14' });
    for (const other of [head, practitioner, stranger, officer, otherLaOfficer])
      expect(arranged.has(other.id)).toBe(false);
  });

  it('tells them again when it moves, but not when only its notes are written', async () => {
    const edit = `${base}/${meetingId}/edit`;
    const visitor = await as(facilitator);
    const notes = await visitor.post(edit, meeting({ version: '1', notes: 'We agreed to meet again.' }), {
      tokenFrom: edit,
    });
    expect(notes.statusCode).toBe(303);
    expect(await relayAll(t.database.db)).toEqual([]);
    const moved = await visitor.post(edit, meeting({ version: '2', 'meetsOn-day': '15' }), { tokenFrom: edit });
    expect(moved.statusCode).toBe(303);
    const changed = toldOf(await relayAll(t.database.db), 'meeting_changed');
    expect([...changed.keys()].sort()).toEqual([head.id, leaderB.id, lead.id].sort());
  });
});
