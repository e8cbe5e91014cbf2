import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  developmentPlans,
  evidence,
  findings,
  inspectionRecommendations,
  inspections,
  planActions,
  planOutlineActions,
  planOutlinePriorities,
  priorities,
  shares,
  successCriteria,
  visions,
} from '../../db/schema/index.ts';
import { sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import {
  buildAction,
  buildCriteria,
  buildCycle,
  buildEvidence,
  buildPriority,
  share,
} from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { findEvidence } from '../evidence/evidence-repository.ts';
import { updateEvidence } from '../evidence/evidence-service.ts';
import type { SchoolCan } from '../../policy/school-policy.ts';

const noCan: SchoolCan = {
  staff: false,
  readPrivate: false,
  addEvidence: false,
  edit: false,
  curate: false,
  widenSharing: false,
  narrowSharing: false,
  localAuthority: false,
  viewArea: true,
  managePeople: false,
};

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let cycle: Awaited<ReturnType<typeof buildCycle>>;

const as = async (user: { id: string }, lang: 'en' | 'cy' = 'en') => {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
  if (lang === 'cy') await visitor.get('/?lang=cy');
  return visitor;
};
const page = (kind: string, id: string) => `/schools/${school.number}/other-language/${kind}/${id}`;
const saves = async (id: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'other-language-save')));

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database.db);
  people = await buildSchoolPeople(t.database.db, school);
  cycle = await buildCycle(t.database.db, school.number);
});
afterAll(() => t.close());

describe('a priority and its success criteria', () => {
  it('shows each original beside a box for the other language, each with its lang', async () => {
    const priority = await buildPriority(t.database.db, cycle, { description: 'Readers read more.' });
    await buildCriteria(t.database.db, priority.id, ['80% read at their age']);
    const response = await (await as(people.headteacher)).get(page('priority', priority.id));
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toMatch(/<div class="govuk-inset-text[^"]*" lang="en">Improve reading for eFSM learners<\/div>/);
    expect(html).toMatch(/<input[^>]*name="title"[^>]*lang="cy"/);
    expect(html).toMatch(/<textarea[^>]*name="description"[^>]*lang="cy"/);
    expect(pageText(html)).toContain('Welsh version of ‘Title’');
    expect(pageText(html)).toContain('80% read at their age');
    expect(html).toMatch(/name="title"[^>]*maxlength="200"|maxlength="200"[^>]*name="title"/);
  });

  it('saves the Welsh texts, keeps the original, audits it and says so on the priority', async () => {
    const priority = await buildPriority(t.database.db, cycle);
    await buildCriteria(t.database.db, priority.id, ['Reading ages rise', 'Learners choose books']);
    const [c1, c2] = await t.database.db
      .select()
      .from(successCriteria)
      .where(eq(successCriteria.priorityId, priority.id))
      .orderBy(successCriteria.position);
    const head = await as(people.headteacher);
    const response = await head.post(page('priority', priority.id), {
      version: '1',
      title: '  Gwella darllen dysgwyr eFSM ',
      learners: 'Dysgwyr eFSM Blynyddoedd 3 i 6',
      successMeasure: '',
      partId: [c1!.id, c2!.id],
      part: ['Oedrannau darllen yn codi', ''],
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/schools/${school.number}/priorities/${priority.id}?translated=cy`);
    const [saved] = await t.database.db.select().from(priorities).where(eq(priorities.id, priority.id));
    expect(saved!.title).toBe('Improve reading for eFSM learners');
    expect(saved!.otherLanguage).toEqual({
      title: 'Gwella darllen dysgwyr eFSM',
      learners: 'Dysgwyr eFSM Blynyddoedd 3 i 6',
    });
    expect(saved!.version).toBe(2);
    const criteria = await t.database.db
      .select()
      .from(successCriteria)
      .where(eq(successCriteria.priorityId, priority.id))
      .orderBy(successCriteria.position);
    expect(criteria.map((c) => c.otherLanguage)).toEqual([{ text: 'Oedrannau darllen yn codi' }, {}]);
    expect(await saves(priority.id)).toHaveLength(1);
    const shown = await head.get(String(response.headers.location));
    expect(pageText(shown.body)).toContain('The Welsh version was saved.');
    expect(pageText(shown.body)).toContain('Edit the Welsh version');
  });

  it('refuses a stale version with 409, keeping what was written and changing nothing', async () => {
    const priority = await buildPriority(t.database.db, cycle);
    await t.database.db.update(priorities).set({ version: 3 }).where(eq(priorities.id, priority.id));
    const response = await (
      await as(people.headteacher)
    ).post(page('priority', priority.id), {
      version: '1',
      title: 'Teitl newydd',
    });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('value="Teitl newydd"');
    expect(response.body).toContain('name="version" value="3"');
    const [row] = await t.database.db.select().from(priorities).where(eq(priorities.id, priority.id));
    expect(row!.otherLanguage).toEqual({});
    expect(await saves(priority.id)).toHaveLength(0);
  });

  it('gives a translated 400 for hostile input and changes nothing', async () => {
    const priority = await buildPriority(t.database.db, cycle);
    const head = await as(people.headteacher, 'cy');
    const hostile: Record<string, string | string[]>[] = [
      { version: '1', title: 'x'.repeat(201) },
      { version: 'abc', title: 'Teitl' },
      { version: '1', title: ['a', 'b'] },
      { version: '1', part: Array.from({ length: 13 }, () => 'a') },
    ];
    for (const body of hostile) {
      const response = await head.post(page('priority', priority.id), body);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-language'] ?? response.body).toMatch(/cy|lang="cy"/);
    }
    const [row] = await t.database.db.select().from(priorities).where(eq(priorities.id, priority.id));
    expect(row!.otherLanguage).toEqual({});
    expect(row!.version).toBe(1);
  });

  it('is closed to those who may not edit the priority, and to other schools', async () => {
    const priority = await buildPriority(t.database.db, cycle);
    await share(t.database.db, school.number, 'priority', priority.id, 'governors');
    const url = page('priority', priority.id);
    expect((await (await as(people.practitioner)).get(url)).statusCode).toBe(403);
    expect((await (await as(people.governor)).get(url)).statusCode).toBe(403);
    expect((await (await as(people.otherHeadteacher)).get(url)).statusCode).toBe(404);
    for (const user of [people.practitioner, people.governor, people.laOfficer, people.otherHeadteacher]) {
      const response = await (await as(user)).post(url, { version: '1', title: 'Ymyrraeth' });
      expect([403, 404]).toContain(response.statusCode);
    }
    const [row] = await t.database.db.select().from(priorities).where(eq(priorities.id, priority.id));
    expect(row!.otherLanguage).toEqual({});
    // ...and the item page offers the link only to those it opens for.
    const practitionerPage = await (
      await as(people.practitioner)
    ).get(`/schools/${school.number}/priorities/${priority.id}`);
    expect(practitionerPage.body).not.toContain('/other-language/');
  });

  it('answers 404 for a priority of another school named under this one', async () => {
    const other = await buildSchool(t.database.db);
    const otherCycle = await buildCycle(t.database.db, other.number);
    const theirs = await buildPriority(t.database.db, otherCycle);
    expect((await (await as(people.headteacher)).get(page('priority', theirs.id))).statusCode).toBe(404);
  });
});

describe('the other school kinds', () => {
  it('saves a finding and offers the link on its page', async () => {
    const [finding] = await t.database.db
      .insert(findings)
      .values({
        schoolNumber: school.number,
        cycleId: cycle.id,
        kind: 'strength',
        title: 'Darllen da',
        body: 'Mae’n dda',
        language: 'cy',
      })
      .returning();
    const head = await as(people.headteacher);
    const itemPage = await head.get(`/schools/${school.number}/findings/${finding!.id}`);
    expect(pageText(itemPage.body)).toContain('Add the English version');
    const form = await head.get(page('finding', finding!.id));
    expect(form.body).toMatch(/<input[^>]*name="title"[^>]*lang="en"/);
    const response = await head.post(page('finding', finding!.id), {
      version: '1',
      title: 'Good reading',
      body: 'It is good',
    });
    expect(response.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(findings).where(eq(findings.id, finding!.id));
    expect(row!.otherLanguage).toEqual({ title: 'Good reading', body: 'It is good' });
  });

  it('lets a practitioner translate their own unreviewed evidence, not someone else’s, and search finds both texts', async () => {
    const own = await buildEvidence(t.database.db, cycle, {
      createdBy: people.practitioner.id,
      title: 'Taith ddysgu',
      language: 'cy',
    });
    const others = await buildEvidence(t.database.db, cycle, { createdBy: people.leader.id });
    const practitioner = await as(people.practitioner);
    expect((await practitioner.get(page('evidence', others.id))).statusCode).toBe(403);
    const response = await practitioner.post(page('evidence', own.id), { version: '1', title: 'Learning walk' });
    expect(response.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(evidence).where(eq(evidence.id, own.id));
    expect(row!.otherLanguage).toEqual({ title: 'Learning walk' });
    expect(row!.searchText).toContain('taith');
    expect(row!.searchText).toContain('learning walk');
    const list = await practitioner.get(`/schools/${school.number}/evidence?q=learning+walk`);
    expect(list.body).toContain(own.id);
    // Editing the original later keeps the Welsh words findable.
    const { item } = (await findEvidence(t.database.db, school.number, own.id, { all: true }))!;
    const result = await updateEvidence(
      t.database.db,
      people.practitioner.id,
      { ...noCan, addEvidence: true, staff: true },
      item,
      item.version,
      { ...item, title: 'Taith ddysgu newydd' },
      { add: [], remove: [], confirmedFlags: [] },
      new Date(),
    );
    expect(result.ok).toBe(true);
    const [edited] = await t.database.db.select().from(evidence).where(eq(evidence.id, own.id));
    expect(edited!.searchText).toContain('newydd');
    expect(edited!.searchText).toContain('learning walk');
  });

  it('saves a plan action, an inspection recommendation, an outline priority with its actions and the vision', async () => {
    const db = t.database.db;
    const priority = await buildPriority(db, cycle);
    const action = await buildAction(db, priority.id);
    const [inspection] = await db
      .insert(inspections)
      .values({ schoolNumber: school.number, inspectedOn: '2025-03-01' })
      .returning();
    const [rec] = await db
      .insert(inspectionRecommendations)
      .values({ inspectionId: inspection!.id, number: 1, text: 'Improve writing' })
      .returning();
    const [plan] = await db
      .insert(developmentPlans)
      .values({ schoolNumber: school.number, firstYear: cycle.academicYear })
      .returning();
    const planId = plan!.id;
    const [outline] = await db
      .insert(planOutlinePriorities)
      .values({ planId, schoolNumber: school.number, academicYear: cycle.academicYear + 1, title: 'Numeracy' })
      .returning();
    const [oa] = await db
      .insert(planOutlineActions)
      .values({ outlinePriorityId: outline!.id, term: 'autumn', description: 'Audit maths' })
      .returning();
    const [vision] = await db
      .insert(visions)
      .values({
        ownerType: 'school',
        ownerId: school.number,
        number: 1,
        text: 'Every child a reader',
        agreedWith: 'Staff',
        agreedOn: '2025-09-01',
      })
      .returning();
    const head = await as(people.headteacher);
    expect(
      (await head.post(page('plan-action', action.id), { version: '1', description: 'Hyfforddi staff' })).statusCode,
    ).toBe(303);
    expect(
      (await head.post(page('inspection-recommendation', rec!.id), { version: '1', text: 'Gwella ysgrifennu' }))
        .statusCode,
    ).toBe(303);
    const outlineSave = await head.post(page('outline-priority', outline!.id), {
      version: '1',
      title: 'Rhifedd',
      partId: [oa!.id],
      part: ['Archwilio mathemateg'],
    });
    expect(outlineSave.statusCode).toBe(303);
    expect(
      (await head.post(page('vision', vision!.id), { version: '1', text: 'Pob plentyn yn darllenydd' })).statusCode,
    ).toBe(303);
    expect((await db.select().from(planActions).where(eq(planActions.id, action.id)))[0]!.otherLanguage).toEqual({
      description: 'Hyfforddi staff',
    });
    expect(
      (await db.select().from(inspectionRecommendations).where(eq(inspectionRecommendations.id, rec!.id)))[0]!
        .otherLanguage,
    ).toEqual({ text: 'Gwella ysgrifennu' });
    expect(
      (await db.select().from(planOutlineActions).where(eq(planOutlineActions.id, oa!.id)))[0]!.otherLanguage,
    ).toEqual({ description: 'Archwilio mathemateg' });
    expect((await db.select().from(visions).where(eq(visions.id, vision!.id)))[0]!.otherLanguage).toEqual({
      text: 'Pob plentyn yn darllenydd',
    });
    // A newer vision saved since: the old one is not translated as if it were current.
    await db.insert(visions).values({
      ownerType: 'school',
      ownerId: school.number,
      number: 2,
      text: 'Newer',
      agreedWith: 'Staff',
      agreedOn: '2025-10-01',
    });
    expect((await head.post(page('vision', vision!.id), { version: '1', text: 'Hen' })).statusCode).toBe(409);
    // A leader who may not edit another school's action reaches nothing.
    expect(
      (await (await as(people.practitioner)).post(page('plan-action', action.id), { version: '2', description: 'x' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('told, not blocked: the sharing panel', () => {
  it('tells the headteacher which fields lack Welsh, links to add them, and the share still goes ahead', async () => {
    const priority = await buildPriority(t.database.db, cycle, { description: 'More reading' });
    const head = await as(people.headteacher);
    const itemUrl = `/schools/${school.number}/priorities/${priority.id}`;
    const before = pageText((await head.get(itemUrl)).body);
    expect(before).toContain('No Welsh version yet');
    const panel = /cyd-lacking-other-language[\s\S]*?<\/ul>/.exec((await head.get(itemUrl)).body)![0];
    expect([...panel.matchAll(/<li>([^<]+)<\/li>/g)].map((m) => m[1])).toEqual([
      'Title',
      'Description',
      'Learners',
      'How we will know',
    ]);
    expect((await head.get(itemUrl)).body).toContain(`href="${page('priority', priority.id)}"`);
    const shared = await head.post(`/schools/${school.number}/sharing`, {
      itemType: 'priority',
      itemId: priority.id,
      action: 'add',
      audienceChoice: 'public|',
      returnTo: itemUrl,
    });
    expect(shared.statusCode).toBe(303);
    const rows = await t.database.db
      .select({ audience: shares.audience })
      .from(shares)
      .where(eq(shares.itemId, priority.id));
    expect(rows).toEqual([{ audience: 'public' }]);
  });

  it('says nothing once every field has its Welsh version, nor in Welsh to a Welsh item’s reader who has English', async () => {
    const priority = await buildPriority(t.database.db, cycle, {
      learners: '',
      successMeasure: '',
      otherLanguage: { title: 'Gwella darllen' },
    });
    const body = (await (await as(people.headteacher)).get(`/schools/${school.number}/priorities/${priority.id}`)).body;
    expect(body).not.toContain('cyd-lacking-other-language');
  });

  it('asks nothing of those who only share inside the school, nor on the pages inside the school', async () => {
    const priority = await buildPriority(t.database.db, cycle);
    const leaderPage = await (await as(people.leader)).get(`/schools/${school.number}/priorities/${priority.id}`);
    expect(leaderPage.statusCode).toBe(200);
    expect(leaderPage.body).not.toContain('cyd-lacking-other-language');
    const editForm = await (
      await as(people.headteacher)
    ).get(`/schools/${school.number}/priorities/${priority.id}/edit`);
    expect(editForm.body).not.toContain('No Welsh version');
    expect(editForm.body).not.toContain('/other-language/');
  });

  it('tells in Welsh, for an English item, in the Welsh interface', async () => {
    const priority = await buildPriority(t.database.db, cycle);
    const text = pageText(
      (await (await as(people.headteacher, 'cy')).get(`/schools/${school.number}/priorities/${priority.id}`)).body,
    );
    expect(text).toContain('Dim fersiwn Gymraeg eto');
    expect(text).toContain("Ychwanegu'r fersiwn Gymraeg");
  });
});

describe('told, not blocked: the documents', () => {
  it('lists the plan’s priorities that lack Welsh on the outputs page, for the headteacher only', async () => {
    const lacking = await buildPriority(t.database.db, cycle, {
      title: 'Attendance of every learner',
      state: 'agreed',
    });
    await buildPriority(t.database.db, cycle, {
      title: 'Writing with care',
      learners: '',
      successMeasure: '',
      state: 'agreed',
      otherLanguage: { title: 'Ysgrifennu’n ofalus' },
    });
    const head = await (await as(people.headteacher)).get(`/schools/${school.number}/outputs`);
    const text = pageText(head.body);
    expect(text).toContain('Items with no version in the other language');
    expect(text).toContain('Attendance of every learner');
    expect(head.body).toContain(`href="${page('priority', lacking.id)}"`);
    const listed = /cyd-lacking-other-language[\s\S]*?<\/ul>/.exec(head.body)![0];
    expect(listed).not.toContain('Writing with care');
    const leader = await (await as(people.leader)).get(`/schools/${school.number}/outputs`);
    expect(leader.body).not.toContain('cyd-lacking-other-language');
  });
});
