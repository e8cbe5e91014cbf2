import { expect } from 'vitest';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES } from './support/visitor.ts';
import { createPerson, TEST_PASSWORD } from './support/people.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { HomePage } from './pages/home-page.ts';
import { AccountPage } from './pages/account-pages.ts';

const NEW_PASSWORD = 'harbour kettle morning lantern';

journeyTest.concurrent.for(LANGUAGES)(
  'a user (%s) signs in after mistakes, changes their password after a refusal, and signs out',
  async (lang, { journey }) => {
    const user = await createPerson(journey.server.db, { role: 'wg_official', email: `official-${lang}@example.test` });
    const visitor = await journey.arrive(lang);
    const signIn = new SignInPage(visitor);
    await signIn.open();
    await signIn.expectShown();

    // Nothing filled in: both fields are named, in the summary and beside each field.
    let response = await signIn.submit('pages.signIn.submit');
    expect(response.status()).toBe(400);
    await signIn.expectShown({ error: true });
    await signIn.expectErrors({
      email: 'pages.signIn.errors.emailMissing',
      password: 'pages.signIn.errors.passwordMissing',
    });
    expect(await signIn.followFirstErrorLink()).toBe('email');

    // The wrong password: one message that does not say which of the two was wrong.
    response = await signIn.signIn(user.email, 'not the right password');
    expect(response.status()).toBe(400);
    await signIn.expectErrors({ email: 'pages.signIn.errors.invalid' }, { inline: false });
    expect(await signIn.emailValue()).toBe(user.email);

    response = await signIn.signIn(user.email, TEST_PASSWORD);
    expect(response.status()).toBe(200);
    expect(visitor.path()).toBe('/');
    const home = new HomePage(visitor);
    await home.expectShown(user.displayName);
    expect(await home.sections()).toEqual([`${visitor.t('roles.wg_official')}: ${visitor.t('home.national.title')}`]);

    await home.goToNavigation('account');
    const account = new AccountPage(visitor);
    await account.expectShown();

    const change = await account.changePassword();
    await change.expectShown();
    response = await change.change(TEST_PASSWORD, 'password1234');
    expect(response.status()).toBe(400);
    await change.expectShown({ error: true });
    await change.expectErrors({ newPassword: 'passwords.problems.common' });

    response = await change.change(TEST_PASSWORD, NEW_PASSWORD);
    expect(response.status()).toBe(200);
    expect(visitor.path()).toBe('/account');
    await account.expectShown();
    await account.expectSuccessBanner('pages.account.passwordChanged');

    response = await account.signOut();
    expect(response.status()).toBe(200);
    await signIn.expectShown();
    await signIn.expectSuccessBanner('pages.signIn.notices.signedOut');
    expect(await signIn.signOutButton().count()).toBe(0);

    // The new password is the one that works now.
    await signIn.signIn(user.email, NEW_PASSWORD);
    expect(visitor.path()).toBe('/');
    await home.expectShown(user.displayName);
  },
);
