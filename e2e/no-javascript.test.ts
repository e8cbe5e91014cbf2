import { expect } from 'vitest';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES } from './support/visitor.ts';
import { createPerson } from './support/people.ts';
import { StartPage } from './pages/start-page.ts';
import { HomePage } from './pages/home-page.ts';

// JavaScript only enhances (docs/ARCHITECTURE.md section 6): forms, errors and signing out must work without it.
journeyTest.concurrent.for(LANGUAGES)(
  'a user (%s) whose browser runs no JavaScript signs in after a mistake and signs out',
  async (lang, { journey }) => {
    const user = await createPerson(journey.server.db, {
      role: 'administrator',
      email: `no-script-${lang}@example.test`,
    });
    const visitor = await journey.arrive(lang, { javaScriptEnabled: false });
    const start = new StartPage(visitor);
    await start.expectShown();
    expect(await visitor.page.locator('body').getAttribute('class')).not.toContain('js-enabled');

    const signIn = await start.startNow();
    await signIn.expectShown();
    // The show-password button needs JavaScript, so it stays hidden without it.
    expect(await visitor.page.getByRole('button', { name: visitor.t('common.password.showAria') }).count()).toBe(0);

    let response = await signIn.signIn(user.email, '');
    expect(response.status()).toBe(400);
    await signIn.expectShown({ error: true });
    await signIn.expectErrors({ password: 'pages.signIn.errors.passwordMissing' });
    expect(await signIn.emailValue()).toBe(user.email);

    response = await signIn.signIn(user.email, user.password);
    expect(response.status()).toBe(200);
    const home = new HomePage(visitor);
    await home.expectShown(user.displayName);

    await home.goToNavigation('users');
    await home.signOut();
    await signIn.expectShown();
    await signIn.expectSuccessBanner('pages.signIn.notices.signedOut');
  },
);
