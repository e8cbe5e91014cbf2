import { expect } from 'vitest';
import type { Locator, Response } from 'playwright-core';
import { BasePage } from './base-page.ts';

export type SchoolSection = 'home' | 'cycle' | 'evidence' | 'findings' | 'priorities' | 'plan' | 'impact' | 'outputs';

/** A page of a school's improvement area: the school's name above its own section navigation. */
export abstract class SchoolAreaPage extends BasePage {
  private sections(): Locator {
    return this.page.getByRole('navigation', { name: this.t('school.nav.label'), exact: true });
  }

  async goToSection(section: SchoolSection): Promise<Response> {
    return this.visitor.navigate(() =>
      this.sections()
        .getByRole('link', { name: this.t(`school.nav.${section}`), exact: true })
        .click(),
    );
  }

  /** The section the navigation marks as the current one. */
  async currentSection(): Promise<string> {
    return (await this.sections().locator('[aria-current="page"]').innerText()).trim();
  }

  async expectSchool(name: string): Promise<void> {
    expect((await this.page.locator('main .govuk-caption-l').first().innerText()).trim()).toBe(name);
  }

  /** Follows a link in the page's main content, by its accessible name. */
  async followLink(name: string | RegExp): Promise<Response> {
    return this.visitor.navigate(() =>
      this.page
        .getByRole('main')
        .getByRole('link', { name, exact: typeof name === 'string' })
        .first()
        .click(),
    );
  }

  /** Presses a button in the page's main content (a link styled as a button included). */
  async press(name: string | RegExp): Promise<Response> {
    const main = this.page.getByRole('main');
    const exact = typeof name === 'string';
    const button = main.getByRole('button', { name, exact });
    const target = (await button.count()) > 0 ? button.first() : main.getByRole('link', { name, exact }).first();
    return this.visitor.navigate(() => target.click());
  }

  /** The text of the success banner, if there is one. */
  async successMessage(): Promise<string> {
    const banner = this.successBanner();
    expect((await banner.locator('.govuk-notification-banner__title').innerText()).trim()).toBe(
      this.t('common.success'),
    );
    return (await banner.locator('.govuk-notification-banner__content').innerText()).replace(/\s+/g, ' ').trim();
  }

  /** A GOV.UK summary list, key -> value, as shown. */
  async summaryList(within: Locator = this.page.getByRole('main')): Promise<Record<string, string>> {
    const rows = await within
      .locator('.govuk-summary-list__row')
      .evaluateAll((rows) =>
        rows.map((row) => [
          (row.querySelector('.govuk-summary-list__key')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          (row.querySelector('.govuk-summary-list__value')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ]),
      );
    return Object.fromEntries(rows);
  }

  /** Fills the boxes of a GOV.UK date input, found by its legend. */
  async fillDate(legend: string, date: { day: number; month: number; year: number }): Promise<void> {
    const group = this.page.getByRole('group', { name: legend, exact: true });
    await group.getByLabel(this.t('common.dateInput.day'), { exact: true }).fill(String(date.day));
    await group.getByLabel(this.t('common.dateInput.month'), { exact: true }).fill(String(date.month));
    await group.getByLabel(this.t('common.dateInput.year'), { exact: true }).fill(String(date.year));
  }
}
