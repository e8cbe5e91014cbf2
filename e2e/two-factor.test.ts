import { expect } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES } from './support/visitor.ts';
import { createPerson, TEST_PASSWORD } from './support/people.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { HomePage } from './pages/home-page.ts';
import { RecoveryCodesPage, SignInCodePage, TwoFactorStatusPage } from './pages/two-factor-pages.ts';

/** What the person's authenticator app shows, computed from the key the page gave them. */
const appCode = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

journeyTest.concurrent.for(LANGUAGES)(
  'a user (%s) turns on two-factor sign-in, keeps the recovery codes, and signs in with a code',
  async (lang, { journey }) => {
    const user = await createPerson(journey.server.db, {
      role: 'headteacher',
      email: `two-factor-${lang}@example.test`,
    });
    const visitor = await journey.arrive(lang);
    const signIn = new SignInPage(visitor);
    await signIn.open();
    await signIn.signIn(user.email, TEST_PASSWORD);
    expect(visitor.path()).toBe('/');

    const status = new TwoFactorStatusPage(visitor);
    await status.open();
    await status.expectShown();
    expect(await status.state()).toBe(visitor.t('twoFactor.status.off'));

    const setUp = await status.startSetUp();
    await setUp.expectShown();
    const secret = await setUp.secret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    let response = await setUp.confirm('12345');
    expect(response.status()).toBe(400);
    await setUp.expectShown({ error: true });
    await setUp.expectErrors({ code: 'twoFactor.errors.wrong' });
    expect(await setUp.secret()).toBe(secret);

    response = await setUp.confirm(appCode(secret));
    expect(response.status()).toBe(200);
    const recovery = new RecoveryCodesPage(visitor);
    await recovery.expectShown();
    await recovery.expectSuccessBanner('twoFactor.recoveryCodes.turnedOn');
    expect(await recovery.codes()).toHaveLength(10);
    await recovery.carryOn();
    await status.expectShown();
    expect(await status.state()).toBe(visitor.t('twoFactor.status.on'));

    await status.signOut();
    await signIn.expectShown();
    response = await signIn.signIn(user.email, TEST_PASSWORD);
    expect(visitor.path()).toBe('/sign-in/code');
    const codePage = new SignInCodePage(visitor);
    await codePage.expectShown();
    response = await codePage.enter('000000' === appCode(secret, 1) ? '111111' : '000000');
    expect(response.status()).toBe(400);
    await codePage.expectShown({ error: true });
    await codePage.expectErrors({ code: 'twoFactor.errors.wrong' });

    // The next step's code: the one set-up used may still be current, and a used code is refused.
    await codePage.enter(appCode(secret, 1));
    expect(visitor.path()).toBe('/');
    await new HomePage(visitor).expectShown(user.displayName);
  },
);
