import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative, buildFacilitator, makeLead } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { relayAll, toldOf } from '../../../test/support/notification-helpers.ts';
import { buildCycle, buildEvidence } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

// Sharing tells the body shared with, and nobody else; sharing withdrawn before the relay tells nobody.
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let chair: TestUser, partnerHead: TestUser, partnerPractitioner: TestUser, lead: TestUser, facilitator: TestUser;
let itemId: string, collaborativeId: string;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));

async function share(audienceChoice: string, action: 'add' | 'remove' = 'add') {
  const page = `/schools/${school.number}/evidence/${itemId}`;
  const response = await (
    await as(people.headteacher)
  ).post(
    `/schools/${school.number}/sharing`,
    { itemType: 'evidence', itemId, action, audienceChoice, returnTo: page },
    { tokenFrom: page },
  );
  expect(response.statusCode).toBe(303);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db, { name: 'Ysgol y Dderwen' });
  people = await buildSchoolPeople(db, school);
  chair = await buildUser(db, { role: 'chair_of_governors', scopeId: school.governingBodyId });
  const partner = await buildSchool(db, { laCode: school.laCode });
  partnerHead = await buildUser(db, { role: 'headteacher', scopeId: partner.number });
  partnerPractitioner = await buildUser(db, { role: 'practitioner', scopeId: partner.number });
  collaborativeId = (await buildCollaborative(db, { members: [school, partner] })).id;
  lead = await buildUser(db);
  await makeLead(db, collaborativeId, lead);
  facilitator = await buildFacilitator(db, collaborativeId, school.laCode);
  const cycle = await buildCycle(db, school.number);
  itemId = (await buildEvidence(db, cycle, { title: 'Listening to learners in Year 6' })).id;
});
afterAll(() => t.close());

describe('shared with you', () => {
  it('tells the governing body of what was shared with governors, with a link it can open', async () => {
    await share('governors|');
    const told = await relayAll(t.database.db);
    const shared = toldOf(told, 'shared_with_you');
    expect([...shared.keys()].sort()).toEqual([people.governor.id, chair.id].sort());
    const link = `/schools/${school.number}/evidence/${itemId}`;
    expect(shared.get(chair.id)).toBe(link);
    expect(told[0]!.params).toEqual({ school: 'Ysgol y Dderwen', title: 'Listening to learners in Year 6' });
    expect((await (await as(chair)).get(link)).statusCode).toBe(200);
    for (const other of [people.leader, people.laOfficer, people.otherGovernor, lead, partnerHead])
      expect(shared.has(other.id)).toBe(false);
  });

  it('tells the school’s LA, not another LA nor its governors, of what was shared with the LA', async () => {
    await share('la|');
    const shared = toldOf(await relayAll(t.database.db), 'shared_with_you');
    // The facilitator is one of the LA's improvement partners.
    expect([...shared.keys()].sort()).toEqual([people.laOfficer.id, facilitator.id].sort());
    expect(shared.has(people.otherLaOfficer.id)).toBe(false);
  });

  it('tells the collaborative’s lead, facilitators and other members’ leaders, at its shared space', async () => {
    await share(`collaborative|${collaborativeId}`);
    const shared = toldOf(await relayAll(t.database.db), 'shared_with_you');
    expect([...shared.keys()].sort()).toEqual([lead.id, facilitator.id, partnerHead.id].sort());
    expect(shared.get(partnerHead.id)).toBe(`/collaboratives/${collaborativeId}/shared/evidence/${itemId}`);
    for (const other of [partnerPractitioner, people.leader, people.laOfficer, people.governor])
      expect(shared.has(other.id)).toBe(false);
  });

  it('opens the shared item from the notification, and shows nothing once the sharing is withdrawn', async () => {
    await share('governors|');
    await relayAll(t.database.db);
    const result = (await t.database.db.execute(
      sql`select id from notifications where user_id = ${chair.id} and kind = 'shared_with_you' and read_at is null order by created_at desc limit 1`,
    )) as unknown as { rows: { id: string }[] };
    const id = result.rows[0]?.id;
    expect(id).toBeDefined();
    const opened = await (await as(chair)).get(`/notifications/${id}`);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`/schools/${school.number}/evidence/${itemId}`);

    await share('governors|', 'remove');
    const gone = await (await as(chair)).get(`/notifications/${id}?lang=cy`);
    expect(gone.statusCode).toBe(200);
    expect(gone.body).toContain('Ni allwch weld hwn bellach');
    expect(gone.body).not.toContain('Listening to learners in Year 6');
    expect(gone.body).not.toContain(`/evidence/${itemId}`);
  });

  it('tells nobody when the sharing is withdrawn before the relay, nor of withdrawing it', async () => {
    await share('la|', 'remove');
    await share('la|');
    await share('la|', 'remove');
    expect(await relayAll(t.database.db)).toEqual([]);
  });
});
