import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { journeyTest, RESULTS_DIR, type Journey } from './support/journey.ts';
import { LANGUAGES, type Language, type Visitor } from './support/visitor.ts';
import { createPerson, type Person } from './support/people.ts';
import { createSchool, type TestSchool } from './support/schools.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { QUESTION_LIBRARY } from '../src/features/surveys/own/question-library.ts';
import { createInvitations, submitOwnResponse } from '../src/features/surveys/own/own-service.ts';
import { findSurveyByToken } from '../src/features/surveys/survey-repository.ts';

/**
 * A school's own survey (issue 18, part 2), with the leader in each language: the headteacher builds
 * a survey of parents and carers from the library, moves a question, opens it and finds its link
 * and QR code; a parent answers on a 390 px phone, in Welsh, with no account and no JavaScript needed.
 */
const PHONE = { width: 390, height: 844 };
const SCHOOLS: Record<Language, string> = { en: 'Ysgol Gynradd Families Primary', cy: 'Ysgol Gynradd y Teuluoedd' };
const [agreement, , , , , , , , , choice, , words] = QUESTION_LIBRARY.families;

async function shoot(visitor: Visitor, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  const dir = path.join(RESULTS_DIR, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const width = visitor.page.viewportSize()?.width ?? 0;
  await visitor.page.screenshot({ path: path.join(dir, `own-${visitor.lang}-${width}-${name}.png`), fullPage: true });
}

async function signIn(journey: Journey, lang: Language, person: Person): Promise<Visitor> {
  const visitor = await journey.arrive(lang);
  await visitor.visit('/sign-in');
  await new SignInPage(visitor).signIn(person.email, person.password);
  return visitor;
}

const noSidewaysScroll = async (visitor: Visitor) => {
  const widths = (await visitor.page.evaluate(
    '({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth })',
  )) as { page: number; window: number };
  expect(widths.page).toBeLessThanOrEqual(widths.window);
};

async function headBuildsAndOpens(head: Visitor, school: TestSchool): Promise<string> {
  const lang = head.lang;
  await head.visit(`/schools/${school.number}/surveys`);
  await head.navigate(() => head.page.getByRole('button', { name: head.t('surveys.own.section.build') }).click());
  await head.page.getByRole('radio', { name: head.t('surveys.audience.families'), exact: true }).check();
  await head.page.getByLabel(head.t('surveys.own.fields.titleEn')).fill('How are we doing?');
  await head.page.getByLabel(head.t('surveys.own.fields.titleCy')).fill("Sut ydyn ni'n gwneud?");
  await head.navigate(() => head.page.getByRole('button', { name: head.t('surveys.own.new.submit') }).click());
  expect((await head.page.locator('h1').innerText()).trim()).toBe(
    lang === 'cy' ? "Sut ydyn ni'n gwneud?" : 'How are we doing?',
  );
  for (const q of [agreement!, choice!, words!]) await head.page.getByLabel(q.text[lang], { exact: true }).check();
  await head.navigate(() => head.page.getByRole('button', { name: head.t('surveys.own.build.addChosen') }).click());
  expect(await head.page.locator('.govuk-notification-banner').innerText()).toContain(head.t('surveys.own.done.added'));
  // The free-text question goes up one place, by a button (no JavaScript).
  const third = head.t('surveys.own.build.questionNumber', { number: 3 });
  await head.navigate(() =>
    head.page.getByRole('button', { name: `${head.t('surveys.own.build.up')} ${third}`, exact: true }).click(),
  );
  const items = head.page.locator('main ol > li');
  expect(await items.nth(1).innerText()).toContain(words!.text[lang]);
  await shoot(head, 'build');
  await head.navigate(() => head.page.getByRole('button', { name: head.t('surveys.own.build.open') }).click());
  expect(await head.page.locator('.govuk-notification-banner').innerText()).toContain(
    head.t('surveys.own.done.opened'),
  );
  expect(await head.page.getByTestId('survey-qr').locator('svg[role="img"]').count()).toBe(1);
  await shoot(head, 'share');
  return (await head.page.getByTestId('survey-link').innerText()).trim();
}

async function parentAnswersInWelshOnAPhone(journey: Journey, link: string): Promise<void> {
  const parent = await journey.arrive('cy', { width: PHONE.width });
  await parent.page.setViewportSize(PHONE);
  const response = await parent.visit(new URL(link).pathname);
  expect(response.status()).toBe(200);
  expect((await parent.page.locator('h1').innerText()).trim()).toBe("Sut ydyn ni'n gwneud?");
  await noSidewaysScroll(parent);
  await shoot(parent, 'answer');
  const fieldsets = parent.page.locator('main fieldset');
  expect(await fieldsets.count()).toBe(2);
  await fieldsets
    .nth(0)
    .getByRole('radio', { name: parent.t('surveys.scale.4'), exact: true })
    .check();
  await fieldsets.nth(1).getByRole('radio', { name: choice!.options![2]!.cy, exact: true }).check();
  await parent.page.getByLabel(words!.text.cy).fill("Mwy o gyfle i siarad â'r athrawon");
  await parent.navigate(() => parent.page.getByRole('button', { name: parent.t('surveys.answer.submit') }).click());
  expect((await parent.page.locator('h1').innerText()).trim()).toBe(parent.t('surveys.thanks.title'));
  await shoot(parent, 'thanks');
  await parent.visit(new URL(link).pathname);
  expect((await parent.page.locator('h1').innerText()).trim()).toBe(parent.t('surveys.already.title'));
}

journeyTest.concurrent.for(LANGUAGES)(
  "own survey (%s): the headteacher builds a parents' survey from the library and opens it; a parent answers in Welsh on a phone",
  { timeout: 120_000 },
  async (lang, { journey }) => {
    const db = journey.server.db;
    const school = await createSchool(db, SCHOOLS[lang]);
    const headteacher = await createPerson(db, {
      role: 'headteacher',
      scopeId: school.number,
      email: `own-head-${lang}@example.test`,
    });
    const head = await signIn(journey, lang, headteacher);
    const link = await headBuildsAndOpens(head, school);
    await parentAnswersInWelshOnAPhone(journey, link);
    // The printable poster, then two invitation slips; a second parent answers from a slip's link.
    const share = head.page.url();
    await head.visit(`${new URL(share).pathname.replace(/share$/, 'poster')}`);
    expect(await head.page.locator('svg[role="img"]').count()).toBe(1);
    await head.visit(new URL(share).pathname);
    await head.page.getByLabel(head.t('surveys.own.share.count')).fill('2');
    await head.navigate(() =>
      head.page.getByRole('button', { name: head.t('surveys.own.share.makeInvitations') }).click(),
    );
    const codes = await head.page.getByTestId('invitation-code').allInnerTexts();
    expect(codes).toHaveLength(2);
    await shoot(head, 'slips');
    const second = await journey.arrive('cy', { width: PHONE.width });
    await second.page.setViewportSize(PHONE);
    await second.visit(new URL(link).pathname);
    expect((await second.page.locator('h1').innerText()).trim()).toBe(second.t('surveys.own.code.title'));
    await second.page.getByLabel(second.t('surveys.own.code.label')).fill(codes[0]!.toLowerCase());
    await second.navigate(() => second.page.getByRole('button', { name: second.t('surveys.own.code.submit') }).click());
    await second.page
      .locator('main fieldset')
      .nth(0)
      .getByRole('radio', { name: second.t('surveys.scale.5'), exact: true })
      .check();
    await second.navigate(() => second.page.getByRole('button', { name: second.t('surveys.answer.submit') }).click());
    expect((await second.page.locator('h1').innerText()).trim()).toBe(second.t('surveys.thanks.title'));
    await head.visit(`/schools/${school.number}/surveys`);
    await head.navigate(() =>
      head.page
        .getByRole('link', { name: 'How are we doing?' })
        .or(head.page.getByRole('link', { name: "Sut ydyn ni'n gwneud?" }))
        .click(),
    );
    expect(await head.page.getByTestId('response-count').innerText()).toBe(
      head.t('surveys.results.responses', { count: 2 }),
    );
    // Three more invited parents answered meanwhile: from 5, the figures show, on a phone too.
    const survey = (await findSurveyByToken(db, new URL(link).pathname.split('/').pop()!))!;
    const more = await createInvitations(db, headteacher.id, survey, 3);
    for (const [i, code] of more!.entries()) {
      const result = await submitOwnResponse(
        db,
        survey,
        { values: { 1: '4', 3: String(i + 1) }, texts: { 2: i ? '' : 'Mwy o glybiau ar ôl ysgol' }, language: 'cy' },
        code,
        new Date(),
      );
      expect(result).toEqual({ ok: true });
    }
    await head.visit(new URL(head.page.url()).pathname);
    expect(await head.page.getByTestId('response-count').innerText()).toBe(
      head.t('surveys.results.responses', { count: 5 }),
    );
    expect(await head.page.locator('svg.cyd-survey-chart').count()).toBe(1);
    await head.page.setViewportSize(PHONE);
    await noSidewaysScroll(head);
    await shoot(head, 'results');
  },
);
