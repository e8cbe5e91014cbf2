import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { formatDate } from '../src/lib/dates.ts';
import { journeyTest, RESULTS_DIR, type Journey } from './support/journey.ts';
import { LANGUAGES, type Language, type Visitor } from './support/visitor.ts';
import { createPerson, type Person } from './support/people.ts';
import { createSchool, type TestSchool } from './support/schools.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { HomePage } from './pages/home-page.ts';
import { EvidenceFormPage, EvidenceItemPage, EvidenceListPage } from './pages/evidence-pages.ts';
import type { BasePage } from './pages/base-page.ts';

/**
 * The signed-in home as the start of the day's work (issue 13). A practitioner on a phone follows
 * "Record evidence" from her home and saves what she saw; her headteacher finds it waiting on his
 * home, opens it, marks it reviewed, and his home then says nothing needs him. In each language.
 */
const PHONE = { width: 390, height: 844 };

const STORIES: Record<Language, { school: string; title: string; body: string }> = {
  en: {
    school: 'Penybont Primary School',
    title: 'Year 2 reading: learning walk',
    body: 'Most learners chose books for themselves and talked about why they liked them.',
  },
  cy: {
    school: 'Ysgol Gynradd Pen-y-bont',
    title: 'Darllen Blwyddyn 2: taith ddysgu',
    body: 'Roedd y rhan fwyaf o’r dysgwyr wedi dewis llyfrau drostynt eu hunain ac yn sôn pam roedden nhw’n eu hoffi.',
  },
};

/** With E2E_SCREENSHOTS=1, full-page pictures of the phone pages for a person to look at (test-results/screenshots/). */
async function shoot(visitor: Visitor, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  const dir = path.join(RESULTS_DIR, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await visitor.page.screenshot({ path: path.join(dir, `${visitor.lang}-390-${name}.png`), fullPage: true });
}

/** A person signs in from the sign-in page and lands on their home. */
async function signsInToHome(journey: Journey, lang: Language, person: Person, phone = false): Promise<HomePage> {
  const visitor = await journey.arrive(lang, phone ? { width: PHONE.width } : undefined);
  if (phone) await visitor.page.setViewportSize(PHONE);
  await visitor.visit('/sign-in');
  const signIn = new SignInPage(visitor);
  await signIn.expectShown();
  await signIn.signIn(person.email, person.password);
  expect(visitor.path()).toBe('/');
  const home = new HomePage(visitor);
  await home.expectShown(person.displayName);
  return home;
}

/** On the phone no page scrolls sideways: the page is no wider than the 390 px screen. */
async function fitsThePhone(page: BasePage): Promise<void> {
  await page.expectNoSidewaysScroll();
  expect(await page.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
}

/** The "Record evidence" link at the top of the school's section of the home. */
function recordEvidenceLink(home: HomePage, school: TestSchool) {
  return home.page
    .locator('main [data-testid="home-section"]', { has: home.page.getByText(school.name, { exact: true }) })
    .getByRole('link', { name: home.t('home.school.recordEvidence'), exact: true });
}

async function practitionerRecordsFromHome(
  journey: Journey,
  lang: Language,
  school: TestSchool,
  practitioner: Person,
): Promise<void> {
  const story = STORIES[lang];
  const home = await signsInToHome(journey, lang, practitioner, true);
  const teacher: Visitor = home.visitor;
  await fitsThePhone(home);
  await shoot(teacher, 'practitioner-home');
  // One section: her school (the place she holds her role in).
  expect(await home.sections()).toEqual([`${teacher.t('roles.practitioner')}: ${school.name}`]);
  // Nothing waits on a practitioner: the home says so, and still offers to record evidence.
  expect(await home.saysNothingNeedsMe()).toBe(true);
  expect(await home.lists()).toEqual([]);
  const record = recordEvidenceLink(home, school);
  expect(await record.getAttribute('href')).toBe(`/schools/${school.number}/evidence/new`);

  await teacher.navigate(() => record.click());
  const form = new EvidenceFormPage(teacher);
  await form.expectShown();
  await fitsThePhone(form);
  await shoot(teacher, 'evidence-form');
  await form.fill({
    source: 'learning_walk',
    firstHand: true,
    fromBeyond: false,
    title: story.title,
    body: story.body,
  });
  expect((await form.save()).status()).toBe(200);

  const item = new EvidenceItemPage(teacher);
  await item.expectShown(story.title);
  await fitsThePhone(item);
  expect(await item.successMessage()).toBe(teacher.t('pages.evidence.saved.created'));
  expect(await item.status()).toBe(teacher.t('pages.evidence.item.toReview'));

  await item.goToSection('evidence');
  const list = new EvidenceListPage(teacher);
  await list.expectShown();
  await fitsThePhone(list);
  expect(await teacher.page.getByRole('main').getByRole('link', { name: story.title, exact: true }).count()).toBe(1);
}

async function headteacherClearsHisList(
  journey: Journey,
  lang: Language,
  school: TestSchool,
  headteacher: Person,
): Promise<void> {
  const story = STORIES[lang];
  const home = await signsInToHome(journey, lang, headteacher);
  const head = home.visitor;
  expect(await home.sections()).toEqual([`${head.t('roles.headteacher')}: ${school.name}`]);
  expect(await home.saysNothingNeedsMe()).toBe(false);
  expect(await home.lists()).toEqual(['evidence']);
  const waiting = home.page.getByRole('main').getByRole('link', { name: story.title, exact: true });
  expect(await waiting.count()).toBe(1);
  const hint = home.page
    .locator('main .govuk-task-list__item', { has: home.page.getByRole('link', { name: story.title, exact: true }) })
    .locator('.govuk-task-list__hint');
  expect((await hint.innerText()).trim()).toBe(head.t('home.observed', { date: formatDate(new Date(), lang) }));

  await head.navigate(() => waiting.click());
  const item = new EvidenceItemPage(head);
  await item.expectShown(story.title);
  expect(await item.status()).toBe(head.t('pages.evidence.item.toReview'));
  await item.press(head.t('pages.evidence.item.markReviewed'));
  await item.expectShown(story.title);
  expect(await item.successMessage()).toBe(head.t('pages.evidence.saved.reviewed'));
  expect(await item.status()).toBe(head.t('pages.evidence.item.reviewed'));

  await item.goToNavigation('home');
  const after = new HomePage(head);
  await after.expectShown(headteacher.displayName);
  expect(await after.lists()).toEqual([]);
  expect(await after.page.getByRole('main').getByRole('link', { name: story.title }).count()).toBe(0);
  expect(await after.saysNothingNeedsMe()).toBe(true);
  expect((await after.page.getByTestId('home-empty').innerText()).trim()).toBe(head.t('home.empty'));
}

journeyTest.concurrent.for(LANGUAGES)(
  'home (%s): a practitioner on a 390 px phone records evidence from her home; her headteacher finds it waiting on his, reviews it, and his list is clear',
  { timeout: 90_000 },
  async (lang, { journey }) => {
    const started = performance.now();
    const db = journey.server.db;
    const school = await createSchool(db, STORIES[lang].school);
    const practitioner = await createPerson(db, {
      role: 'practitioner',
      scopeId: school.number,
      email: `home-practitioner-${lang}@example.test`,
    });
    const headteacher = await createPerson(db, {
      role: 'headteacher',
      scopeId: school.number,
      email: `home-head-${lang}@example.test`,
    });
    await practitionerRecordsFromHome(journey, lang, school, practitioner);
    await headteacherClearsHisList(journey, lang, school, headteacher);
    console.log(`home-evidence ${lang}: ${Math.round((performance.now() - started) / 1000)} s`);
  },
);
