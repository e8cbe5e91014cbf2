import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';
import { buildCriteria, buildCycle, buildPriority } from '../test/support/plan-factories.ts';
import { journeyTest } from './support/journey.ts';
import { createPerson, type Person } from './support/people.ts';
import { createSchool } from './support/schools.ts';
import { signInAt } from './support/sign-in.ts';
import { LANGUAGES, type Language, type Visitor } from './support/visitor.ts';
import { BasePage } from './pages/base-page.ts';

/**
 * Issue 16, parts 1 and 2: a headteacher is told, before sharing a priority with the public, that it
 * has no Welsh version; writes it beside the original (on a desktop and on a phone); and shares it.
 * In both interface languages; every page reached is checked with axe (Visitor). With SHOTS_DIR set,
 * the other-language page is photographed there at desktop and phone width.
 */
const PHONE = 390;
const DESKTOP = 1200;
const SHOTS_DIR = process.env.SHOTS_DIR;

const PRIORITY = {
  title: 'Raise standards of reading for eFSM learners in Years 3 to 6',
  description: 'Guided reading every day, with reading ages checked each term.',
  learners: 'eFSM learners in Years 3 to 6',
  successMeasure: 'Reading ages rise by 12 months in a year',
  criterion: 'Eight in ten read at their age by July',
};
const WELSH = {
  title: 'Codi safonau darllen dysgwyr eFSM ym Mlynyddoedd 3 i 6',
  description: 'Darllen dan arweiniad bob dydd, gydag oedrannau darllen yn cael eu gwirio bob tymor.',
  learners: 'Dysgwyr eFSM ym Mlynyddoedd 3 i 6',
  successMeasure: 'Oedrannau darllen yn codi 12 mis mewn blwyddyn',
  criterion: 'Wyth o bob deg yn darllen ar lefel eu hoedran erbyn mis Gorffennaf',
};

class AnyPage extends BasePage {}

async function buildWorld(db: Db, lang: Language): Promise<{ head: Person; priorityUrl: string; area: string }> {
  const school = await createSchool(db, `Ysgol Gynradd y Ddwy Iaith (${lang})`);
  const head = await createPerson(db, {
    role: 'headteacher',
    scopeId: school.number,
    email: `ol-head-${lang}@example.test`,
  });
  const cycle = await buildCycle(db, school.number, academicYearOf(new Date()));
  const { criterion, ...fields } = PRIORITY;
  const priority = await buildPriority(db, cycle, { ...fields, language: 'en' });
  await buildCriteria(db, priority.id, [criterion]);
  const area = `/schools/${school.number}`;
  return { head, area, priorityUrl: `${area}/priorities/${priority.id}` };
}

async function shoot(visitor: Visitor, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const width = visitor.page.viewportSize()?.width ?? DESKTOP;
  await visitor.page.screenshot({ path: path.join(SHOTS_DIR, `${visitor.lang}-${width}-${name}.png`), fullPage: true });
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const fieldName = (v: Visitor, field: string) => v.t(`otherLanguage.field.${field}`);

journeyTest.concurrent.for(LANGUAGES)(
  'a headteacher (%s) adds the Welsh version of a priority before sharing it with the public',
  { timeout: 240_000 },
  async (lang, { journey }) => {
    const world = await buildWorld(journey.server.db, lang);
    const head = await signInAt(journey, lang, world.head, world.priorityUrl);
    const page = new AnyPage(head);

    // Told, not blocked: the sharing panel names what has no Welsh version, and links to write it.
    const warning = head.page.locator('#sharing .cyd-lacking-other-language');
    expect(words(await warning.innerText())).toContain(head.t('otherLanguage.lacking.heading.cy'));
    expect((await warning.locator('li').allInnerTexts()).map(words)).toEqual(
      ['title', 'description', 'learners', 'successMeasure'].map((f) => fieldName(head, f)),
    );
    await shoot(head, 'priority-lacking');
    await head.navigate(() =>
      head.page
        .getByRole('link', { name: head.t('otherLanguage.link.add.cy'), exact: true })
        .first()
        .click(),
    );
    expect(await page.heading()).toBe(head.t('otherLanguage.heading.cy'));

    // Each original, in English, beside its Welsh box; each marked with its language.
    const titleBox = page.field('otherLanguage.versionOf.cy', { field: fieldName(head, 'title') });
    expect(await titleBox.getAttribute('lang')).toBe('cy');
    expect(await head.page.locator('main .govuk-inset-text[lang="en"]', { hasText: PRIORITY.title }).count()).toBe(1);
    await shoot(head, 'other-language-form');
    await head.page.setViewportSize({ width: PHONE, height: 900 });
    expect((await head.page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(PHONE);
    await shoot(head, 'other-language-form');
    await head.page.setViewportSize({ width: DESKTOP, height: 900 });

    for (const field of ['title', 'description', 'learners', 'successMeasure'] as const)
      await page.field('otherLanguage.versionOf.cy', { field: fieldName(head, field) }).fill(WELSH[field]);
    const criterionLabel = head.t('otherLanguage.parts.criterion', { number: 1 });
    await page.field('otherLanguage.versionOf.cy', { field: criterionLabel }).fill(WELSH.criterion);
    await page.submit('common.save');
    expect(head.path()).toBe(new URL(world.priorityUrl, 'http://x').pathname);
    expect(words(await page.successBanner().innerText())).toContain(head.t('otherLanguage.saved.cy'));
    // Nothing is missing now: the panel says nothing, and the link offers to edit the Welsh version.
    expect(await head.page.locator('.cyd-lacking-other-language').count()).toBe(0);
    expect(await head.page.getByRole('link', { name: head.t('otherLanguage.link.edit.cy'), exact: true }).count()).toBe(
      1,
    );
    await shoot(head, 'priority-translated');

    // ...and shares it with the public.
    const panel = head.page.locator('#sharing');
    await panel.getByLabel(head.t('sharing.shareWith'), { exact: true }).selectOption('public|');
    await head.navigate(() => panel.getByRole('button', { name: head.t('sharing.share'), exact: true }).click());
    expect(words(await head.page.locator('#sharing').innerText())).toContain(head.t('reference.audience.public'));

    // Its Welsh version is kept with it: the form shows what was written, marked Welsh.
    await head.visit(`${world.area}/other-language/priority/${world.priorityUrl.split('/').pop()}`);
    expect(await page.field('otherLanguage.versionOf.cy', { field: fieldName(head, 'title') }).inputValue()).toBe(
      WELSH.title,
    );
  },
);
