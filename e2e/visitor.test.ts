import { expect } from 'vitest';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES, type Language } from './support/visitor.ts';
import { StartPage } from './pages/start-page.ts';
import { AccessibilityStatementPage, PrivacyNoticePage } from './pages/help-pages.ts';
import { NotFoundPage } from './pages/not-found-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const other = (lang: Language): Language => (lang === 'en' ? 'cy' : 'en');

journeyTest.concurrent.for(LANGUAGES)(
  'a visitor (%s) reads the start page, the accessibility statement and the privacy notice, meets a 404 and reaches sign-in',
  async (lang, { journey }) => {
    const visitor = await journey.arrive(lang);
    const start = new StartPage(visitor);
    await start.expectShown();
    expect(await visitor.htmlLang()).toBe(lang);
    expect(await start.signOutButton().count()).toBe(0);
    // A visitor has no menu: the service navigation must not offer an empty one.
    expect(await visitor.page.getByRole('navigation', { name: visitor.t('chrome.nav.label') }).count()).toBe(0);

    await start.followFooterLink('accessibility');
    const statement = new AccessibilityStatementPage(visitor);
    await statement.expectShown();

    await statement.followFooterLink('privacy');
    await new PrivacyNoticePage(visitor).expectShown();

    const notFound = new NotFoundPage(visitor);
    const response = await notFound.open('/no-such-page');
    expect(response.status()).toBe(404);
    await notFound.expectShown();
    await notFound.goHome();
    await start.expectShown();

    const signIn = await start.startNow();
    await signIn.expectShown();
    expect(visitor.path()).toBe('/sign-in');
  },
);

journeyTest.concurrent.for(LANGUAGES)(
  'a visitor (%s) switches language with the header toggle, and the choice carries to the next page',
  async (lang, { journey }) => {
    const visitor = await journey.arrive(lang);
    const start = new StartPage(visitor);
    const headingBefore = await start.heading();

    // The toggle offers only the other language, as a link marked with that language.
    expect(await start.languageLink(lang).count()).toBe(0);
    expect(await start.languageLink(other(lang)).getAttribute('lang')).toBe(other(lang));

    await start.switchLanguage(other(lang));
    expect(await visitor.htmlLang()).toBe(other(lang));
    expect(visitor.path()).toBe('/');
    await start.expectShown();
    expect(await start.heading()).not.toBe(headingBefore);

    // No ?lang= on the next page: the cookie remembers the choice.
    await start.followFooterLink('accessibility');
    expect(new URL(visitor.page.url()).search).toBe('');
    expect(await visitor.htmlLang()).toBe(other(lang));
    await new AccessibilityStatementPage(visitor).expectShown();

    const signIn = new SignInPage(visitor);
    await signIn.open();
    await signIn.expectShown();

    // And back again, on a page that is not the start page: the visitor stays where they are.
    await signIn.switchLanguage(lang);
    expect(visitor.path()).toBe('/sign-in');
    expect(await visitor.htmlLang()).toBe(lang);
    await signIn.expectShown();
    await new StartPage(visitor).open();
    await start.expectShown();
  },
);
