import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { sessionCookie } from '../../../test/support/factories.ts';
import { Visitor, pageText, visibleText } from '../../../test/support/http.ts';
import { buildAction, buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { developmentPlans, planActionCosts, planActions } from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let sharedId: string;
let privateId: string;
const year = academicYearOf(new Date());
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const newUrl = (priorityId: string) => `/schools/${school.number}/plan/priorities/${priorityId}/actions/new`;
const costsUrl = () => `/schools/${school.number}/plan/costs`;
const planUrl = () => `/schools/${school.number}/plan`;
const linesOf = (actionId: string) =>
  t.database.db
    .select()
    .from(planActionCosts)
    .where(eq(planActionCosts.actionId, actionId))
    .orderBy(planActionCosts.line);
const actionCount = async () => (await t.database.db.select().from(planActions)).length;

const action = {
  description: 'Reading intervention for eFSM learners',
  owner: 'Literacy lead',
  'startOn-day': '1',
  'startOn-month': '10',
  'startOn-year': String(year),
  'dueOn-day': '1',
  'dueOn-month': '12',
  'dueOn-year': String(year + 1),
  supportFrom: 'none',
  status: 'not_started',
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  await db.insert(developmentPlans).values({ schoolNumber: school.number, firstYear: year, language: 'en' });
  const cycle = await buildCycle(db, school.number);
  sharedId = (await buildPriority(db, cycle, { title: 'Reading for governors' })).id;
  await share(db, school.number, 'priority', sharedId, 'governors');
  privateId = (await buildPriority(db, cycle, { title: 'Staff wellbeing', state: 'in_progress' })).id;
  await buildAction(db, privateId, { description: 'Wellbeing days', startOn: `${year + 1}-09-02`, costPence: 70_000 });
});
afterAll(() => t.close());

describe('the cost of an action, by funding source', () => {
  it('is saved split across sources, its total kept beside it, and audited', async () => {
    const leader = await as(people.leader);
    const url = newUrl(sharedId);
    const form = await leader.get(url);
    expect(pageText(form.body)).toContain('Pupil Development Grant (PDG)');
    expect(form.body).toContain('name="costSource3"');
    const response = await leader.post(
      url,
      {
        ...action,
        cost1: '£1,000',
        costSource1: 'pdg',
        costGrant1: 'not kept: the PDG needs no name',
        cost2: '250.50',
        costSource2: 'other_grant',
        costGrant2: 'Arts Council of Wales',
        cost3: '',
        costSource3: '',
      },
      { tokenFrom: url },
    );
    expect(response.statusCode).toBe(303);
    const [saved] = await t.database.db.select().from(planActions).where(eq(planActions.priorityId, sharedId));
    expect(saved!.costPence).toBe(125_050);
    expect(await linesOf(saved!.id)).toEqual([
      { actionId: saved!.id, line: 1, amountPence: 100_000, source: 'pdg', grantName: '' },
      { actionId: saved!.id, line: 2, amountPence: 25_050, source: 'other_grant', grantName: 'Arts Council of Wales' },
    ]);
    const [entry] = await auditEntries(t.database.db, 'plan-action-create', saved!.id);
    expect(entry?.after).toMatchObject({ costPence: 125_050, costs: [{ source: 'pdg' }, { source: 'other_grant' }] });
  });

  it('refuses a source that is not on the list, in the reader’s language, saving nothing (400)', async () => {
    const head = await as(people.headteacher);
    const before = await actionCount();
    for (const [lang, message] of [
      ['en', 'Choose one of the funding sources listed'],
      ['cy', "Dewiswch un o'r ffynonellau cyllid a restrir"],
    ] as const) {
      const url = `${newUrl(sharedId)}?lang=${lang}`;
      const response = await head.post(
        url,
        { ...action, cost1: '100', costSource1: "pdg' or 1=1 --" },
        { tokenFrom: url },
      );
      expect(response.statusCode).toBe(400);
      expect(pageText(response.body)).toContain(message);
      expect(response.body).toContain('href="#costSource1"');
    }
    expect(await actionCount()).toBe(before);
  });

  it('refuses negative, absurd and unreadable amounts, and a line without its source or grant name (400)', async () => {
    const head = await as(people.headteacher);
    const url = newUrl(sharedId);
    const before = await actionCount();
    const response = await head.post(
      url,
      {
        ...action,
        cost1: '-500',
        costSource1: 'pdg',
        cost2: '£6,000,000',
        costSource2: 'school_budget',
        cost3: '10',
        costSource3: 'other_grant',
      },
      { tokenFrom: url },
    );
    expect(response.statusCode).toBe(400);
    const text = pageText(response.body);
    expect(text).toContain('Enter the cost in pounds, like £1,250.50');
    expect(text).toContain('An amount must be £5,000,000 or less');
    expect(text).toContain('Enter the name of the grant');
    expect(response.body).toContain('value="-500"');
    const missing = await head.post(url, { ...action, cost1: '', costSource1: 'laeg' }, { tokenFrom: url });
    expect(pageText(missing.body)).toContain('Enter the amount paid from this source');
    const unsourced = await head.post(url, { ...action, cost1: '5' }, { tokenFrom: url });
    expect(pageText(unsourced.body)).toContain('Choose where the money comes from');
    const huge = await head.post(url, { ...action, cost1: '9'.repeat(500), costSource1: 'pdg' }, { tokenFrom: url });
    expect(huge.statusCode).toBe(400);
    expect(await actionCount()).toBe(before);
  });

  it('shows a cost saved before sources as not decided yet, and replaces it when split', async () => {
    const old = await buildAction(t.database.db, sharedId, { description: 'Old costed action', costPence: 30_000 });
    const head = await as(people.headteacher);
    const editUrl = `/schools/${school.number}/plan/actions/${old.id}/edit`;
    const form = await head.get(editUrl);
    expect(form.body).toContain('value="£300"');
    expect(form.body).toMatch(/<option value="not_decided" selected>/);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const saved = await head.post(
      editUrl,
      {
        ...action,
        description: 'Old costed action',
        version,
        cost1: '200',
        costSource1: 'school_budget',
        cost2: '100',
        costSource2: 'laeg',
      },
      { tokenFrom: editUrl },
    );
    expect(saved.statusCode).toBe(303);
    expect((await linesOf(old.id)).map((l) => [l.amountPence, l.source])).toEqual([
      [20_000, 'school_budget'],
      [10_000, 'laeg'],
    ]);
    const [row] = await t.database.db.select().from(planActions).where(eq(planActions.id, old.id));
    expect(row!.costPence).toBe(30_000);
    const [entry] = await auditEntries(t.database.db, 'plan-action-update', old.id);
    expect(entry?.before).toMatchObject({ costs: [] });
    // Emptied: no lines and no total.
    const again = await head.get(editUrl);
    const next = /name="version" value="(\d+)"/.exec(again.body)![1]!;
    await head.post(editUrl, { ...action, description: 'Old costed action', version: next }, { tokenFrom: editUrl });
    expect(await linesOf(old.id)).toEqual([]);
    expect((await t.database.db.select().from(planActions).where(eq(planActions.id, old.id)))[0]!.costPence).toBeNull();
  });
});

describe('the plan’s costs', () => {
  it('are totalled on the plan page by priority, source and year for staff', async () => {
    const page = await (await as(people.practitioner)).get(planUrl());
    const text = visibleText(page.body);
    // Shared priority: £1,250.50 (PDG £1,000, Arts Council £250.50); private: £700 not decided.
    expect(text).toContain('Total cost: £1,950.50');
    expect(text).toMatch(/Reading for governors £1,250.50/);
    expect(text).toMatch(/Staff wellbeing £700/);
    expect(text).toMatch(/Pupil Development Grant \(PDG\) £1,000/);
    expect(text).toMatch(/Another grant: Arts Council of Wales £250.50/);
    expect(text).toMatch(/Not decided yet £700/);
    expect(text).toContain(`${year} to ${year + 1} £1,250.50`);
    expect(text).toContain(`${year + 1} to ${year + 2} £700`);
    expect(text).toContain('£1,000 from Pupil Development Grant (PDG)');
    expect(page.body).toContain(`href="${costsUrl()}"`);
  });

  it('show governors only the costs of priorities shared with them', async () => {
    const governor = await as(people.governor);
    for (const url of [planUrl(), costsUrl()]) {
      const page = await governor.get(url);
      expect(page.statusCode).toBe(200);
      const text = visibleText(page.body);
      expect(text).toContain('Total cost: £1,250.50');
      expect(text).not.toContain('Staff wellbeing');
      expect(text).not.toContain('£700');
    }
  });

  it('are listed line by line on the costs page, in Welsh too', async () => {
    const head = await as(people.headteacher);
    const page = await head.get(costsUrl());
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain('Every cost');
    expect(text).toContain('Totals');
    expect(page.body).not.toContain(`href="${costsUrl()}"`);
    expect(text).toMatch(/Wellbeing days Staff wellbeing \d{4} to \d{4} Not decided yet £700/);
    const cy = visibleText((await head.get(`${costsUrl()}?lang=cy`)).body);
    expect(cy).toContain('Cyfanswm y gost: £1,950.50');
    expect(cy).toContain('Grant Datblygu Disgyblion (GDD)');
    expect(cy).toContain(`${year} i ${year + 1}`);
  });

  it('are not found for another school’s people, and ask the signed-out to sign in', async () => {
    for (const user of [people.otherHeadteacher, people.otherGovernor, people.otherLaOfficer]) {
      const page = await (await as(user)).get(costsUrl());
      expect(page.statusCode).toBe(404);
      expect(page.body).not.toContain('£1,950.50');
    }
    const anonymous = await new Visitor(t.app).get(costsUrl());
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent(costsUrl())}`);
  });

  it('tell the LA only what was shared with it: here, nothing', async () => {
    const text = visibleText((await (await as(people.laOfficer)).get(costsUrl())).body);
    expect(text).toContain('No action in the plan has a cost yet.');
    expect(text).not.toContain('£');
  });
});
