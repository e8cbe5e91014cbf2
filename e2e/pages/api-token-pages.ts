import { expect } from 'vitest';
import type { Response } from 'playwright-core';
import { BasePage, startingWith } from './base-page.ts';

/** /account/api-tokens: make a token (shown once), see them listed, revoke one. */
export class ApiTokensPage extends BasePage {
  async openFromAccount(): Promise<Response> {
    return this.visitor.navigate(() =>
      this.page.getByRole('link', { name: this.t('pages.apiTokens.accountLink'), exact: true }).click(),
    );
  }

  async expectShown(options: { error?: boolean } = {}): Promise<void> {
    await this.expectHeading('pages.apiTokens.heading', { titleKey: 'pages.apiTokens.title', error: options.error });
  }

  async make(form: { name: string; scope?: string; lifetimeKey?: string }): Promise<Response> {
    await this.field('pages.apiTokens.name').fill(form.name);
    if (form.scope) await this.page.getByRole('checkbox', { name: form.scope, exact: true }).check();
    if (form.lifetimeKey) await this.page.getByRole('radio', { name: this.t(form.lifetimeKey), exact: true }).check();
    return this.submit('pages.apiTokens.create');
  }

  /** The token as the page shows it, once. */
  async shownToken(): Promise<string> {
    const token = await this.field('pages.apiTokens.tokenLabel').inputValue();
    expect(token).toMatch(/^cyd_[A-Za-z0-9_-]{43}$/);
    return token;
  }

  async tokenCount(): Promise<number> {
    return this.page.locator('#new-token').count();
  }

  /** The row of the token with this name, as a reader sees it (one line). */
  async row(name: string): Promise<string> {
    const row = this.page.getByRole('row').filter({ hasText: name });
    return (await row.innerText()).replace(/\s+/g, ' ').trim();
  }

  async revoke(name: string): Promise<Response> {
    const row = this.page.getByRole('row').filter({ hasText: name });
    const button = row.getByRole('button', { name: startingWith(this.t('pages.apiTokens.revoke')) });
    expect(await button.getAttribute('type')).toBe('submit');
    expect((await button.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      `${this.t('pages.apiTokens.revoke')}: ${name}`,
    );
    return this.visitor.navigate(() => button.click());
  }
}
