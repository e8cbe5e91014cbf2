import { expect } from 'vitest';
import type { Locator, Page, Response } from 'playwright-core';
import type { Language, Visitor } from '../support/visitor.ts';

export type ErrorLink = { text: string; href: string };

/** A name that starts with this text: links often end with words only a screen reader hears. */
export function startingWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/** What every page has: the header (navigation, language toggle, sign out), a title, an h1, forms. */
export abstract class BasePage {
  readonly visitor: Visitor;
  constructor(visitor: Visitor) {
    this.visitor = visitor;
  }

  get page(): Page {
    return this.visitor.page;
  }

  t(key: string, options?: Record<string, unknown>): string {
    return this.visitor.t(key, options);
  }

  /** The page is the one expected: its h1 and its <title> come from the catalogue. */
  async expectHeading(
    headingKey: string,
    options: { titleKey?: string; values?: Record<string, unknown>; error?: boolean } = {},
  ): Promise<void> {
    expect(await this.heading()).toBe(this.t(headingKey, options.values));
    if (options.titleKey) {
      const prefix = options.error ? `${this.t('common.errorPrefix')}: ` : '';
      expect(await this.visitor.title()).toBe(`${prefix}${this.t(options.titleKey)} – ${this.t('service.name')}`);
    }
  }

  /** The <title>: the page's own title, then the service's name; "Error: " first when a form came back. */
  async expectTitle(title: string, options: { error?: boolean } = {}): Promise<void> {
    const prefix = options.error ? `${this.t('common.errorPrefix')}: ` : '';
    expect(await this.visitor.title()).toBe(`${prefix}${title} – ${this.t('service.name')}`);
  }

  async heading(): Promise<string> {
    return (await this.page.locator('h1').innerText()).trim();
  }

  /** Nothing wider than the window: on a phone, a page that scrolls sideways fails WCAG 1.4.10 (reflow). */
  async expectNoSidewaysScroll(): Promise<void> {
    const widths = await this.page.evaluate(
      '({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth })',
    );
    const { page, window } = widths as { page: number; window: number };
    expect(page, `width of ${this.page.url()}`).toBeLessThanOrEqual(window);
  }

  // The header

  /** The link to the other language in the header's language toggle. */
  languageLink(lang: Language): Locator {
    return this.page
      .getByRole('navigation', { name: this.t('chrome.language.label') })
      .locator(`a[hreflang="${lang}"]`);
  }

  async switchLanguage(lang: Language): Promise<Response> {
    const link = this.languageLink(lang);
    const response = await this.visitor.navigate(async () => {
      this.visitor.lang = lang;
      await link.click();
    });
    return response;
  }

  async goToNavigation(
    key: 'home' | 'users' | 'audit' | 'account' | 'schools' | 'localAuthorities',
  ): Promise<Response> {
    const menu = this.page.getByRole('navigation', { name: this.t('chrome.nav.label') });
    const link = menu.getByRole('link', { name: this.t(`chrome.nav.${key}`), exact: true, includeHidden: true });
    await this.openMenuIfCollapsed(link);
    return this.visitor.navigate(() => link.click());
  }

  signOutButton(): Locator {
    return this.page.getByRole('button', { name: this.t('chrome.nav.signOut'), exact: true, includeHidden: true });
  }

  async signOut(): Promise<Response> {
    const button = this.signOutButton();
    await this.openMenuIfCollapsed(button);
    return this.visitor.navigate(() => button.click());
  }

  /** On a narrow screen (with JavaScript) the service navigation folds behind a "Menu" button. */
  private async openMenuIfCollapsed(item: Locator): Promise<void> {
    if (await item.isVisible()) return;
    await this.page.getByRole('button', { name: this.t('chrome.nav.menu'), exact: true }).click();
  }

  async followFooterLink(key: 'accessibility' | 'privacy'): Promise<Response> {
    const footer = this.page.getByRole('contentinfo');
    return this.visitor.navigate(() =>
      footer.getByRole('link', { name: this.t(`chrome.footer.${key}`), exact: true }).click(),
    );
  }

  // Forms

  /**
   * Names an action's owner as someone outside Cydwella (src/views/partials/owner-picker.njk): the
   * last radio, or the last option when the people are many, then their name.
   */
  async nameOwnerOutside(name: string, within: Page | Locator = this.page): Promise<void> {
    const radio = within.getByRole('radio', { name: this.t('common.owner.outside'), exact: true });
    if (await radio.count()) await radio.check();
    else await within.locator('select[name="ownerUserId"]').selectOption('outside');
    await within.getByLabel(this.t('common.owner.outsideNameAfterList'), { exact: true }).fill(name);
  }

  field(labelKey: string, values?: Record<string, unknown>): Locator {
    return this.page.getByLabel(this.t(labelKey, values), { exact: true });
  }

  async submit(buttonKey: string): Promise<Response> {
    return this.visitor.navigate(() => this.page.getByRole('button', { name: this.t(buttonKey), exact: true }).click());
  }

  /** The GOV.UK error summary's links, in order, as text and the field they point at. */
  async errorSummary(): Promise<ErrorLink[]> {
    const summary = this.page.locator('.govuk-error-summary');
    expect(await summary.getAttribute('data-module')).toBe('govuk-error-summary');
    expect((await summary.locator('.govuk-error-summary__title').innerText()).trim()).toBe(
      this.t('common.errorSummaryTitle'),
    );
    return summary
      .locator('.govuk-error-summary__list a')
      .evaluateAll((links) =>
        links.map((a) => ({ text: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' })),
      );
  }

  /**
   * Expects the page to show exactly these errors (field -> catalogue key): each in the summary
   * linking to its field, each beside its field (with the hidden "Error:" prefix, and the
   * field pointing at it with aria-describedby), and "Error:" at the start of the <title>.
   */
  async expectErrors(errors: Record<string, string>, options: { inline?: boolean } = {}): Promise<void> {
    const expected = Object.entries(errors).map(([field, key]) => ({ text: this.t(key), href: `#${field}` }));
    expect(await this.errorSummary()).toEqual(expected);
    expect(await this.visitor.title()).toMatch(new RegExp(`^${this.t('common.errorPrefix')}: `));
    if (options.inline === false) {
      expect(await this.page.locator('.govuk-error-message').count()).toBe(0);
      return;
    }
    for (const { href, text } of expected) {
      const id = href.slice(1);
      expect(await this.page.locator(href).count(), `the field ${href} the summary links to`).toBe(1);
      const message = (await this.page.locator(`#${id}-error`).innerText()).replace(/\s+/g, ' ').trim();
      expect(message).toBe(`${this.t('common.error')}: ${text}`);
      // Radios and checkboxes carry it on their fieldset, as GOV.UK's macros do; other fields on themselves.
      const describedBy = await this.page
        .locator(href)
        .evaluate((field) =>
          [field, field.closest('fieldset')]
            .map((element) => element?.getAttribute('aria-describedby') ?? '')
            .join(' '),
        );
      expect(describedBy.split(' ')).toContain(`${id}-error`);
    }
  }

  /** Follows the first error summary link: the field it names should then have the focus. */
  async followFirstErrorLink(): Promise<string | null> {
    await this.page.locator('.govuk-error-summary__list a').first().click();
    return this.page.locator(':focus').getAttribute('id');
  }

  successBanner(): Locator {
    return this.page.locator('.govuk-notification-banner--success');
  }

  async expectSuccessBanner(key: string): Promise<void> {
    const banner = this.successBanner();
    expect((await banner.locator('.govuk-notification-banner__title').innerText()).trim()).toBe(
      this.t('common.success'),
    );
    expect((await banner.locator('.govuk-notification-banner__content').innerText()).trim()).toBe(this.t(key));
  }
}
