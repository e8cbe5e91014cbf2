import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Db } from '../src/db/client.ts';
import {
  developmentPlans,
  inspectionRecommendations,
  inspections,
  planActionCosts,
  recommendationPriorities,
} from '../src/db/schema/index.ts';
import { formatDate } from '../src/lib/dates.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';
import { buildAction, buildCycle, buildPriority, share } from '../test/support/plan-factories.ts';
import { journeyTest, type Journey } from './support/journey.ts';
import { createPerson, type Person } from './support/people.ts';
import { createSchool, type TestSchool } from './support/schools.ts';
import { signInAt } from './support/sign-in.ts';
import { LANGUAGES, type Language, type Visitor } from './support/visitor.ts';
import { BasePage, startingWith } from './pages/base-page.ts';

/**
 * Issue 15: a plan governors can follow. A headteacher reviews a priority's progress, a governor
 * questions it, the head answers and the governor reads the answer; then the plan's new pages on a
 * phone. (The chair recording the governing body's approval is in school-cycle.test.ts.) Every page
 * reached is checked with axe (Visitor). With SHOTS_DIR set, each page is also photographed there.
 */
const PHONE = 390;
const DESKTOP = 1200;
const SHOTS_DIR = process.env.SHOTS_DIR;

/** What each language's school writes. */
const STORY = {
  en: {
    school: 'Ysgol Gynradd Glan Hafren (governance)',
    priority: 'Raise standards of extended writing in Years 4 to 6',
    action: 'Coach Year 5 staff in modelled writing',
    grant: 'Arts Council of Wales: Creative Learning',
    recommendation: 'Improve the accuracy of pupils’ extended writing across the curriculum',
    review: 'Writing samples show longer, better organised pieces; spelling still weak in Year 4.',
    question: 'How will the governing body know by the summer that writing has improved for eFSM pupils?',
    answer: 'We will bring termly writing samples and the moderation results to the curriculum committee.',
  },
  cy: {
    school: 'Ysgol Gynradd Glan Hafren (llywodraethu)',
    priority: 'Codi safonau ysgrifennu estynedig ym Mlynyddoedd 4 i 6',
    action: 'Hyfforddi staff Blwyddyn 5 mewn ysgrifennu wedi’i fodelu',
    grant: 'Cyngor Celfyddydau Cymru: Dysgu Creadigol',
    recommendation: 'Gwella cywirdeb ysgrifennu estynedig disgyblion ar draws y cwricwlwm',
    review:
      'Mae samplau ysgrifennu’n dangos darnau hirach, wedi’u trefnu’n well; mae sillafu’n wan o hyd ym Mlwyddyn 4.',
    question: 'Sut bydd y corff llywodraethu’n gwybod erbyn yr haf fod ysgrifennu wedi gwella i ddisgyblion eFSM?',
    answer: 'Byddwn yn dod â samplau ysgrifennu bob tymor a chanlyniadau’r cymedroli i’r pwyllgor cwricwlwm.',
  },
} satisfies Record<Language, Record<string, string>>;

type World = {
  school: TestSchool;
  area: string;
  year: number;
  priorityId: string;
  headteacher: Person;
  governor: Person;
  chair: Person;
};

/** A school with this year's plan: a priority shared with governors, a costed action, the last inspection. */
async function buildWorld(db: Db, lang: Language): Promise<World> {
  const story = STORY[lang];
  const school = await createSchool(db, story.school);
  const year = academicYearOf(new Date());
  const headteacher = await createPerson(db, {
    role: 'headteacher',
    scopeId: school.number,
    email: `gov-head-${lang}@example.test`,
  });
  const governor = await createPerson(db, {
    role: 'governor',
    scopeId: school.governingBodyId,
    email: `gov-governor-${lang}@example.test`,
  });
  const chair = await createPerson(db, {
    role: 'chair_of_governors',
    scopeId: school.governingBodyId,
    email: `gov-chair-${lang}@example.test`,
  });
  await db.insert(developmentPlans).values({ schoolNumber: school.number, firstYear: year, language: lang });
  const cycle = await buildCycle(db, school.number, year);
  const priority = await buildPriority(db, cycle, { title: story.priority, state: 'in_progress', language: lang });
  await share(db, school.number, 'priority', priority.id, 'governors');
  const action = await buildAction(db, priority.id, {
    description: story.action,
    language: lang,
    status: 'in_progress',
    startOn: `${year}-09-15`,
    dueOn: `${year + 1}-07-15`,
    costPence: 325_050,
  });
  await db.insert(planActionCosts).values([
    { actionId: action.id, line: 1, amountPence: 200_000, source: 'pdg' },
    { actionId: action.id, line: 2, amountPence: 125_050, source: 'other_grant', grantName: story.grant },
  ]);
  const [inspection] = await db
    .insert(inspections)
    .values({
      schoolNumber: school.number,
      inspectedOn: `${year - 1}-11-20`,
      reportUrl: 'https://www.estyn.gov.wales/provider/example-report',
      createdBy: headteacher.id,
    })
    .returning();
  const [recommendation] = await db
    .insert(inspectionRecommendations)
    .values({ inspectionId: inspection!.id, number: 1, text: story.recommendation, language: lang })
    .returning();
  await db.insert(recommendationPriorities).values({ recommendationId: recommendation!.id, priorityId: priority.id });
  return {
    school,
    area: `/schools/${school.number}`,
    year,
    priorityId: priority.id,
    headteacher,
    governor,
    chair,
  };
}

/** Any page of the school area, for what every page has. */
class AnyPage extends BasePage {}

async function shoot(visitor: Visitor, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const width = visitor.page.viewportSize()?.width ?? DESKTOP;
  const file = (suffix: string) => path.join(SHOTS_DIR, `${visitor.lang}-${width}-${name}${suffix}.png`);
  await visitor.page.screenshot({ path: file(''), fullPage: true });
  // A long page also in parts a person can read at full size.
  const height = (await visitor.page.evaluate('document.documentElement.scrollHeight')) as number;
  const part = width < DESKTOP ? 1000 : 1400;
  for (let y = 0, n = 1; height > part * 1.2 && y < height; y += part, n++)
    await visitor.page.screenshot({
      path: file(`-part${n}`),
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(part, height - y) },
    });
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The priority's page: its heading is the priority's title. */
async function expectPriorityPage(visitor: Visitor, title: string): Promise<void> {
  expect((await visitor.page.locator('h1').innerText()).trim()).toBe(title);
}

/** The headteacher records a termly review of the priority and sees it in the history and the chart's table. */
async function headteacherReviewsProgress(journey: Journey, lang: Language, world: World): Promise<Visitor> {
  const story = STORY[lang];
  const priorityUrl = `${world.area}/priorities/${world.priorityId}`;
  const head = await signInAt(journey, lang, world.headteacher, priorityUrl);
  await expectPriorityPage(head, story.priority);
  expect(words(await head.page.locator('main').innerText())).toContain(head.t('progressReviews.noReviews'));
  await head.navigate(() =>
    head.page.getByRole('link', { name: head.t('progressReviews.recordPriority'), exact: true }).click(),
  );
  expect(head.path()).toBe(`${world.area}/plan/priorities/${world.priorityId}/reviews/new`);
  expect((await head.page.locator('h1').innerText()).trim()).toBe(head.t('progressReviews.form.priorityHeading'));
  await shoot(head, 'review-form');
  const form = new AnyPage(head);
  // Saved without a rating, the form comes back with the error and keeps the comment.
  await form.field('progressReviews.fields.comment').fill(story.review);
  const refused = await form.submit('progressReviews.form.save');
  expect(refused.status()).toBe(400);
  expect((await form.errorSummary()).map((error) => error.href)).toEqual(['#rating']);
  expect(await form.field('progressReviews.fields.comment').inputValue()).toBe(story.review);
  await shoot(head, 'review-form-error');
  await head.page
    .getByRole('group', { name: head.t('progressReviews.fields.rating'), exact: true })
    .getByLabel(head.t('reference.progressRating.on_track'), { exact: true })
    .check();
  await form.submit('progressReviews.form.save');
  expect(head.path()).toBe(priorityUrl);
  expect(words(await form.successBanner().innerText())).toContain(head.t('progressReviews.recorded'));
  // The chart is a picture with its figures beside it in a table.
  expect(await head.page.locator('.cyd-picture-scroll svg').count()).toBe(1);
  const table = head.page.locator('#progress-table');
  expect(words(await table.locator('caption').innerText())).toBe(
    head.t('progressReviews.table.caption', { first: world.year, last: world.year + 3 }),
  );
  expect((await table.locator('tbody tr').allInnerTexts()).map(words)).toEqual([
    `${formatDate(new Date(), lang)} ${head.t('reference.progressRating.on_track')}`,
  ]);
  const history = head.page.locator('#progress ~ ul.cyd-item-list').first();
  const entry = words(await history.innerText());
  expect(entry).toContain(story.review);
  expect(entry).toContain(head.t('reference.progressRating.on_track'));
  expect(entry).toContain(head.t('progressReviews.recordedBy', { name: world.headteacher.displayName }));
  await shoot(head, 'priority-reviewed');
  return head;
}

/** A governor opens the priority the school shared with governors and asks about it. */
async function governorAsks(journey: Journey, lang: Language, world: World): Promise<Visitor> {
  const story = STORY[lang];
  const priorityUrl = `${world.area}/priorities/${world.priorityId}`;
  const gov = await signInAt(journey, lang, world.governor, priorityUrl);
  await expectPriorityPage(gov, story.priority);
  // Governors read the progress too, but may not record it.
  expect(words(await gov.page.locator('#progress-table').innerText())).toContain(
    gov.t('reference.progressRating.on_track'),
  );
  expect(await gov.page.getByRole('link', { name: gov.t('progressReviews.recordPriority') }).count()).toBe(0);
  const questions = gov.page.locator('#questions');
  expect(words(await questions.innerText())).toContain(gov.t('questions.none'));
  await questions.getByLabel(gov.t('questions.ask.bodyLabel'), { exact: true }).fill(story.question);
  await gov.navigate(() => questions.getByRole('button', { name: gov.t('questions.ask.submit'), exact: true }).click());
  expect(gov.path()).toBe(priorityUrl);
  const asked = words(await questions.innerText());
  expect(asked).toContain(story.question);
  expect(asked).toContain(gov.t('questions.statuses.open'));
  await shoot(gov, 'priority-question-asked');
  return gov;
}

/** The headteacher finds the question in the school's list, opens it on the priority and answers. */
async function headteacherAnswers(head: Visitor, lang: Language, world: World): Promise<void> {
  const story = STORY[lang];
  await head.visit(`${world.area}/questions`);
  expect((await head.page.locator('h1').innerText()).trim()).toBe(head.t('questions.list.title'));
  const list = head.page.getByTestId('question-list');
  expect(words(await list.innerText())).toContain(story.question);
  await shoot(head, 'questions-list');
  await head.navigate(() => list.getByRole('link', { name: startingWith(story.priority) }).click());
  expect(head.path()).toBe(`${world.area}/priorities/${world.priorityId}`);
  const questions = head.page.locator('#questions');
  await questions.getByRole('textbox', { name: startingWith(head.t('questions.answer.label')) }).fill(story.answer);
  await head.navigate(() =>
    questions.getByRole('button', { name: head.t('questions.answer.submit'), exact: true }).click(),
  );
  const answered = words(await questions.innerText());
  expect(answered).toContain(story.answer);
  expect(answered).toContain(head.t('questions.statuses.answered'));
  await shoot(head, 'priority-question-answered');
}

/** The governor comes back to the priority and reads the school's answer. */
async function governorReadsTheAnswer(gov: Visitor, lang: Language, world: World): Promise<void> {
  const story = STORY[lang];
  await gov.visit(`${world.area}/priorities/${world.priorityId}`);
  const thread = words(await gov.page.locator('#questions').innerText());
  expect(thread).toContain(story.question);
  expect(thread).toContain(story.answer);
  expect(thread).toContain(gov.t('questions.statuses.answered'));
  await gov.visit(`${world.area}/questions?status=answered`);
  expect(words(await gov.page.getByTestId('question-list').innerText())).toContain(story.question);
  await shoot(gov, 'questions-list-governor');
}

/** On a phone: the plan's costs, the inspection, the questions and the plan filtered, none wider than the screen. */
async function headteacherOnAPhone(journey: Journey, lang: Language, world: World): Promise<void> {
  const story = STORY[lang];
  const phone = await signInAt(journey, lang, world.headteacher, `${world.area}/plan/costs`, { width: PHONE });
  const page = new AnyPage(phone);
  const fits = async (name: string) => {
    expect(
      (await phone.page.evaluate('document.documentElement.scrollWidth')) as number,
      `width of ${phone.page.url()}`,
    ).toBeLessThanOrEqual(PHONE);
    await shoot(phone, name);
    if (SHOTS_DIR) {
      await phone.page.setViewportSize({ width: DESKTOP, height: 900 });
      await shoot(phone, name);
      await phone.page.setViewportSize({ width: PHONE, height: 900 });
    }
  };
  expect(await page.heading()).toBe(phone.t('pages.planCosts.heading', { first: world.year, last: world.year + 3 }));
  const costs = words(await phone.page.locator('main').innerText());
  expect(costs).toContain(phone.t('reference.fundingSource.pdg'));
  expect(costs).toContain(story.grant);
  await fits('costs');

  await phone.visit(`${world.area}/inspection`);
  expect(await page.heading()).toBe(phone.t('inspection.heading'));
  expect(words(await phone.page.locator('main').innerText())).toContain(story.recommendation);
  await fits('inspection');

  await phone.visit(`${world.area}/questions?status=answered`);
  expect(words(await phone.page.getByTestId('question-list').innerText())).toContain(story.question);
  await fits('questions');

  await phone.visit(`${world.area}/plan`);
  expect(await page.heading()).toBe(phone.t('pages.plan.heading', { first: world.year, last: world.year + 3 }));
  await fits('plan');
  const filters = phone.page.locator('#plan-filters');
  await filters
    .getByLabel(phone.t('pages.planYears.status'), { exact: true })
    .selectOption(phone.t('reference.actionStatus.in_progress'));
  await filters.getByLabel(phone.t('pages.planYears.year'), { exact: true }).selectOption('1');
  await phone.navigate(() =>
    filters.getByRole('button', { name: phone.t('pages.planYears.apply'), exact: true }).click(),
  );
  const query = new URL(phone.page.url()).searchParams;
  expect([query.get('status'), query.get('year')]).toEqual(['in_progress', '1']);
  expect(words(await filters.locator('[role="status"]').innerText())).toBe(
    `${phone.t('pages.planYears.showing', { priorities: 1, actions: 1 })} ${phone.t('pages.planYears.outlineFiltered')}`,
  );
  expect(words(await phone.page.locator('main').innerText())).toContain(story.action);
  await fits('plan-filtered');

  // The plan's other new pages: when reviews fall due, and the school's vision with its form.
  await phone.visit(`${world.area}/plan/review-points`);
  expect(await page.heading()).toBe(phone.t('progressReviews.points.heading'));
  await fits('review-points');
  for (const [address, name] of [
    ['vision', 'vision'],
    ['vision/edit', 'vision-edit'],
  ]) {
    const response = await phone.visit(`${world.area}/${address}`);
    expect(response.status(), address).toBe(200);
    await fits(name!);
  }
}

/** The chair, on a phone, opens the page that delegates approval to a governor. */
async function chairOnAPhone(journey: Journey, lang: Language, world: World): Promise<void> {
  const phone = await signInAt(journey, lang, world.chair, `${world.area}/plan/approvers`, { width: PHONE });
  expect(await new AnyPage(phone).heading()).toBe(phone.t('pages.planApprovers.heading'));
  expect(
    (await phone.page.evaluate('document.documentElement.scrollWidth')) as number,
    `width of ${phone.page.url()}`,
  ).toBeLessThanOrEqual(PHONE);
  await shoot(phone, 'approvers');
  if (SHOTS_DIR) {
    await phone.page.setViewportSize({ width: DESKTOP, height: 900 });
    await shoot(phone, 'approvers');
  }
}

journeyTest.concurrent.for(LANGUAGES)(
  'governance of the plan (%s): a progress review, a governor’s question answered, and the plan’s pages on a phone',
  { timeout: 240_000 },
  async (lang, { journey }) => {
    const world = await buildWorld(journey.server.db, lang);
    const head = await headteacherReviewsProgress(journey, lang, world);
    const gov = await governorAsks(journey, lang, world);
    await headteacherAnswers(head, lang, world);
    await governorReadsTheAnswer(gov, lang, world);
    await headteacherOnAPhone(journey, lang, world);
    await chairOnAPhone(journey, lang, world);
  },
);
