import { expect } from 'vitest';
import type { Response } from 'playwright-core';
import { BasePage } from './base-page.ts';

export class UserDetailPage extends BasePage {
  async expectShown(displayName: string): Promise<void> {
    expect(await this.heading()).toBe(displayName);
    expect(await this.visitor.title()).toBe(`${displayName} – ${this.t('service.name')}`);
  }

  async expectCreated(): Promise<void> {
    await this.expectSuccessBanner('pages.users.created');
  }

  /** The one-time set-password link shown to the administrator. */
  async passwordLink(): Promise<string> {
    return (await this.page.getByTestId('password-link').innerText()).trim();
  }

  hasPasswordLink(): Promise<number> {
    return this.page.getByTestId('password-link').count();
  }

  /** The summary list, key -> value, as shown. */
  async summary(): Promise<Record<string, string>> {
    const rows = await this.page
      .locator('main .govuk-summary-list__row')
      .evaluateAll((rows) =>
        rows.map((row) => [
          (row.querySelector('.govuk-summary-list__key')?.textContent ?? '').trim(),
          (row.querySelector('.govuk-summary-list__value')?.textContent ?? '').trim(),
        ]),
      );
    return Object.fromEntries(rows);
  }

  /** The roles table, as "role | where" lines. */
  async roles(): Promise<string[]> {
    return this.page.locator('main table tbody tr').evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')]
          .slice(0, 2)
          .map((td) => (td.textContent ?? '').trim())
          .join(' | '),
      ),
    );
  }

  async backToUsers(): Promise<Response> {
    return this.visitor.navigate(() => this.page.getByRole('link', { name: this.t('pages.users.back') }).click());
  }
}
