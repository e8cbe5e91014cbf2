import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../test/support/factories.ts';
import { pageText, type Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { concernSupportItems, users } from '../../db/schema/index.ts';
import { dateBoxes, openCase, visitorFor } from '../../../test/support/concern-support.ts';

// Issue 13: a support item of a concern case (restricted) may be given only to someone who may open
// the case: the LA's officers, the school's headteacher and its chair of governors.
let t: TestApp;
const LA = '671';
let officer: TestUser, head: TestUser, chair: TestUser, practitioner: TestUser, partner: TestUser;
let visitor: Visitor;
let caseId: string;
const nameOf = async (id: string) => (await t.database.db.select().from(users).where(eq(users.id, id)))[0]!.displayName;
const items = () => t.database.db.select().from(concernSupportItems).where(eq(concernSupportItems.caseId, caseId));
const newUrl = () => `/concern-cases/${caseId}/support-items/new`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const school = await buildSchool(db, { laCode: LA });
  officer = await buildUser(db, { role: 'la_officer', scopeId: LA });
  head = await buildUser(db, { role: 'headteacher', scopeId: school.number });
  chair = await buildUser(db, { role: 'chair_of_governors', scopeId: school.governingBodyId });
  practitioner = await buildUser(db, { role: 'practitioner', scopeId: school.number });
  partner = await buildUser(db, { role: 'improvement_partner', scopeId: LA });
  visitor = await visitorFor(t, officer);
  caseId = await openCase(visitor, LA, {
    school: school.number,
    source: 'la_intelligence',
    grounds: ['standards'],
    summary: 'x',
  });
});
afterAll(() => t.close());

describe("choosing who leads a concern case's support item", () => {
  it('offers only those who may open the case', async () => {
    const text = pageText((await visitor.get(`${newUrl()}?lang=en`)).body);
    for (const person of [officer, head, chair]) expect(text).toContain(await nameOf(person.id));
    for (const person of [practitioner, partner]) expect(text).not.toContain(await nameOf(person.id));
    expect(text).toContain('Someone outside Cydwella');
    expect(pageText((await visitor.get(`${newUrl()}?lang=cy`)).body)).toContain('Rhywun y tu allan i Cydwella');
  });

  it('saves the headteacher as the owner, and someone outside by name', async () => {
    const post = (form: Record<string, string>) =>
      visitor.post(
        `/concern-cases/${caseId}/support-items?lang=en`,
        { ...form, ...dateBoxes('reviewOn', 30) },
        {
          tokenFrom: newUrl(),
        },
      );
    expect((await post({ action: 'Head leads attendance work', ownerUserId: head.id })).statusCode).toBe(303);
    expect(
      (await post({ action: 'Consultant reviews maths', ownerUserId: 'outside', owner: 'Maths consultant' }))
        .statusCode,
    ).toBe(303);
    const saved = Object.fromEntries((await items()).map((i) => [i.action, [i.ownerUserId, i.owner]]));
    expect(saved['Head leads attendance work']![0]).toBe(head.id);
    expect(saved['Consultant reviews maths']).toEqual([null, 'Maths consultant']);
    expect(pageText((await visitor.get(`/concern-cases/${caseId}?lang=en`)).body)).toContain(await nameOf(head.id));
  });

  it('refuses someone who may not open the case (400, both languages) and saves nothing', async () => {
    const before = (await items()).length;
    for (const [lang, message] of [
      ['en', 'Choose someone from the list, or someone outside Cydwella'],
      ['cy', "Dewiswch rywun o'r rhestr, neu rywun y tu allan i Cydwella"],
    ] as const) {
      for (const hostile of [practitioner.id, partner.id]) {
        const response = await visitor.post(
          `/concern-cases/${caseId}/support-items?lang=${lang}`,
          { action: 'Sneaky', ownerUserId: hostile, ...dateBoxes('reviewOn', 30) },
          { tokenFrom: newUrl() },
        );
        expect(response.statusCode).toBe(400);
        expect(pageText(response.body)).toContain(message);
      }
    }
    expect((await items()).length).toBe(before);
  });
});
