import { expect } from 'vitest';
import type { Response } from 'playwright-core';
import { BasePage } from './base-page.ts';

/** The account's two-factor page: on or off, and the way to set it up. */
export class TwoFactorStatusPage extends BasePage {
  async open(): Promise<Response> {
    return this.visitor.visit('/account/two-factor');
  }

  async expectShown(): Promise<void> {
    await this.expectHeading('twoFactor.status.heading', { titleKey: 'twoFactor.status.title' });
  }

  async state(): Promise<string> {
    return (await this.page.locator('.govuk-summary-list__value').first().innerText()).trim();
  }

  async startSetUp(): Promise<TwoFactorSetUpPage> {
    await this.visitor.navigate(() =>
      this.page.getByRole('button', { name: this.t('twoFactor.status.turnOn'), exact: true }).click(),
    );
    return new TwoFactorSetUpPage(this.visitor);
  }
}

export class TwoFactorSetUpPage extends BasePage {
  async expectShown(options: { error?: boolean } = {}): Promise<void> {
    await this.expectHeading('twoFactor.setUp.heading', { titleKey: 'twoFactor.setUp.title', error: options.error });
    await expect.poll(() => this.page.getByRole('img', { name: this.t('twoFactor.setUp.qrLabel') }).count()).toBe(1);
  }

  /** The key shown for typing by hand, as an authenticator app would take it. */
  async secret(): Promise<string> {
    return (await this.page.locator('#two-factor-secret').innerText()).replace(/\s/g, '');
  }

  async confirm(code: string): Promise<Response> {
    await this.field('twoFactor.setUp.code').fill(code);
    return this.submit('twoFactor.setUp.submit');
  }
}

export class RecoveryCodesPage extends BasePage {
  async expectShown(): Promise<void> {
    await this.expectHeading('twoFactor.recoveryCodes.heading', { titleKey: 'twoFactor.recoveryCodes.title' });
  }

  async codes(): Promise<string[]> {
    return this.page.locator('#recovery-codes code').allInnerTexts();
  }

  async carryOn(): Promise<Response> {
    return this.visitor.navigate(() =>
      this.page.getByRole('button', { name: this.t('twoFactor.recoveryCodes.continue'), exact: true }).click(),
    );
  }
}

/** The second step of signing in. */
export class SignInCodePage extends BasePage {
  async expectShown(options: { error?: boolean } = {}): Promise<void> {
    await this.expectHeading('twoFactor.signIn.heading', { titleKey: 'twoFactor.signIn.title', error: options.error });
  }

  async enter(code: string): Promise<Response> {
    await this.field('twoFactor.signIn.code').fill(code);
    return this.submit('twoFactor.signIn.submit');
  }
}
