import { expect } from 'vitest';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES } from './support/visitor.ts';
import { createPerson } from './support/people.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { HomePage } from './pages/home-page.ts';
import { UsersPage } from './pages/users-page.ts';
import { UserDetailPage } from './pages/user-detail-page.ts';
import { SetPasswordPage } from './pages/set-password-page.ts';
import { AuditLogPage } from './pages/audit-log-page.ts';

journeyTest.concurrent.for(LANGUAGES)(
  'an administrator (%s) creates a user, who sets a password from the one-time link and signs in',
  async (lang, { journey }) => {
    const admin = await createPerson(journey.server.db, {
      role: 'administrator',
      email: `admin-create-${lang}@example.test`,
    });
    const officer = {
      displayName: lang === 'cy' ? 'Swyddog Caerdydd' : 'Cardiff Officer',
      email: `officer-${lang}@example.test`,
    };
    const password = 'pebble orchard violin thunder';

    const browser = await journey.arrive(lang);
    await new SignInPage(browser).open();
    await new SignInPage(browser).signIn(admin.email, admin.password);
    await new HomePage(browser).expectShown(admin.displayName);

    await new HomePage(browser).goToNavigation('users');
    const users = new UsersPage(browser);
    await users.expectShown();
    const form = await users.createUser();
    await form.expectShown();

    // Nothing filled in: each missing answer is named (the language is chosen for them).
    let response = await form.submit('pages.users.new.submit');
    expect(response.status()).toBe(400);
    await form.expectShown({ error: true });
    await form.expectErrors({
      displayName: 'pages.users.errors.nameMissing',
      email: 'pages.users.errors.emailMissing',
      role: 'pages.users.errors.roleMissing',
    });

    // An email address someone already has: refused, and what was typed is kept.
    response = await form.create({
      displayName: officer.displayName,
      email: admin.email,
      role: 'la_officer',
      scope: '681',
    });
    expect(response.status()).toBe(400);
    await form.expectErrors({ email: 'pages.users.errors.emailTaken' });
    expect(await form.values()).toEqual({ displayName: officer.displayName, email: admin.email, scope: '681' });

    response = await form.create({ email: officer.email, language: lang });
    expect(response.status()).toBe(201);
    const detail = new UserDetailPage(browser);
    await detail.expectShown(officer.displayName);
    await detail.expectCreated();
    expect(await detail.roles()).toEqual([
      `${browser.t('roles.la_officer')} | ${browser.t('scopes.la')}: ${lang === 'cy' ? 'Caerdydd' : 'Cardiff'}`,
    ]);
    expect((await detail.summary())[browser.t('pages.users.status')]).toBe(browser.t('pages.users.statuses.invited'));
    const link = await detail.passwordLink();
    expect(link.startsWith(`${journey.server.publicUrl}/set-password/`)).toBe(true);

    // The new user opens the link in a browser of their own.
    const officerBrowser = await journey.arrive(lang);
    const setPassword = new SetPasswordPage(officerBrowser);
    response = await setPassword.open(link);
    expect(response.status()).toBe(200);
    await setPassword.expectShown();
    response = await setPassword.setPassword('too short');
    expect(response.status()).toBe(400);
    await setPassword.expectShown({ error: true });
    await setPassword.expectErrors({ password: 'passwords.problems.tooShort' });
    response = await setPassword.setPassword(password);
    expect(response.status()).toBe(200);
    const signIn = new SignInPage(officerBrowser);
    await signIn.expectShown();
    await signIn.expectSuccessBanner('pages.signIn.notices.passwordSet');

    // The link worked once only.
    response = await setPassword.open(link);
    expect(response.status()).toBe(404);
    await setPassword.expectHeading('pages.setPassword.invalidTitle', { titleKey: 'pages.setPassword.invalidTitle' });

    await signIn.open();
    await signIn.signIn(officer.email, password);
    const home = new HomePage(officerBrowser);
    await home.expectShown(officer.displayName);
    expect(await home.sections()).toEqual([
      `${officerBrowser.t('roles.la_officer')}: ${lang === 'cy' ? 'Caerdydd' : 'Cardiff'}`,
    ]);
    // An officer has no administration in the menu.
    expect(
      await officerBrowser.page.getByRole('link', { name: officerBrowser.t('chrome.nav.users'), exact: true }).count(),
    ).toBe(0);
  },
);

journeyTest.concurrent.for(LANGUAGES)(
  'an administrator (%s) finds a user in the list, opens them, and filters the audit log',
  async (lang, { journey }) => {
    const admin = await createPerson(journey.server.db, {
      role: 'administrator',
      email: `admin-find-${lang}@example.test`,
    });
    const someone = await createPerson(journey.server.db, {
      role: 'la_officer',
      email: `findable-${lang}@example.test`,
    });

    const browser = await journey.arrive(lang);
    const signIn = new SignInPage(browser);
    await signIn.open();
    await signIn.signIn(admin.email, admin.password);
    await new HomePage(browser).goToNavigation('users');
    const users = new UsersPage(browser);
    await users.expectShown();

    await users.search(`findable-${lang}`);
    expect(new URL(browser.page.url()).searchParams.get('q')).toBe(`findable-${lang}`);
    expect(await users.count()).toBe(browser.t('pages.users.count', { count: 1 }));
    expect(await users.rows()).toEqual([
      {
        name: someone.displayName,
        email: someone.email,
        roles: browser.t('roles.la_officer'),
        status: browser.t('pages.users.statuses.active'),
      },
    ]);

    const detail = await users.openUser(someone.displayName);
    await detail.expectShown(someone.displayName);
    expect((await detail.summary())[browser.t('pages.users.email')]).toBe(someone.email);
    expect(await detail.hasPasswordLink()).toBe(0);
    await detail.backToUsers();
    await users.expectShown();

    await users.goToNavigation('audit');
    const audit = new AuditLogPage(browser);
    await audit.expectShown();
    await audit.filterByAction('sign-in');
    expect(await audit.selectedAction()).toBe('sign-in');
    const rows = await audit.rows();
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.action)).size).toBe(1);
    expect(rows.map((row) => row.who)).toContain(admin.displayName);
  },
);
