// "Sign in with Hwb" in Chromium, in English and in Welsh: the app and a real OpenID provider
// (test/support/oidc-provider.ts) each on a loopback port, the browser going between them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { freePort, startServer, type TestServer } from './support/server.ts';
import { LANGUAGES, Visitor } from './support/visitor.ts';
import { createPerson } from './support/people.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { AccountPage } from './pages/account-pages.ts';
import { SingleSignOnPage } from './pages/single-sign-on-pages.ts';
import { startOidcProvider, type TestOidcProvider } from '../test/support/oidc-provider.ts';

const NAMES = { en: 'Hwb', cy: 'Hwb' };

let server: TestServer;
let provider: TestOidcProvider;
let browser: Browser;
const visitors: Visitor[] = [];

beforeAll(async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ redirectUris: [`${origin}/sign-in/sso/callback`], idTokenSeconds: 300 });
  [server, browser] = await Promise.all([
    startServer({ port, env: { PUBLIC_URL: origin, ...provider.env(NAMES) } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await Promise.all(visitors.map((v) => v.close().catch(() => undefined)));
  await browser?.close();
  await server?.close();
  await provider?.close();
});

async function arrive(lang: (typeof LANGUAGES)[number]): Promise<Visitor> {
  const visitor = await Visitor.open(browser, server.baseUrl, lang);
  visitors.push(visitor);
  await visitor.arrive();
  return visitor;
}

describe('single sign-on', () => {
  test.for(LANGUAGES)(
    'a teacher (%s) signs in with Hwb, lands on the page they asked for, and removes the link',
    async (lang) => {
      const person = await createPerson(server.db, { role: 'practitioner', email: `hwb-${lang}@hwbcymru.net` });
      provider.accounts.set(`subject-${lang}`, { email: person.email, email_verified: true });
      const visitor = await arrive(lang);

      // Asking for the account page while signed out leads to sign-in, with the Hwb button.
      await visitor.visit('/account');
      expect(visitor.path()).toBe('/sign-in');
      await new SignInPage(visitor).expectShown();
      const sso = new SingleSignOnPage(visitor);
      await sso.signInAtProvider(NAMES[lang], provider.issuer, `subject-${lang}`);

      expect(visitor.path()).toBe('/account');
      const account = new AccountPage(visitor);
      await account.expectShown();
      expect(await sso.linkedCount(NAMES[lang])).toBe(1);

      const response = await sso.removeLink(NAMES[lang]);
      expect(response.status()).toBe(200);
      await account.expectSuccessBanner('singleSignOn.account.removed');
      expect(await sso.linkedCount(NAMES[lang])).toBe(0);
    },
  );

  test.for(LANGUAGES)('someone (%s) with no Cydwella account is told whom to ask', async (lang) => {
    provider.accounts.set(`stranger-${lang}`, { email: `stranger-${lang}@hwbcymru.net`, email_verified: true });
    const visitor = await arrive(lang);
    await new SignInPage(visitor).open();
    const sso = new SingleSignOnPage(visitor);
    await sso.signInAtProvider(NAMES[lang], provider.issuer, `stranger-${lang}`);
    await sso.expectNotLinked(NAMES[lang]);
  });
});
