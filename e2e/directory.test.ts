import fs from 'node:fs';
import { expect } from 'vitest';
import { applyImport } from '../src/features/directory-import/import-service.ts';
import type { ListedSchool } from '../src/features/directory-import/address-list-parser.ts';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES } from './support/visitor.ts';
import { createPerson } from './support/people.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { LocalAuthoritiesPage, SchoolSearchPage } from './pages/directory-pages.ts';

const FILE = 'data/address-list-of-schools-wales-2018-04.ods';

/**
 * The real Welsh Government list, imported once for the file's server. What the import added
 * is the oracle for the counts the pages should show.
 */
const directoryTest = journeyTest.extend(
  'schoolList',
  { scope: 'file' },
  async ({ stage }): Promise<ListedSchool[]> => {
    const result = await applyImport(stage.server.db, null, FILE, fs.readFileSync(FILE), new Date());
    if (!result.ok) throw new Error(`The school list did not import: ${JSON.stringify(result.problems)}`);
    return result.plan.added;
  },
);

const ANGLESEY = { code: '660', en: 'Isle of Anglesey', cy: 'Ynys Môn' };
const AMLWCH = { number: '6602130', name: 'Ysgol Gynradd Amlwch', postcode: 'LL68 9DY' };

directoryTest.concurrent.for(LANGUAGES)(
  'a signed-in user (%s) searches the schools of Wales, filters and pages the results, and opens a school and its local authority',
  async (lang, { journey, schoolList }) => {
    const count = (match: (school: ListedSchool) => boolean) => schoolList.filter(match).length;
    const inAnglesey = (s: ListedSchool) => s.laCode === ANGLESEY.code;
    const laName = ANGLESEY[lang];
    const person = await createPerson(journey.server.db, {
      role: 'wg_official',
      email: `directory-${lang}@example.test`,
    });

    // A link to the directory asks for signing in first, then lands on it.
    const visitor = await journey.arrive(lang);
    const search = new SchoolSearchPage(visitor);
    await search.open();
    const signIn = new SignInPage(visitor);
    await signIn.expectShown();
    await signIn.signIn(person.email, person.password);
    expect(visitor.path()).toBe('/schools');
    await search.expectShown();
    expect(await search.count()).toBe(search.countText(schoolList.length));
    expect(await search.optionLabel('sector', 'primary')).toBe(
      `${visitor.t('reference.sector.primary')} (${search.formatCount(count((s) => s.sector === 'primary'))})`,
    );

    // Accents are optional, and a word may be the local authority's name in either language.
    await search.search('Ynys Mon');
    await search.expectShown({ q: 'Ynys Mon' });
    const anglesey = count(inAnglesey);
    expect(await search.count()).toBe(search.countText(anglesey));
    const firstResults = await search.results();
    expect(firstResults).toHaveLength(20);
    for (const result of firstResults) expect(result.line).toContain(laName);
    const primaries = count((s) => inAnglesey(s) && s.sector === 'primary');
    expect(await search.optionLabel('sector', 'primary')).toBe(
      `${visitor.t('reference.sector.primary')} (${search.formatCount(primaries)})`,
    );

    // Each filter narrows the results, and the other options' counts follow.
    await search.tick('sector', 'primary');
    await search.applyFilters();
    expect(await search.count()).toBe(search.countText(primaries));
    expect(await search.searchText()).toBe('Ynys Mon');
    const welshMedium = count((s) => inAnglesey(s) && s.sector === 'primary' && s.wmCode === 'WM');
    expect(welshMedium).toBeGreaterThan(20);
    expect(welshMedium).toBeLessThan(primaries);
    expect(await search.optionLabel('wm', 'WM')).toBe(
      `${visitor.t('reference.wm.WM')} (${search.formatCount(welshMedium)})`,
    );
    await search.tick('wm', 'WM');
    await search.applyFilters();
    expect(await search.count()).toBe(search.countText(welshMedium));
    expect(await search.option('sector', 'primary').isChecked()).toBe(true);
    expect(await search.option('wm', 'WM').isChecked()).toBe(true);
    const pageOne = await search.results();
    expect(pageOne).toHaveLength(20);

    // The next page keeps the search and the filters, and shows the next schools.
    await search.nextPage();
    expect(await search.currentPage()).toBe('2');
    expect(await search.count()).toBe(search.countText(welshMedium));
    const query = new URL(visitor.page.url()).searchParams;
    expect([query.get('q'), query.get('sector'), query.get('wm'), query.get('page')]).toEqual([
      'Ynys Mon',
      'primary',
      'WM',
      '2',
    ]);
    const pageTwo = await search.results();
    expect(pageTwo).toHaveLength(20);
    expect(pageTwo.some((school) => pageOne.some((other) => other.name === school.name))).toBe(false);

    // A postcode finds its school, whatever the spacing and case.
    await search.search('ll68 9dy');
    expect(await search.count()).toBe(search.countText(1));
    const [amlwch] = await search.results();
    expect(amlwch!.name).toBe(AMLWCH.name);
    expect(amlwch!.line).toContain(AMLWCH.postcode);

    const school = await search.openSchool(AMLWCH.name);
    expect(visitor.path()).toBe(`/schools/${AMLWCH.number}`);
    await school.expectShown(AMLWCH.name);
    const details = await school.details();
    expect(details[visitor.t('pages.directory.fields.number')]).toBe(AMLWCH.number);
    expect(details[visitor.t('pages.directory.fields.la')]).toBe(laName);
    expect(details[visitor.t('pages.directory.fields.sector')]).toBe(visitor.t('reference.sector.primary'));

    const la = await school.openLocalAuthority(laName);
    expect(visitor.path()).toBe(`/local-authorities/${ANGLESEY.code}`);
    await la.expectShown(laName);
    expect((await la.details())[visitor.t('pages.localAuthorities.openSchools')]).toBe(search.formatCount(anglesey));
    expect((await la.breakdown('pages.localAuthorities.bySector'))[visitor.t('reference.sector.primary')]).toBe(
      search.formatCount(primaries),
    );

    await la.goToNavigation('localAuthorities');
    const authorities = new LocalAuthoritiesPage(visitor);
    await authorities.expectShown();
    const rows = await authorities.rows();
    expect(rows).toHaveLength(22);
    expect(rows.find((row) => row.name === laName)?.openSchools).toBe(search.formatCount(anglesey));
    // Listed in the reader's own language's alphabetical order.
    const names = rows.map((row) => row.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, lang)));
  },
);
