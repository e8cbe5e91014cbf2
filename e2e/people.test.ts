import { expect } from 'vitest';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES } from './support/visitor.ts';
import { createPerson } from './support/people.ts';
import { createSchool } from './support/schools.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { HomePage } from './pages/home-page.ts';
import { AddPersonPage, PeopleListPage } from './pages/people-pages.ts';

/**
 * Schools run their own people (issue 14): a headteacher opens the school's people page from the
 * school's home, is told what is missing, then adds a practitioner, who is listed at once. In each language.
 */
journeyTest.concurrent.for(LANGUAGES)(
  'a headteacher (%s) adds a practitioner to the school',
  async (lang, { journey }) => {
    const db = journey.server.db;
    const school = await createSchool(db, lang === 'cy' ? 'Ysgol y Bobl' : 'People Primary School');
    const head = await createPerson(db, {
      role: 'headteacher',
      scopeId: school.number,
      email: `people-head-${lang}@example.test`,
    });
    const newcomer = {
      email: `people-new-${lang}@example.test`,
      displayName: lang === 'cy' ? 'Siân Ymarferydd' : 'Sam Practitioner',
    };

    const browser = await journey.arrive(lang);
    await new SignInPage(browser).open();
    await new SignInPage(browser).signIn(head.email, head.password);
    await new HomePage(browser).expectShown(head.displayName);

    await browser.visit(`/schools/${school.number}/home`);
    await browser.navigate(() =>
      browser.page.getByRole('link', { name: browser.t('people.list.heading'), exact: true }).click(),
    );
    const list = new PeopleListPage(browser);
    await list.expectShown(school.name);
    await expectNoAxeViolations(browser.page);

    await list.addPerson();
    const form = new AddPersonPage(browser);
    await form.expectShown(school.name);
    await expectNoAxeViolations(browser.page);

    // Nothing filled in: each missing answer is named.
    let response = await form.add({});
    expect(response.status()).toBe(400);
    await form.expectShown(school.name, { error: true });
    await form.expectErrors({
      email: 'people.errors.emailMissing',
      displayName: 'people.errors.nameMissing',
      role: 'people.errors.roleMissing',
    });
    await expectNoAxeViolations(browser.page);

    response = await form.add({ ...newcomer, role: 'practitioner' });
    expect(response.status()).toBe(200);
    await list.expectShown(school.name);
    await list.expectSuccessBanner('people.done.added');
    expect(await list.rows()).toContain(
      `${newcomer.displayName} | ${browser.t('roles.practitioner')} | ${browser.t('people.noEnd')}`,
    );
    await expectNoAxeViolations(browser.page);
  },
);
