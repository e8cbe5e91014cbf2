import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { sessionCookie } from '../../../test/support/factories.ts';
import { Visitor, pageText } from '../../../test/support/http.ts';
import { buildAction, buildCycle, buildEvidence, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { developmentPlans, planReviewPoints, progressReviewEvidence, progressReviews } from '../../db/schema/index.ts';
import { settableClock } from '../../lib/clock.ts';
import { yOf } from './progress-chart.ts';

// 10 January 2027: the autumn term's review point (Friday 18 December 2026) has passed.
const clock = settableClock('2027-01-10T10:00:00Z');
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let ids: {
  priority: string;
  unreviewed: string;
  action: string;
  sharedEvidence: string;
  privateEvidence: string;
  foreign: string;
};
const as = async (user: { id: string }) =>
  new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id, clock.now()));
const newReview = () => `/schools/${school.number}/plan/priorities/${ids.priority}/reviews/new`;
const priorityPage = () => `/schools/${school.number}/priorities/${ids.priority}`;
const review = (over: Record<string, string | string[]> = {}) => ({
  'reviewedOn-day': '5',
  'reviewedOn-month': '1',
  'reviewedOn-year': '2027',
  rating: 'some_concerns',
  comment: 'Reading ages rose for most, not for Year 4.',
  ...over,
});
/** The page's words with the markup taken out, one space between them. */
const plain = (html: string) =>
  pageText(html)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const reviewRows = () => t.database.db.select().from(progressReviews);

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  await db.insert(developmentPlans).values({ schoolNumber: school.number, firstYear: 2026 });
  const cycle = await buildCycle(db, school.number, 2026);
  const started = new Date('2026-09-20T09:00:00Z');
  const priority = await buildPriority(db, cycle, { title: 'Reading for eFSM learners', createdAt: started });
  const unreviewed = await buildPriority(db, cycle, {
    title: 'Oracy across the school',
    createdAt: new Date('2026-09-21T09:00:00Z'),
  });
  await share(db, school.number, 'priority', priority.id, 'governors');
  const action = await buildAction(db, priority.id, { description: 'Guided reading groups' });
  const sharedEvidence = await buildEvidence(db, cycle, { title: 'Reading ages, autumn' });
  const privateEvidence = await buildEvidence(db, cycle, { title: 'Staff notes on Year 4' });
  await share(db, school.number, 'evidence', sharedEvidence.id, 'governors');
  const other = await buildSchool(db);
  const foreign = await buildEvidence(db, await buildCycle(db, other.number, 2026), { title: 'Another school' });
  ids = {
    priority: priority.id,
    unreviewed: unreviewed.id,
    action: action.id,
    sharedEvidence: sharedEvidence.id,
    privateEvidence: privateEvidence.id,
    foreign: foreign.id,
  };
});
afterAll(() => t.close());

describe('recording progress reviews', () => {
  it('offers leaders a form dated today, and records a review with its evidence and an audit entry', async () => {
    const leader = await as(people.leader);
    const form = await leader.get(newReview());
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/name="reviewedOn-day"[^>]*value="10"/);
    expect(pageText(form.body)).toContain('Reading ages, autumn');
    expect(pageText(form.body)).not.toContain('Another school');
    const post = await leader.post(newReview(), review({ evidenceIds: [ids.sharedEvidence, ids.privateEvidence] }), {
      tokenFrom: newReview(),
    });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe(`${priorityPage()}?reviewed=1#progress`);
    const [row] = await reviewRows();
    expect(row).toMatchObject({
      rating: 'some_concerns',
      reviewedOn: '2027-01-05',
      actionId: null,
      createdBy: people.leader.id,
    });
    const links = await t.database.db
      .select()
      .from(progressReviewEvidence)
      .where(eq(progressReviewEvidence.reviewId, row!.id));
    expect(links.map((l) => l.evidenceId).sort()).toEqual([ids.sharedEvidence, ids.privateEvidence].sort());
    expect(await auditEntries(t.database.db, 'progress-review-create', row!.id)).toHaveLength(1);
  });

  it('keeps the history: a second review is added beside the first, and the chart and table show both', async () => {
    const head = await as(people.headteacher);
    const post = await head.post(
      newReview(),
      review({ 'reviewedOn-day': '8', rating: 'on_track', comment: 'Year 4 catching up now.' }),
      { tokenFrom: newReview() },
    );
    expect(post.statusCode).toBe(303);
    expect(await reviewRows()).toHaveLength(2);
    const page = await head.get(priorityPage());
    const text = pageText(page.body);
    expect(text).toContain('Reading ages rose for most, not for Year 4.');
    expect(text).toContain('Year 4 catching up now.');
    // Newest first in the history, in words as well as colour.
    expect(text.indexOf('Year 4 catching up now.')).toBeLessThan(text.indexOf('Reading ages rose for most'));
    expect(page.body).toContain('govuk-tag--orange cyd-tag--nowrap">Some concerns');
    expect(page.body).toContain('govuk-tag--green cyd-tag--nowrap">On track');
    // The chart: one marker per review at its rating's height, named and described.
    const svg = page.body.slice(page.body.indexOf('<svg'), page.body.indexOf('</svg>'));
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain(`cy="${yOf('some_concerns')}"`);
    expect(svg).toContain(`cy="${yOf('on_track')}"`);
    expect(pageText(svg)).toContain("Progress reviews of “Reading for eFSM learners” over the plan's three years");
    expect(pageText(svg)).toContain(
      'Number of reviews: 2, from 5 January 2027 to 8 January 2027; the latest says: On track.',
    );
    // The table beside it: the same reviews, oldest first.
    const table = pageText(page.body.slice(page.body.indexOf('id="progress-table"'), page.body.indexOf('</table>')));
    expect(table.indexOf('5 January 2027')).toBeLessThan(table.indexOf('8 January 2027'));
    expect(table).toMatch(/5 January 2027\s*<\/td>\s*<td[^>]*>\s*<strong[^>]*>Some concerns/);
  });

  it('records a review of an action under the priority it serves', async () => {
    const url = `/schools/${school.number}/plan/actions/${ids.action}/reviews/new`;
    const leader = await as(people.leader);
    const post = await leader.post(url, review({ rating: 'off_track', comment: 'Groups have not started.' }), {
      tokenFrom: url,
    });
    expect(post.statusCode).toBe(303);
    const rows = await reviewRows();
    expect(rows.find((r) => r.actionId === ids.action)).toMatchObject({
      priorityId: ids.priority,
      rating: 'off_track',
    });
    const text = pageText((await leader.get(priorityPage())).body);
    const actions = text.slice(text.indexOf('Reviews of its actions'));
    expect(actions).toContain('Guided reading groups');
    expect(actions).toContain('Groups have not started.');
  });

  it('lets practitioners and governors read the history but not record, and shows only evidence they may open', async () => {
    for (const user of [people.practitioner, people.governor]) {
      const visitor = await as(user);
      expect((await visitor.get(newReview())).statusCode).toBe(403);
      const post = await visitor.post(newReview(), review(), { tokenFrom: priorityPage() });
      expect(post.statusCode).toBe(403);
    }
    const practitionerPage = pageText((await (await as(people.practitioner)).get(priorityPage())).body);
    expect(practitionerPage).toContain('Year 4 catching up now.');
    expect(practitionerPage).toContain('Staff notes on Year 4');
    expect(practitionerPage).not.toContain('Record a review of this priority');
    const governorPage = await (await as(people.governor)).get(priorityPage());
    expect(governorPage.statusCode).toBe(200);
    expect(pageText(governorPage.body)).toContain('Year 4 catching up now.');
    expect(governorPage.body).toContain(`/evidence/${ids.sharedEvidence}`);
    expect(governorPage.body).not.toContain(`/evidence/${ids.privateEvidence}`);
    expect(pageText(governorPage.body)).not.toContain('Staff notes on Year 4');
    expect(await reviewRows()).toHaveLength(3);
  });

  it("refuses another school's evidence, a made-up rating and impossible dates with a 400, writing nothing", async () => {
    const leader = await as(people.leader);
    const cases: [Record<string, string | string[]>, string][] = [
      [{ evidenceIds: [ids.foreign] }, "Choose evidence from your school's own list"],
      [{ rating: 'excellent' }, 'Choose how it is going'],
      [{ 'reviewedOn-day': '11' }, 'The date reviewed must be today or in the past'],
      [{ 'reviewedOn-day': '30', 'reviewedOn-month': '2' }, 'Enter a real date reviewed'],
      [{ 'reviewedOn-year': '2025' }, "The date reviewed must be within the plan's three years"],
      [{ comment: '' }, 'Enter a comment'],
    ];
    for (const [over, message] of cases) {
      const post = await leader.post(newReview(), review(over), { tokenFrom: newReview() });
      expect(post.statusCode, message).toBe(400);
      expect(pageText(post.body)).toContain(message);
      expect(post.body).toContain('govuk-error-summary');
    }
    const malformed = await leader.post(newReview(), review({ evidenceIds: 'not-an-id' }), { tokenFrom: newReview() });
    expect(malformed.statusCode).toBe(400);
    const another = await leader.post(
      `/schools/${school.number}/plan/priorities/${ids.foreign}/reviews/new`,
      review(),
      { tokenFrom: newReview() },
    );
    expect(another.statusCode).toBe(404);
    expect(await reviewRows()).toHaveLength(3);
  });
});

describe('review points and the plan page', () => {
  const pointsUrl = () => `/schools/${school.number}/plan/review-points`;

  it("shows each priority's latest rating on the plan, and which have a review overdue", async () => {
    const page = await (await as(people.leader)).get(`/schools/${school.number}/plan`);
    // The priorities in the plan, below the three-year overview (which names them too).
    const all = plain(page.body);
    const text = all.slice(all.indexOf('Priorities in the plan'));
    const reviewed = text.slice(text.indexOf('Reading for eFSM learners'), text.indexOf('Oracy across the school'));
    expect(reviewed).toMatch(/Latest review:\s*On track\s*8 January 2027/);
    expect(reviewed).not.toContain('Review overdue');
    const unreviewed = text.slice(text.indexOf('Oracy across the school'));
    expect(unreviewed).toMatch(/Latest review:\s*Not reviewed yet\s*Review overdue\s*due 18 December 2026/);
    expect(all).toContain('Next progress review due 31 March 2027 (Spring term).');
  });

  it('lets leaders set the dates per school year and term, validated and audited', async () => {
    const leader = await as(people.leader);
    const form = await leader.get(pointsUrl());
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/name="y1-autumn-day"[^>]*value="18"/);
    const dates: Record<string, string> = {};
    const set = (key: string, date: string) => {
      const [year, month, day] = date.split('-');
      Object.assign(dates, { [`${key}-day`]: day!, [`${key}-month`]: month!, [`${key}-year`]: year! });
    };
    [2026, 2027, 2028].forEach((y, i) => {
      set(`y${i + 1}-autumn`, `${y}-12-11`);
      set(`y${i + 1}-spring`, `${y + 1}-03-19`);
      set(`y${i + 1}-summer`, `${y + 1}-07-16`);
    });
    const wrong = await leader.post(pointsUrl(), { ...dates, 'y2-spring-year': '2030' }, { tokenFrom: pointsUrl() });
    expect(wrong.statusCode).toBe(400);
    expect(pageText(wrong.body)).toContain('The review date must fall in its school year');
    const saved = await leader.post(pointsUrl(), dates, { tokenFrom: pointsUrl() });
    expect(saved.statusCode).toBe(303);
    expect(await t.database.db.select().from(planReviewPoints)).toHaveLength(9);
    expect(await auditEntries(t.database.db, 'plan-review-points-update')).toHaveLength(1);
    const plan = plain((await leader.get(`/schools/${school.number}/plan`)).body);
    expect(plan).toContain('Next progress review due 19 March 2027 (Spring term).');
    expect(plan).toMatch(/Review overdue\s*due 11 December 2026/);
    const practitioner = await as(people.practitioner);
    expect((await practitioner.get(pointsUrl())).statusCode).toBe(403);
    expect(
      (await practitioner.post(pointsUrl(), dates, { tokenFrom: `/schools/${school.number}/plan` })).statusCode,
    ).toBe(403);
  });
});

describe('taking back a mistaken review', () => {
  const removeUrl = (id: string) => `/schools/${school.number}/plan/reviews/${id}/remove`;

  it("lets only the author remove their own latest review, audited, and never an earlier one or someone else's", async () => {
    const rows = await reviewRows();
    const headLatest = rows.find((r) => r.createdBy === people.headteacher.id && !r.actionId)!;
    const leaderEarlier = rows.find((r) => r.createdBy === people.leader.id && !r.actionId)!;
    const leader = await as(people.leader);
    for (const id of [headLatest.id, leaderEarlier.id]) {
      expect((await leader.get(removeUrl(id))).statusCode).toBe(403);
      expect((await leader.post(removeUrl(id), {}, { tokenFrom: priorityPage() })).statusCode).toBe(403);
    }
    expect((await (await as(people.practitioner)).get(removeUrl(headLatest.id))).statusCode).toBe(403);
    const leaderPage = await leader.get(priorityPage());
    expect(leaderPage.body).not.toContain(removeUrl(headLatest.id));
    // The leader's action review is the latest of its action: theirs to take back.
    const actionReview = rows.find((r) => r.actionId === ids.action)!;
    expect(leaderPage.body).toContain(removeUrl(actionReview.id));

    const head = await as(people.headteacher);
    expect((await head.get(priorityPage())).body).toContain(removeUrl(headLatest.id));
    const confirm = await head.get(removeUrl(headLatest.id));
    expect(confirm.statusCode).toBe(200);
    expect(pageText(confirm.body)).toContain('Year 4 catching up now.');
    const removed = await head.post(removeUrl(headLatest.id), {}, { tokenFrom: removeUrl(headLatest.id) });
    expect(removed.statusCode).toBe(303);
    expect((await reviewRows()).map((r) => r.id)).not.toContain(headLatest.id);
    const [entry] = await auditEntries(t.database.db, 'progress-review-delete', headLatest.id);
    expect(entry?.before).toMatchObject({ rating: 'on_track', comment: 'Year 4 catching up now.' });
    // The earlier review is now the latest, but it is the leader's: the headteacher cannot remove it.
    expect((await head.get(removeUrl(leaderEarlier.id))).statusCode).toBe(403);
  });
});
