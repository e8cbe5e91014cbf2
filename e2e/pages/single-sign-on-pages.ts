import type { Response } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.ts';
import { BasePage, startingWith } from './base-page.ts';

/** "Sign in with Hwb" from the sign-in page, through the provider's own login form, and back. */
export class SingleSignOnPage extends BasePage {
  button(provider: string) {
    return this.page.getByRole('button', { name: this.t('singleSignOn.button', { provider }) });
  }

  /**
   * Signs in at the provider as `subject`. Its pages are not ours (nor in our language), so the
   * checks every page of ours gets are made once the person is back.
   */
  async signInAtProvider(provider: string, issuer: string, subject: string): Promise<void> {
    const { page } = this.visitor;
    await Promise.all([page.waitForURL((url) => url.origin === issuer), this.button(provider).click()]);
    await page.locator('input[name="login"]').fill(subject);
    await page.locator('input[name="password"]').fill('any password');
    await Promise.all([
      page.waitForURL((url) => url.origin === new URL(this.visitor.baseUrl).origin),
      page.locator('button[type="submit"]').click(),
    ]);
    await page.waitForLoadState('load');
    expect(await this.visitor.htmlLang()).toBe(this.visitor.lang);
    await expectNoAxeViolations(page);
  }

  async expectNotLinked(provider: string): Promise<void> {
    await this.expectHeading('singleSignOn.problems.notLinked.title', {
      titleKey: 'singleSignOn.problems.notLinked.title',
    });
    await expect
      .poll(() => this.page.getByText(this.t('singleSignOn.problems.notLinked.ask', { provider })).count())
      .toBe(1);
  }

  /** How many linked sign-ins for this provider the account page lists. */
  async linkedCount(provider: string): Promise<number> {
    return this.page.getByRole('rowheader', { name: startingWith(provider) }).count();
  }

  async removeLink(provider: string): Promise<Response> {
    const row = this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: startingWith(provider) }) });
    return this.visitor.navigate(() =>
      row.getByRole('button', { name: startingWith(this.t('singleSignOn.account.remove')) }).click(),
    );
  }
}
