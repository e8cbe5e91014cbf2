import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie } from '../../../test/support/factories.ts';
import { Visitor, pageText } from '../../../test/support/http.ts';
import { buildAction, buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { developmentPlans, planActions, users } from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

// Issue 13: a plan action is led by one of the school's staff, or someone outside Cydwella by name.
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let priorityId: string;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const newUrl = () => `/schools/${school.number}/plan/priorities/${priorityId}/actions/new`;
const editUrl = (id: string) => `/schools/${school.number}/plan/actions/${id}/edit`;
const saved = async (id: string) => (await t.database.db.select().from(planActions).where(eq(planActions.id, id)))[0]!;
const nameOf = async (id: string) => (await t.database.db.select().from(users).where(eq(users.id, id)))[0]!.displayName;

const base = {
  description: 'Coach teaching assistants',
  'dueOn-day': '31',
  'dueOn-month': '3',
  'dueOn-year': '2027',
  supportFrom: 'none',
  status: 'not_started',
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  priorityId = (await buildPriority(db, await buildCycle(db, school.number))).id;
  await db.insert(developmentPlans).values({ schoolNumber: school.number, firstYear: academicYearOf(new Date()) });
});
afterAll(() => t.close());

describe('choosing who leads a plan action', () => {
  it("offers the school's staff, and nobody from elsewhere, with someone outside Cydwella", async () => {
    const text = pageText((await (await as(people.leader)).get(newUrl())).body);
    expect(text).toContain(await nameOf(people.practitioner.id));
    expect(text).toContain(await nameOf(people.headteacher.id));
    expect(text).not.toContain(await nameOf(people.otherHeadteacher.id));
    expect(text).not.toContain(await nameOf(people.laOfficer.id));
    expect(text).toContain('Someone outside Cydwella');
    const welsh = pageText((await (await as(people.leader)).get(`${newUrl()}?lang=cy`)).body);
    expect(welsh).toContain('Rhywun y tu allan i Cydwella');
  });

  it('saves a person, shows their current name on the plan, and audits the choice', async () => {
    const leader = await as(people.leader);
    const response = await leader.post(
      newUrl(),
      { ...base, ownerUserId: people.practitioner.id, owner: '' },
      {
        tokenFrom: newUrl(),
      },
    );
    expect(response.statusCode).toBe(303);
    const [row] = await t.database.db
      .select()
      .from(planActions)
      .where(eq(planActions.ownerUserId, people.practitioner.id));
    expect(row!.owner).toBe(await nameOf(people.practitioner.id));
    const [entry] = await auditEntries(t.database.db, 'plan-action-create', row!.id);
    expect(entry?.after).toMatchObject({ ownerUserId: people.practitioner.id });
    await t.database.db.update(users).set({ displayName: 'Nia Renamed' }).where(eq(users.id, people.practitioner.id));
    const plan = pageText((await leader.get(`/schools/${school.number}/plan`)).body);
    expect(plan).toContain('Nia Renamed');
    // Editing shows the person chosen.
    const form = (await leader.get(editUrl(row!.id))).body;
    expect(form).toMatch(new RegExp(`value="${people.practitioner.id}" checked`));
  });

  it('saves someone outside Cydwella by name', async () => {
    const leader = await as(people.leader);
    const response = await leader.post(
      newUrl(),
      { ...base, description: 'Outside', ownerUserId: 'outside', owner: 'Dr Eira Consultant' },
      {
        tokenFrom: newUrl(),
      },
    );
    expect(response.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(planActions).where(eq(planActions.owner, 'Dr Eira Consultant'));
    expect(row!.ownerUserId).toBeNull();
  });

  it('refuses someone who cannot see the plan, or no one at all, in both languages, and changes nothing', async () => {
    const action = await buildAction(t.database.db, priorityId, { description: 'Keep me', owner: 'Literacy lead' });
    const head = await as(people.headteacher);
    for (const [lang, message] of [
      ['en', 'Choose someone from the list, or someone outside Cydwella'],
      ['cy', "Dewiswch rywun o'r rhestr, neu rywun y tu allan i Cydwella"],
    ] as const) {
      for (const hostile of [people.otherHeadteacher.id, people.laOfficer.id, 'not-a-person']) {
        const response = await head.post(
          `${editUrl(action.id)}?lang=${lang}`,
          { ...base, version: '1', ownerUserId: hostile, owner: '' },
          { tokenFrom: editUrl(action.id) },
        );
        expect(response.statusCode).toBe(400);
        // A value no picker sends is refused by the route's schema, before the form reads it.
        if (hostile !== 'not-a-person') expect(pageText(response.body)).toContain(message);
      }
    }
    const none = await (
      await as(people.headteacher)
    ).post(editUrl(action.id), { ...base, version: '1', owner: '' }, { tokenFrom: editUrl(action.id) });
    expect(none.statusCode).toBe(400);
    expect(pageText(none.body)).toContain('Choose who leads it');
    expect(await saved(action.id)).toMatchObject({
      description: 'Keep me',
      owner: 'Literacy lead',
      ownerUserId: null,
      version: 1,
    });
  });

  it('keeps a person who has since left as their name under someone outside', async () => {
    const leaver = await buildUser(t.database.db, { role: 'practitioner', scopeId: school.number, active: false });
    const action = await buildAction(t.database.db, priorityId, { owner: 'Gone Person', ownerUserId: leaver.id });
    const form = (await (await as(people.leader)).get(editUrl(action.id))).body;
    expect(form).toMatch(/value="outside" checked/);
    expect(form).toContain('value="Gone Person"');
  });
});

describe('a large staff', () => {
  it('is offered as a list to choose from, with the name field after it, and saves the choice', async () => {
    const db = t.database.db;
    const big = await buildSchool(db);
    const staff = [];
    for (let i = 0; i < 13; i++) staff.push(await buildUser(db, { role: 'practitioner', scopeId: big.number }));
    const head = await buildUser(db, { role: 'headteacher', scopeId: big.number });
    const bigPriority = (await buildPriority(db, await buildCycle(db, big.number))).id;
    await db.insert(developmentPlans).values({ schoolNumber: big.number, firstYear: academicYearOf(new Date()) });
    const url = `/schools/${big.number}/plan/priorities/${bigPriority}/actions/new`;
    const visitor = await as(head);
    const form = (await visitor.get(url)).body;
    expect(form).toMatch(/<select class="govuk-select[^"]*" id="ownerUserId" name="ownerUserId"/);
    expect(form).toContain(`<option value="${staff[12]!.id}">`);
    expect(form).not.toContain('type="radio" value="outside"');
    expect(pageText((await visitor.get(`${url}?lang=cy`)).body)).toContain(
      'Os yw rhywun y tu allan i Cydwella yn ei arwain',
    );
    const response = await visitor.post(url, { ...base, ownerUserId: staff[12]!.id, owner: '' }, { tokenFrom: url });
    expect(response.statusCode).toBe(303);
    const [row] = await db.select().from(planActions).where(eq(planActions.ownerUserId, staff[12]!.id));
    expect(row?.description).toBe('Coach teaching assistants');
  });
});
