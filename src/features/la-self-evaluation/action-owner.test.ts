import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { laCycles, laPriorities, laPriorityActions, users } from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

// Issue 13: an action of the LA's plan is given to one of the LA's staff, or someone outside by name.
let t: TestApp;
const LA = '673';
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
let officer: TestUser, partner: TestUser, otherOfficer: TestUser;
let url: string;
let priorityId: string;
const nameOf = async (id: string) => (await t.database.db.select().from(users).where(eq(users.id, id)))[0]!.displayName;
const actions = () =>
  t.database.db.select().from(laPriorityActions).where(eq(laPriorityActions.priorityId, priorityId));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  officer = await buildUser(db, { role: 'la_officer', scopeId: LA });
  partner = await buildUser(db, { role: 'improvement_partner', scopeId: LA });
  otherOfficer = await buildUser(db, { role: 'la_officer', scopeId: '660' });
  const [cycle] = await db
    .insert(laCycles)
    .values({ laCode: LA, academicYear: academicYearOf(new Date()) })
    .returning();
  const [priority] = await db.insert(laPriorities).values({ cycleId: cycle!.id, title: 'Attendance' }).returning();
  priorityId = priority!.id;
  url = `/local-authorities/${LA}/self-evaluation/priorities/${priorityId}/actions`;
});
afterAll(() => t.close());

describe("choosing who leads an action of the LA's plan", () => {
  it("offers the LA's staff only, in both languages", async () => {
    const text = pageText((await (await as(officer)).get(`${url}/new`)).body);
    expect(text).toContain(await nameOf(partner.id));
    expect(text).not.toContain(await nameOf(otherOfficer.id));
    expect(text).toContain('Someone outside Cydwella');
    expect(pageText((await (await as(officer)).get(`${url}/new?lang=cy`)).body)).toContain(
      'Rhywun y tu allan i Cydwella',
    );
  });

  it('saves a member of staff, or someone outside by name, and shows the name on the priority', async () => {
    const lo = await as(officer);
    const base = { 'dueOn-day': '1', 'dueOn-month': '2', 'dueOn-year': '2099', status: 'not_started' };
    expect(
      (
        await lo.post(
          url,
          { ...base, description: 'Partner visits', ownerUserId: partner.id },
          { tokenFrom: `${url}/new` },
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await lo.post(
          url,
          { ...base, description: 'Welfare officer calls', ownerUserId: 'outside', owner: 'Education welfare officer' },
          { tokenFrom: `${url}/new` },
        )
      ).statusCode,
    ).toBe(303);
    const saved = Object.fromEntries((await actions()).map((a) => [a.description, [a.ownerUserId, a.owner]]));
    expect(saved['Partner visits']![0]).toBe(partner.id);
    expect(saved['Welfare officer calls']).toEqual([null, 'Education welfare officer']);
    const page = pageText((await lo.get(`/local-authorities/${LA}/self-evaluation/priorities/${priorityId}`)).body);
    expect(page).toContain(await nameOf(partner.id));
  });

  it("refuses another LA's officer (400 in both languages) and saves nothing", async () => {
    const before = (await actions()).length;
    for (const [lang, message] of [
      ['en', 'Choose someone from the list, or someone outside Cydwella'],
      ['cy', "Dewiswch rywun o'r rhestr, neu rywun y tu allan i Cydwella"],
    ] as const) {
      const response = await (
        await as(officer)
      ).post(
        `${url}?lang=${lang}`,
        { description: 'Sneaky', ownerUserId: otherOfficer.id, status: 'not_started' },
        { tokenFrom: `${url}/new` },
      );
      expect(response.statusCode).toBe(400);
      expect(pageText(response.body)).toContain(message);
    }
    expect((await actions()).length).toBe(before);
  });
});
