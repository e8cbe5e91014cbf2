import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie } from '../../../test/support/factories.ts';
import { Visitor, pageText } from '../../../test/support/http.ts';
import { buildCycle, buildEvidence, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { impactEvidence, impactGroupFigures, impactReviews } from '../../db/schema/index.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let reading: { id: string };
let attendance: { id: string };
let walk: { id: string };
let survey: { id: string };
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const overview = () => `/schools/${school.number}/impact`;
const editUrl = (id: string) => `/schools/${school.number}/impact/${id}/edit`;
const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

const validReview = (overrides: Record<string, string | string[]> = {}) => ({
  whatChanged: 'Reading ages of eFSM learners rose faster than their peers’.',
  'reviewedOn-day': '2',
  'reviewedOn-month': '11',
  'reviewedOn-year': '2026',
  figureGroup: ['efsm', ''],
  figureMeasure: ['Reading age gap (months)', ''],
  figureBaseline: ['14 months', ''],
  figureLatest: ['8 months', ''],
  figureCommentary: ['Gap narrowing', ''],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  const cycle = await buildCycle(db, school.number);
  reading = await buildPriority(db, cycle, {
    title: 'Reading for eFSM learners',
    learners: 'eFSM learners and boys in Years 3 to 6',
  });
  attendance = await buildPriority(db, cycle, {
    title: 'Attendance',
    state: 'in_progress',
    learners: 'Persistently absent learners',
  });
  await buildPriority(db, cycle, { title: 'Draft oracy', state: 'draft', learners: 'Girls' });
  walk = await buildEvidence(db, cycle, { title: 'Reading learning walk', learnerGroups: ['efsm'] });
  survey = await buildEvidence(db, cycle, {
    title: 'Learner survey on reading',
    source: 'survey',
    learnerGroups: ['aln'],
  });
  await share(db, school.number, 'priority', attendance.id, 'governors');
  await share(db, school.number, 'priority', reading.id, 'la');
  await share(db, school.number, 'evidence', walk.id, 'la');
});
afterAll(() => t.close());

describe('the impact overview', () => {
  it('lists priorities without a review, and the learner groups with no impact evidence yet', async () => {
    const page = await (await as(people.practitioner)).get(overview());
    expect(page.statusCode).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('Priorities without an impact review yet');
    expect(text).toContain('Reading for eFSM learners');
    expect(text).toContain('Attendance');
    expect(text).not.toContain('Draft oracy');
    const groups = text.slice(
      text.indexOf('No group of learners left behind'),
      text.indexOf('Priorities without an impact review yet'),
    );
    for (const label of [
      'Learners eligible for free school meals',
      'Boys',
      'Persistently absent learners',
      'Learners with additional learning needs',
    ]) {
      expect(groups.toLowerCase()).toContain(label.toLowerCase().slice(0, 12));
    }
    expect(groups).not.toContain('Girls');
  });

  it('is in Welsh when asked', async () => {
    const text = pageText((await (await as(people.headteacher)).get(`${overview()}?lang=cy`)).body);
    expect(text).toContain('Effaith ein blaenoriaethau');
    expect(text).toContain('Dim un grŵp o ddysgwyr yn cael ei adael ar ôl');
    expect(text).toContain('Bechgyn');
  });

  it('shows a governor and the LA only what was shared with them; others are not found', async () => {
    const governor = pageText((await (await as(people.governor)).get(overview())).body);
    expect(governor).toContain('Attendance');
    expect(governor).not.toContain('Reading for eFSM learners');
    const la = pageText((await (await as(people.laOfficer)).get(overview())).body);
    expect(la).toContain('Reading for eFSM learners');
    expect(la).not.toContain('>Attendance<');
    for (const user of [people.otherGovernor, people.otherLaOfficer, people.otherHeadteacher])
      expect((await (await as(user)).get(overview())).statusCode).toBe(404);
    expect((await new Visitor(t.app).get(overview())).statusCode).toBe(303);
  });
});

describe('writing an impact review', () => {
  it('saves what changed, the figures and the evidence, and audits it', async () => {
    const head = await as(people.headteacher);
    const form = await head.get(editUrl(reading.id));
    expect(form.statusCode).toBe(200);
    expect(pageText(form.body)).toContain('Reading learning walk');
    const response = await head.post(
      editUrl(reading.id),
      { ...validReview(), version: versionOn(form.body), evidence: [walk.id] },
      { tokenFrom: editUrl(reading.id) },
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/schools/${school.number}/impact/${reading.id}?saved=1`);
    const [review] = await t.database.db.select().from(impactReviews).where(eq(impactReviews.priorityId, reading.id));
    expect(review).toMatchObject({
      reviewedOn: '2026-11-02',
      whatChanged: 'Reading ages of eFSM learners rose faster than their peers’.',
    });
    const figures = await t.database.db
      .select()
      .from(impactGroupFigures)
      .where(eq(impactGroupFigures.reviewId, review!.id));
    expect(figures).toEqual([
      expect.objectContaining({
        learnerGroup: 'efsm',
        measure: 'Reading age gap (months)',
        baseline: '14 months',
        latest: '8 months',
      }),
    ]);
    expect(await t.database.db.select().from(impactEvidence).where(eq(impactEvidence.reviewId, review!.id))).toEqual([
      { reviewId: review!.id, evidenceId: walk.id },
    ]);
    expect(await auditEntries(t.database.db, 'impact-review-create', review!.id)).toHaveLength(1);
    const page = pageText((await head.get(`/schools/${school.number}/impact/${reading.id}?saved=1`)).body);
    expect(page).toContain('The impact review has been saved.');
    expect(page).toContain('Reading age gap (months)');
    expect(page).toContain('Reading learning walk');
  });

  it('then counts eFSM as covered, by figures, but not boys', async () => {
    const text = pageText((await (await as(people.headteacher)).get(overview())).body);
    const groups = text.slice(
      text.indexOf('No group of learners left behind'),
      text.indexOf('Priorities without an impact review yet'),
    );
    expect(groups).not.toContain('free school meals');
    expect(groups).toContain('Boys');
    expect(text).toContain('Priorities with an impact review');
  });

  it('refuses figures that name a learner or give a pupil number, and figures that are not figures', async () => {
    const head = await as(people.headteacher);
    const form = await head.get(editUrl(attendance.id));
    const response = await head.post(
      editUrl(attendance.id),
      {
        ...validReview({
          figureGroup: ['persistent_absence', 'boys', 'girls'],
          figureMeasure: ['Attendance %', 'Attendance %', 'Attendance %'],
          figureBaseline: ['88%', '90%', 'Good'],
          figureLatest: ['93%', '91%', '92%'],
          figureCommentary: ['Improved after Tomos Pritchard joined the club', 'A123456789012', ''],
        }),
        version: versionOn(form.body),
      },
      { tokenFrom: editUrl(attendance.id) },
    );
    expect(response.statusCode).toBe(400);
    const text = pageText(response.body);
    expect(text).toContain('This looks like it names a learner');
    expect(text).toContain('This looks like a pupil number');
    expect(text).toContain('Enter a figure, like 92.1% or 14 learners');
    expect(response.body).toContain('href="#figure-0-commentary"');
    expect(response.body).toContain('value="Improved after Tomos Pritchard joined the club"');
    expect(await t.database.db.select().from(impactReviews).where(eq(impactReviews.priorityId, attendance.id))).toEqual(
      [],
    );
  });

  it('needs what changed and a review date that has happened', async () => {
    const head = await as(people.headteacher);
    const form = await head.get(editUrl(attendance.id));
    const response = await head.post(
      editUrl(attendance.id),
      { ...validReview({ whatChanged: '', 'reviewedOn-year': '2099' }), version: versionOn(form.body) },
      { tokenFrom: editUrl(attendance.id) },
    );
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('Enter what changed');
    expect(pageText(response.body)).toContain('The review date must be today or in the past');
  });

  it('adds a row of figures without saving', async () => {
    const head = await as(people.headteacher);
    const form = await head.get(editUrl(attendance.id));
    const response = await head.post(
      editUrl(attendance.id),
      { ...validReview(), version: versionOn(form.body), addRow: '1' },
      { tokenFrom: editUrl(attendance.id) },
    );
    expect(response.statusCode).toBe(200);
    expect((response.body.match(/name="figureMeasure"/g) ?? []).length).toBe(3);
    expect(await t.database.db.select().from(impactReviews).where(eq(impactReviews.priorityId, attendance.id))).toEqual(
      [],
    );
  });

  it('never silently overwrites another person’s review (409)', async () => {
    const head = await as(people.headteacher);
    const leader = await as(people.leader);
    const headForm = await head.get(editUrl(reading.id));
    const leaderForm = await leader.get(editUrl(reading.id));
    expect(
      (
        await head.post(
          editUrl(reading.id),
          { ...validReview({ whatChanged: 'Head wrote this' }), version: versionOn(headForm.body) },
          { tokenFrom: editUrl(reading.id) },
        )
      ).statusCode,
    ).toBe(303);
    const conflict = await leader.post(
      editUrl(reading.id),
      { ...validReview({ whatChanged: 'Leader wrote this' }), version: versionOn(leaderForm.body) },
      { tokenFrom: editUrl(reading.id) },
    );
    expect(conflict.statusCode).toBe(409);
    expect(pageText(conflict.body)).toContain('Head wrote this');
    expect(pageText(conflict.body)).toContain('Leader wrote this');
    const [review] = await t.database.db.select().from(impactReviews).where(eq(impactReviews.priorityId, reading.id));
    expect(review!.whatChanged).toBe('Head wrote this');
  });

  it('is refused to a practitioner, a governor and the LA (403)', async () => {
    for (const user of [people.practitioner, people.governor, people.laOfficer]) {
      const visitor = await as(user);
      expect((await visitor.get(editUrl(reading.id))).statusCode).toBe(403);
      expect(
        (await visitor.post(editUrl(reading.id), validReview(), { tokenFrom: '/account/password' })).statusCode,
      ).toBe(403);
    }
  });
});

describe('reading an impact review', () => {
  it('shows the LA a shared priority’s review with only the evidence shared with the LA', async () => {
    const db = t.database.db;
    const [review] = await db.select().from(impactReviews).where(eq(impactReviews.priorityId, reading.id));
    await db
      .insert(impactEvidence)
      .values([walk, survey].map((e) => ({ reviewId: review!.id, evidenceId: e.id })))
      .onConflictDoNothing();
    const la = await (await as(people.laOfficer)).get(`/schools/${school.number}/impact/${reading.id}`);
    expect(la.statusCode).toBe(200);
    const text = pageText(la.body);
    expect(text).toContain('Reading age gap (months)');
    expect(text).toContain('Reading learning walk');
    expect(text).not.toContain('Learner survey on reading');
    expect(la.body).not.toContain('id="sharing"');
    const staff = pageText(
      (await (await as(people.practitioner)).get(`/schools/${school.number}/impact/${reading.id}`)).body,
    );
    expect(staff).toContain('Learner survey on reading');
  });

  it('is not found for a priority not shared with the reader', async () => {
    expect((await (await as(people.governor)).get(`/schools/${school.number}/impact/${reading.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await (await as(people.laOfficer)).get(`/schools/${school.number}/impact/${attendance.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await (await as(await buildUser(t.database.db))).get(`/schools/${school.number}/impact/${reading.id}`))
        .statusCode,
    ).toBe(404);
  });

  it('shows staff who can see the priority, with the sharing panel, in Welsh too', async () => {
    const page = await (await as(people.headteacher)).get(`/schools/${school.number}/impact/${reading.id}?lang=cy`);
    expect(page.body).toContain('id="sharing"');
    expect(pageText(page.body)).toContain('Ffigurau ar gyfer grwpiau o ddysgwyr');
  });
});
