import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative, buildFacilitator, makeLead } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { relayAll, toldOf } from '../../../test/support/notification-helpers.ts';
import { buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { supportAgreements, supportRequests } from '../../db/schema/index.ts';

// Support requests, matches and closes tell their broker and the schools' leaders, and nobody else.
let t: TestApp;
const A = '672';
const B = '670';
type School = Awaited<ReturnType<typeof buildSchool>>;
let requester: School, supporter: School;
let headR: TestUser, leaderR: TestUser, practitionerR: TestUser, governorR: TestUser;
let headS: TestUser, leaderS: TestUser, officerA: TestUser, partnerA: TestUser, officerB: TestUser;
let headStranger: TestUser, lead: TestUser, facilitator: TestUser;
let priorityId: string, collaborativeId: string;
const db = () => t.database.db;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(db(), user.id));
const today = new Date().toISOString().slice(0, 10);
const [year, month, day] = today.split('-').map(Number) as [number, number, number];

beforeAll(async () => {
  t = await createTestApp();
  requester = await buildSchool(db(), { laCode: A, name: 'Requesting Primary' });
  supporter = await buildSchool(db(), { laCode: A, name: 'Supporting Primary' });
  const stranger = await buildSchool(db(), { laCode: B });
  priorityId = (await buildPriority(db(), await buildCycle(db(), requester.number), { title: 'Reasoning in maths' }))
    .id;
  collaborativeId = (await buildCollaborative(db(), { laCode: A, members: [requester, supporter] })).id;
  headR = await buildUser(db(), { role: 'headteacher', scopeId: requester.number });
  leaderR = await buildUser(db(), { role: 'school_leader', scopeId: requester.number });
  practitionerR = await buildUser(db(), { role: 'practitioner', scopeId: requester.number });
  governorR = await buildUser(db(), { role: 'governor', scopeId: requester.governingBodyId });
  headS = await buildUser(db(), { role: 'headteacher', scopeId: supporter.number });
  leaderS = await buildUser(db(), { role: 'school_leader', scopeId: supporter.number });
  officerA = await buildUser(db(), { role: 'la_officer', scopeId: A });
  partnerA = await buildUser(db(), { role: 'improvement_partner', scopeId: A });
  officerB = await buildUser(db(), { role: 'la_officer', scopeId: B });
  headStranger = await buildUser(db(), { role: 'headteacher', scopeId: stranger.number });
  lead = await buildUser(db());
  await makeLead(db(), collaborativeId, lead);
  facilitator = await buildFacilitator(db(), collaborativeId, A);
});
afterAll(() => t.close());

const requestUrl = () => `/schools/${requester.number}/priorities/${priorityId}/support-request`;
const laPage = `/local-authorities/${A}/brokering`;
const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

async function ask(broker: string, need: string) {
  const head = await as(headR);
  const response = await head.post(requestUrl(), { need, broker, language: 'en' }, { tokenFrom: requestUrl() });
  expect(response.statusCode).toBe(303);
}

describe('support request notifications', () => {
  it('tells the LA’s staff of a request given to the LA, not another LA, the collaborative or the school', async () => {
    await ask('la', 'Reasoning taught well in Years 3 and 4');
    const told = await relayAll(db());
    const requested = toldOf(told, 'support_requested');
    // The facilitator is one of the LA's improvement partners, so it hears as LA staff.
    expect([...requested.keys()].sort()).toEqual([officerA.id, partnerA.id, facilitator.id].sort());
    expect(requested.get(officerA.id)).toBe(laPage);
    for (const other of [headR, leaderR, officerB, lead, headStranger]) expect(requested.has(other.id)).toBe(false);
    expect(told.find((n) => n.kind === 'support_requested')!.params).toEqual({
      school: 'Requesting Primary',
      need: 'Reasoning taught well in Years 3 and 4',
    });
  });

  it('tells the collaborative’s lead and facilitators of a request given to it, not the LA', async () => {
    await ask(collaborativeId, 'Help from the cluster');
    const requested = toldOf(await relayAll(db()), 'support_requested');
    expect([...requested.keys()].sort()).toEqual([lead.id, facilitator.id].sort());
    expect(requested.get(lead.id)).toBe(`/collaboratives/${collaborativeId}/brokering`);
  });

  it('tells both schools’ leaders of a match, each on their own support page', async () => {
    const [request] = await db().select().from(supportRequests).where(isNull(supportRequests.brokerCollaborativeId));
    const url = `${laPage}/${request!.id}/agree`;
    const officer = await as(officerA);
    const ok = await officer.post(
      url,
      {
        version: versionOn((await officer.get(url)).body),
        supporter: 'other',
        otherSchool: supporter.number,
        what: 'Two lesson visits',
        language: 'en',
        'startsOn-day': String(day),
        'startsOn-month': String(month),
        'startsOn-year': String(year),
        'endsOn-day': String(day),
        'endsOn-month': String(month),
        'endsOn-year': String(year),
      },
      { tokenFrom: url },
    );
    expect(ok.statusCode).toBe(303);
    const matched = toldOf(await relayAll(db()), 'support_matched');
    expect([...matched.keys()].sort()).toEqual([headR.id, leaderR.id, headS.id, leaderS.id].sort());
    expect(matched.get(headR.id)).toBe(`/schools/${requester.number}/support`);
    expect(matched.get(headS.id)).toBe(`/schools/${supporter.number}/support`);
    for (const other of [officerA, practitionerR, governorR, officerB, headStranger])
      expect(matched.has(other.id)).toBe(false);
  });

  it('tells the broker and the supporting school when the impact closes it', async () => {
    const [agreement] = await db().select().from(supportAgreements);
    const url = `/schools/${requester.number}/support/agreements/${agreement!.id}/impact`;
    const leader = await as(leaderR);
    const ok = await leader.post(
      url,
      { impact: 'Learners explain their reasoning.', language: 'en', version: versionOn((await leader.get(url)).body) },
      { tokenFrom: url },
    );
    expect(ok.statusCode).toBe(303);
    const closed = toldOf(await relayAll(db()), 'support_closed');
    expect([...closed.keys()].sort()).toEqual([officerA.id, partnerA.id, facilitator.id, headS.id, leaderS.id].sort());
    expect(closed.get(officerA.id)).toBe(laPage);
    expect(closed.get(leaderS.id)).toBe(`/schools/${supporter.number}/support`);
    for (const other of [leaderR, headR, practitionerR, officerB, lead, headStranger])
      expect(closed.has(other.id)).toBe(false);
  });

  it('records nothing when the request is refused', async () => {
    const head = await as(headR);
    const bad = await head.post(requestUrl(), { need: '', broker: 'la' }, { tokenFrom: requestUrl() });
    expect(bad.statusCode).toBe(400);
    expect(await relayAll(db())).toEqual([]);
  });
});
