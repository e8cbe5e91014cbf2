import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative, buildFacilitator, makeLead } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { meetingActions, meetings, users } from '../../db/schema/index.ts';

// Issue 13: a meeting's action is led by someone in the collaborative's space (its member schools'
// staff, its lead, its facilitators) or someone outside Cydwella by name; nobody else.
let t: TestApp;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
let head: TestUser, lead: TestUser, stranger: TestUser, facilitator: TestUser;
let page: string;
let meetingId: string;
const nameOf = async (id: string) => (await t.database.db.select().from(users).where(eq(users.id, id)))[0]!.displayName;
const actionsOf = () => t.database.db.select().from(meetingActions).where(eq(meetingActions.meetingId, meetingId));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const member = await buildSchool(db, { laCode: '669' });
  const outsider = await buildSchool(db, { laCode: '669' });
  const collaborative = await buildCollaborative(db, { members: [member] });
  head = await buildUser(db, { role: 'headteacher', scopeId: member.number });
  lead = await buildUser(db);
  await makeLead(db, collaborative.id, lead);
  stranger = await buildUser(db, { role: 'headteacher', scopeId: outsider.number });
  facilitator = await buildFacilitator(db, collaborative.id, '669');
  const [meeting] = await db
    .insert(meetings)
    .values({ collaborativeId: collaborative.id, title: 'Spring network', meetsOn: '2030-03-01' })
    .returning();
  meetingId = meeting!.id;
  page = `/collaboratives/${collaborative.id}/meetings/${meetingId}`;
});
afterAll(() => t.close());

describe("choosing who leads a meeting's action", () => {
  it('offers the collaborative’s people and someone outside, in both languages', async () => {
    const text = pageText((await (await as(head)).get(page)).body);
    for (const person of [head, lead, facilitator]) expect(text).toContain(await nameOf(person.id));
    expect(text).not.toContain(await nameOf(stranger.id));
    expect(text).toContain('Someone outside Cydwella');
    expect(pageText((await (await as(head)).get(`${page}?lang=cy`)).body)).toContain('Rhywun y tu allan i Cydwella');
  });

  it('saves the lead as a person and shows their name on the meeting', async () => {
    const visitor = await as(head);
    const response = await visitor.post(
      `${page}/actions`,
      { description: 'Share the rubric', ownerUserId: lead.id, owner: '' },
      { tokenFrom: page },
    );
    expect(response.statusCode).toBe(303);
    const [saved] = (await actionsOf()).filter((a) => a.description === 'Share the rubric');
    expect(saved!.ownerUserId).toBe(lead.id);
    expect(pageText((await visitor.get(page)).body)).toContain(await nameOf(lead.id));
  });

  it('saves someone outside by name', async () => {
    const response = await (
      await as(head)
    ).post(
      `${page}/actions`,
      { description: 'Invite the author', ownerUserId: 'outside', owner: 'Mari from the library service' },
      { tokenFrom: page },
    );
    expect(response.statusCode).toBe(303);
    const [saved] = (await actionsOf()).filter((a) => a.description === 'Invite the author');
    expect(saved).toMatchObject({ ownerUserId: null, owner: 'Mari from the library service' });
  });

  it('refuses someone outside the collaborative (400, in both languages) and saves nothing', async () => {
    const before = (await actionsOf()).length;
    for (const [lang, message] of [
      ['en', 'Choose someone from the list, or someone outside Cydwella'],
      ['cy', "Dewiswch rywun o'r rhestr, neu rywun y tu allan i Cydwella"],
    ] as const) {
      const response = await (
        await as(head)
      ).post(
        `${page}/actions?lang=${lang}`,
        { description: 'Sneaky', ownerUserId: stranger.id, owner: '' },
        { tokenFrom: page },
      );
      expect(response.statusCode).toBe(400);
      expect(pageText(response.body)).toContain(message);
    }
    expect((await actionsOf()).length).toBe(before);
  });
});
