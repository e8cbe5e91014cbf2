import { expect } from 'vitest';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES, type Language, type Visitor } from './support/visitor.ts';
import { createPerson } from './support/people.ts';
import { signInAt } from './support/sign-in.ts';
import { buildSchool } from '../test/support/school-factories.ts';
import { buildSloSurvey, YEAR_MS } from '../test/support/slo-factories.ts';
import { insertShare } from '../src/features/surveys/slo-sharing/share-repository.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';

/**
 * Sharing SLO results (issue 18, part 5), in each language: four schools of an LA have already
 * shared last year's survey with it; the headteacher of a fifth ticks "your local authority" on
 * last year's results; the LA officer then sees agreement by dimension across the five, and nothing
 * of any one school. Each language has its own LA, so the two journeys can run at once.
 */
const LA: Record<Language, string> = { en: '662', cy: '663' };
const PHONE = { width: 390, height: 844 };

async function noSidewaysScroll(visitor: Visitor) {
  await visitor.page.setViewportSize(PHONE);
  const widths = (await visitor.page.evaluate(
    '({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth })',
  )) as { page: number; window: number };
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  await visitor.page.setViewportSize({ width: 1200, height: 900 });
}

journeyTest.concurrent.for(LANGUAGES)(
  'SLO sharing (%s): the headteacher shares last year’s results with the LA; the officer sees the distribution across the schools that shared',
  { timeout: 120_000 },
  async (lang, { journey }) => {
    const db = journey.server.db;
    const at = new Date(Date.now() - YEAR_MS);
    const year = academicYearOf(at);
    const schools = [];
    for (let i = 0; i < 5; i++) {
      const school = await buildSchool(db, { laCode: LA[lang] });
      const head = await createPerson(db, {
        role: 'headteacher',
        scopeId: school.number,
        email: `slo-share-head-${lang}-${i}@example.test`,
      });
      const survey = await buildSloSurvey(db, {
        schoolNumber: school.number,
        headteacherId: head.id,
        at,
        answers: ['5', '4', '4', '4', '2', i < 3 ? '5' : '1'],
        close: true,
      });
      if (i < 4)
        await insertShare(db, {
          surveyId: survey.id,
          schoolNumber: school.number,
          audience: 'la',
          audienceId: '',
          sharedBy: head.id,
          sharedAt: new Date(),
        });
      schools.push({ school, head, survey });
    }
    const officerPerson = await createPerson(db, {
      role: 'la_officer',
      scopeId: LA[lang],
      email: `slo-share-officer-${lang}@example.test`,
    });
    const picturePath = `/local-authorities/${LA[lang]}/slo-survey`;

    // Before the fifth school shares, the officer sees no figure: four schools are too few.
    const officer = await signInAt(journey, lang, officerPerson, picturePath);
    expect(await officer.page.getByTestId('slo-picture-counted').innerText()).toBe(
      officer.t('sloShare.picture.countedHidden', { min: 5 }),
    );

    // The fifth headteacher shares last year's results with the LA.
    const { school, head: headPerson, survey } = schools[4]!;
    const head = await signInAt(journey, lang, headPerson, `/schools/${school.number}/surveys/${survey.id}`);
    await head.page.getByLabel(head.t('sloShare.panel.la'), { exact: true }).check();
    await head.navigate(() => head.page.getByRole('button', { name: head.t('sloShare.panel.save') }).click());
    expect(await head.page.locator('.govuk-notification-banner').innerText()).toContain(head.t('sloShare.panel.saved'));
    expect(await head.page.getByLabel(head.t('sloShare.panel.la'), { exact: true }).isChecked()).toBe(true);

    // The officer now sees the five schools by band for each dimension.
    await officer.visit(picturePath);
    expect(await officer.page.getByTestId('slo-picture-counted').innerText()).toBe(
      officer.t('sloShare.picture.counted', { count: 5, year, next: year + 1 }),
    );
    const table = officer.page.getByRole('table', {
      name: officer.t('sloShare.picture.caption', { year, next: year + 1 }),
    });
    const vision = table.locator('tr[data-dimension="vision"] td');
    expect(await vision.allInnerTexts()).toEqual([
      '0',
      officer.t('sloShare.picture.hidden'),
      officer.t('sloShare.picture.hidden'),
      '0',
      officer.t('sloShare.picture.percent', { percent: 77, people: 30 }),
    ]);
    expect(await officer.page.getByRole('main').innerText()).not.toContain(school.name);
    await noSidewaysScroll(officer);
  },
);
