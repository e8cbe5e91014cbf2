import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { journeyTest, RESULTS_DIR, type Journey } from './support/journey.ts';
import { LANGUAGES, type Language, type Visitor } from './support/visitor.ts';
import { createPerson, type Person } from './support/people.ts';
import { createSchool, type TestSchool } from './support/schools.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { EvidenceItemPage } from './pages/evidence-pages.ts';
import { findSurveyByToken } from '../src/features/surveys/survey-repository.ts';
import { submitResponse } from '../src/features/surveys/survey-service.ts';
import { SLO_ELEMENTS } from '../src/features/surveys/slo-model.ts';

/**
 * The SLO staff survey (issue 18), in each language: the headteacher opens it and copies the link;
 * a member of staff answers on a 390 px phone, without an account; with 5 answers the headteacher
 * sees agreement by dimension, closes the survey, and its evidence item carries the figures.
 */
const PHONE = { width: 390, height: 844 };
const SCHOOLS: Record<Language, string> = { en: 'Ysgol Gynradd Survey Primary', cy: 'Ysgol Gynradd yr Arolwg' };

async function shoot(visitor: Visitor, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  const dir = path.join(RESULTS_DIR, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const width = visitor.page.viewportSize()?.width ?? 0;
  await visitor.page.screenshot({ path: path.join(dir, `slo-${visitor.lang}-${width}-${name}.png`), fullPage: true });
}

async function signIn(journey: Journey, lang: Language, person: Person): Promise<Visitor> {
  const visitor = await journey.arrive(lang);
  await visitor.visit('/sign-in');
  await new SignInPage(visitor).signIn(person.email, person.password);
  return visitor;
}

async function headOpensTheSurvey(head: Visitor, school: TestSchool): Promise<string> {
  await head.visit(`/schools/${school.number}/surveys`);
  expect((await head.page.locator('h1').innerText()).trim()).toBe(head.t('surveys.title'));
  await head.navigate(() => head.page.getByRole('button', { name: head.t('surveys.slo.open') }).click());
  expect(await head.page.locator('.govuk-notification-banner').innerText()).toContain(head.t('surveys.done.opened'));
  await shoot(head, 'section');
  return (await head.page.getByTestId('survey-link').innerText()).trim();
}

async function staffAnswersOnAPhone(journey: Journey, lang: Language, link: string): Promise<void> {
  const staff = await journey.arrive(lang, { width: PHONE.width });
  await staff.page.setViewportSize(PHONE);
  const response = await staff.visit(new URL(link).pathname);
  expect(response.status()).toBe(200);
  expect((await staff.page.locator('h1').innerText()).trim()).toBe(staff.t('surveys.answer.heading'));
  const widths = (await staff.page.evaluate(
    '({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth })',
  )) as { page: number; window: number };
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  await shoot(staff, 'answer');
  // Every statement has its question as the legend of its own group of radios.
  expect(await staff.page.locator('main fieldset').count()).toBe(SLO_ELEMENTS.length);
  for (let i = 1; i <= SLO_ELEMENTS.length; i++) {
    const fieldset = staff.page.locator('main fieldset').nth(i - 1);
    await fieldset
      .getByRole('radio', { name: staff.t(i % 7 === 0 ? 'surveys.scale.0' : 'surveys.scale.4'), exact: true })
      .check();
  }
  await staff.page
    .getByLabel(staff.t('surveys.answer.comment'))
    .fill(lang === 'cy' ? 'Mwy o amser i gynllunio' : 'More time to plan');
  await staff.navigate(() => staff.page.getByRole('button', { name: staff.t('surveys.answer.submit') }).click());
  expect((await staff.page.locator('h1').innerText()).trim()).toBe(staff.t('surveys.thanks.title'));
  await shoot(staff, 'thanks');
  // The same browser cannot answer again.
  await staff.visit(new URL(link).pathname);
  expect((await staff.page.locator('h1').innerText()).trim()).toBe(staff.t('surveys.already.title'));
}

async function headSeesResultsAndCloses(head: Visitor, school: TestSchool): Promise<void> {
  await head.visit(`/schools/${school.number}/surveys`);
  await head.navigate(() => head.page.getByRole('link', { name: head.t('surveys.slo.results') }).click());
  expect(await head.page.getByTestId('response-count').innerText()).toBe(
    head.t('surveys.results.responses', { count: 5 }),
  );
  const table = head.page.locator('table').first();
  expect(await table.innerText()).toContain(head.t('surveys.results.percentOf', { percent: 100, base: 5 }));
  expect(await head.page.locator('svg.cyd-survey-chart').count()).toBe(1);
  await shoot(head, 'results');
  // Leaders may read results on a phone too: nothing scrolls sideways at 390 px.
  await head.page.setViewportSize(PHONE);
  const widths = (await head.page.evaluate(
    '({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth })',
  )) as { page: number; window: number };
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  await shoot(head, 'results');
  await head.page.setViewportSize({ width: 1200, height: 900 });
  await head.navigate(() => head.page.getByRole('button', { name: head.t('surveys.close.button') }).click());
  expect(await head.page.locator('.govuk-notification-banner').innerText()).toContain(head.t('surveys.done.closed'));
  await head.navigate(() =>
    head.page
      .locator('.govuk-notification-banner')
      .getByRole('link', { name: head.t('surveys.results.evidenceLink') })
      .click(),
  );
  const item = new EvidenceItemPage(head);
  const academicYear = new Date().getMonth() >= 8 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  await item.expectShown(head.t('surveys.evidence.title', { year: academicYear, next: academicYear + 1 }));
  expect(await head.page.locator('svg.cyd-survey-chart').count()).toBe(1);
  expect(await head.page.getByRole('main').innerText()).toContain(
    head.t('surveys.results.percentOf', { percent: 100, base: 5 }),
  );
  await shoot(head, 'evidence');
}

journeyTest.concurrent.for(LANGUAGES)(
  'SLO survey (%s): staff answer on a phone through the link; the headteacher sees results from 5 answers and closes it into evidence',
  { timeout: 120_000 },
  async (lang, { journey }) => {
    const db = journey.server.db;
    const school = await createSchool(db, SCHOOLS[lang]);
    const headteacher = await createPerson(db, {
      role: 'headteacher',
      scopeId: school.number,
      email: `slo-head-${lang}@example.test`,
    });
    const head = await signIn(journey, lang, headteacher);
    const link = await headOpensTheSurvey(head, school);
    await staffAnswersOnAPhone(journey, lang, link);
    // Four more colleagues answered meanwhile, all agreeing.
    const survey = (await findSurveyByToken(db, new URL(link).pathname.split('/').pop()!))!;
    const answers = Object.fromEntries(SLO_ELEMENTS.map((_, i) => [i + 1, '5']));
    for (let i = 0; i < 4; i++)
      expect(await submitResponse(db, survey, { answers, comment: '', language: lang }, null, new Date())).toEqual({
        ok: true,
      });
    await headSeesResultsAndCloses(head, school);
  },
);
