import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { journeyTest, RESULTS_DIR, type Journey } from './support/journey.ts';
import { LANGUAGES, type Language, type Visitor } from './support/visitor.ts';
import { createPerson, type Person } from './support/people.ts';
import { createSchool, type TestSchool } from './support/schools.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { EvidenceItemPage } from './pages/evidence-pages.ts';
import { FindingPage, FindingsPage } from './pages/findings-pages.ts';
import { findSurveyByToken } from '../src/features/surveys/survey-repository.ts';
import { submitResponse } from '../src/features/surveys/survey-service.ts';
import { SLO_ELEMENTS } from '../src/features/surveys/slo-model.ts';

/**
 * The SLO staff survey (issue 18), in each language: the headteacher opens it and copies the link;
 * a member of staff answers on a 390 px phone, without an account; with 5 answers the headteacher
 * sees agreement by dimension, closes the survey, and its evidence item carries the figures; she then
 * rests a finding of the school's self-evaluation on that item and follows it back from the finding.
 */
const PHONE = { width: 390, height: 844 };
const SCHOOLS: Record<Language, string> = { en: 'Ysgol Gynradd Survey Primary', cy: 'Ysgol Gynradd yr Arolwg' };
const FINDINGS: Record<Language, { title: string; body: string }> = {
  en: {
    title: 'Staff see the school as a learning organisation',
    body: 'Every member of staff who answered the SLO survey agreed with most statements in every dimension.',
  },
  cy: {
    title: "Mae'r staff yn gweld yr ysgol fel sefydliad sy'n dysgu",
    body: "Cytunodd pob aelod o staff a atebodd yr arolwg sefydliadau sy'n dysgu â'r rhan fwyaf o'r datganiadau ym mhob dimensiwn.",
  },
};

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

async function headSeesResultsAndCloses(head: Visitor, school: TestSchool): Promise<string> {
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
  const title = head.t('surveys.evidence.title', { year: academicYear, next: academicYear + 1 });
  await item.expectShown(title);
  expect(await head.page.locator('svg.cyd-survey-chart').count()).toBe(1);
  expect(await head.page.getByRole('main').innerText()).toContain(
    head.t('surveys.results.percentOf', { percent: 100, base: 5 }),
  );
  await shoot(head, 'evidence');
  return title;
}

/**
 * From the survey's evidence item the headteacher goes to the findings and writes one resting on it:
 * the closed survey is offered as evidence of this year's cycle, like any item recorded by hand.
 */
async function headUsesItInAFinding(head: Visitor, evidenceTitle: string): Promise<void> {
  const finding = FINDINGS[head.lang];
  await new EvidenceItemPage(head).goToSection('findings');
  const findings = new FindingsPage(head);
  await findings.expectShown();
  const form = await findings.addFinding();
  await form.expectShown();
  expect(await form.evidenceOffered()).toEqual([evidenceTitle]);
  await form.fill({ kind: 'strength', ...finding, nifTheme: 'vision_leadership', evidence: [evidenceTitle] });
  await form.save();

  const page = new FindingPage(head);
  await page.expectShown(finding.title);
  expect(await page.successMessage()).toBe(head.t('pages.findings.saved'));
  expect(await page.evidence()).toEqual([evidenceTitle]);
  // One kind of evidence, first-hand but seen only within the school: the page says what would strengthen it.
  const { summary, advice } = await page.triangulation();
  expect(summary).toEqual({
    [head.t('pages.findings.triangulation.levelKey')]: head.t('pages.findings.triangulation.level.weak'),
    [head.t('pages.findings.triangulation.kindsKey')]:
      `${head.t('pages.findings.triangulation.kinds', { count: 1 })}: ${head.t('reference.evidenceSource.survey')}`,
    [head.t('pages.findings.triangulation.firstHandKey')]: head.t('pages.findings.yes'),
    [head.t('pages.findings.triangulation.beyondKey')]: head.t('pages.findings.no'),
  });
  expect(advice).toEqual([
    head.t('pages.findings.triangulation.advice.moreKinds'),
    head.t('pages.findings.triangulation.advice.beyond'),
  ]);
  await shoot(head, 'finding');

  // The finding links back to the survey's item, which still shows the figures.
  await page.followLink(evidenceTitle);
  await new EvidenceItemPage(head).expectShown(evidenceTitle);
  expect(await head.page.locator('svg.cyd-survey-chart').count()).toBe(1);
}

journeyTest.concurrent.for(LANGUAGES)(
  'SLO survey (%s): staff answer on a phone through the link; the headteacher sees results from 5 answers, closes it into evidence and rests a finding on it',
  { timeout: 180_000 },
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
    const evidenceTitle = await headSeesResultsAndCloses(head, school);
    await headUsesItInAFinding(head, evidenceTitle);
  },
);
