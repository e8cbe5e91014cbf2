import { expect } from 'vitest';
import type { Locator, Response } from 'playwright-core';
import { BasePage, startingWith } from './base-page.ts';

export type SchoolResult = { name: string; line: string };
export type FacetGroup = 'sector' | 'wm';

const numberFormats = { en: new Intl.NumberFormat('en-GB'), cy: new Intl.NumberFormat('cy-GB') };

/** /schools: the search box, the filters (each option with its count), the results and their pages. */
export class SchoolSearchPage extends BasePage {
  async open(): Promise<Response> {
    return this.visitor.visit('/schools');
  }

  async expectShown(options: { q?: string } = {}): Promise<void> {
    await this.expectHeading('pages.directory.heading');
    const title = options.q ? this.t('pages.directory.titleSearch', { q: options.q }) : this.t('pages.directory.title');
    expect(await this.visitor.title()).toBe(`${title} – ${this.t('service.name')}`);
  }

  formatCount(n: number): string {
    return numberFormats[this.visitor.lang].format(n);
  }

  /** "1,544 schools" / "1,544 o ysgolion", as the page words a count. */
  countText(n: number): string {
    return this.t('pages.directory.count', { count: n, replace: { count: this.formatCount(n) } });
  }

  async count(): Promise<string> {
    return (await this.page.locator('main h2[role="status"]').innerText()).trim();
  }

  async search(text: string): Promise<Response> {
    await this.field('pages.directory.search.label').fill(text);
    return this.submit('pages.directory.search.button');
  }

  async searchText(): Promise<string> {
    return this.field('pages.directory.search.label').inputValue();
  }

  private group(group: FacetGroup): Locator {
    // A folded group's fieldset is hidden until its <details> opens.
    return this.page.getByRole('group', {
      name: this.t(`pages.directory.filters.${group}`),
      exact: true,
      includeHidden: true,
    });
  }

  /** A filter's checkbox, found by its label ("Primary (1,261)") whatever its count. */
  option(group: FacetGroup, code: string): Locator {
    const label = this.t(`reference.${group}.${code}`);
    return this.group(group).getByRole('checkbox', { name: startingWith(`${label} (`), includeHidden: true });
  }

  /** The label of an option, with the number of schools it would give. */
  async optionLabel(group: FacetGroup, code: string): Promise<string> {
    const id = await this.option(group, code).getAttribute('id');
    return ((await this.page.locator(`label[for="${id}"]`).textContent()) ?? '').trim();
  }

  /** Ticks an option, opening its folded group first as a person would. */
  async tick(group: FacetGroup, code: string): Promise<void> {
    const box = this.option(group, code);
    if (!(await box.isVisible())) {
      const legend = this.t(`pages.directory.filters.${group}`);
      await this.page.locator('main details summary', { hasText: legend }).click();
    }
    await box.check();
  }

  async applyFilters(): Promise<Response> {
    return this.submit('common.filter');
  }

  async results(): Promise<SchoolResult[]> {
    return this.page
      .getByRole('list', { name: this.t('pages.directory.resultsLabel') })
      .locator(':scope > li')
      .evaluateAll((items) =>
        items.map((li) => ({
          name: (li.querySelector('h3 a')?.textContent ?? '').trim(),
          line: (li.querySelector('p')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        })),
      );
  }

  private pagination(): Locator {
    return this.page.getByRole('navigation', { name: this.t('common.pagination.label'), exact: true });
  }

  async currentPage(): Promise<string> {
    return (await this.pagination().locator('[aria-current="page"]').innerText()).trim();
  }

  async nextPage(): Promise<Response> {
    return this.visitor.navigate(() =>
      this.pagination()
        .getByRole('link', { name: this.t('common.pagination.next') })
        .click(),
    );
  }

  async openSchool(name: string): Promise<SchoolPage> {
    await this.visitor.navigate(() =>
      this.page
        .getByRole('list', { name: this.t('pages.directory.resultsLabel') })
        .getByRole('link', { name, exact: true })
        .click(),
    );
    return new SchoolPage(this.visitor);
  }
}

/** /schools/:number: the school's details and history. */
export class SchoolPage extends BasePage {
  async expectShown(name: string): Promise<void> {
    expect(await this.heading()).toBe(name);
    expect(await this.visitor.title()).toBe(`${name} – ${this.t('service.name')}`);
  }

  /** The summary list, key -> value, as shown. */
  async details(): Promise<Record<string, string>> {
    const rows = await this.page
      .locator('main .govuk-summary-list__row')
      .evaluateAll((rows) =>
        rows.map((row) => [
          (row.querySelector('.govuk-summary-list__key')?.textContent ?? '').trim(),
          (row.querySelector('.govuk-summary-list__value')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ]),
      );
    return Object.fromEntries(rows);
  }

  async openLocalAuthority(name: string): Promise<LocalAuthorityPage> {
    await this.visitor.navigate(() =>
      this.page.locator('main .govuk-summary-list').getByRole('link', { name, exact: true }).click(),
    );
    return new LocalAuthorityPage(this.visitor);
  }
}

/** /local-authorities/:code: the LA's names and its open schools by sector and Welsh-medium type. */
export class LocalAuthorityPage extends BasePage {
  async expectShown(name: string): Promise<void> {
    expect(await this.heading()).toBe(name);
    expect(await this.visitor.title()).toBe(`${name} – ${this.t('service.name')}`);
  }

  async details(): Promise<Record<string, string>> {
    return new SchoolPage(this.visitor).details();
  }

  /** One of the breakdown tables ("Open schools by sector"), as kind -> count. */
  async breakdown(
    captionKey: 'pages.localAuthorities.bySector' | 'pages.localAuthorities.byWm',
  ): Promise<Record<string, string>> {
    const table = this.page.getByRole('table', { name: this.t(captionKey), exact: true });
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [
          (row.querySelector('th')?.textContent ?? '').trim(),
          (row.querySelector('td a')?.firstChild?.textContent ?? '').trim(),
        ]),
      );
    return Object.fromEntries(rows);
  }
}

/** /local-authorities: the 22 LAs with their open schools. */
export class LocalAuthoritiesPage extends BasePage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.localAuthorities.heading', { titleKey: 'pages.localAuthorities.title' });
  }

  /** Each row: the LA's name and its open schools, as shown. */
  async rows(): Promise<{ name: string; openSchools: string; bySector: string }[]> {
    return this.page
      .getByRole('table', { name: this.t('pages.localAuthorities.caption'), exact: true })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => {
          const cells = [...row.querySelectorAll('th, td')].map((cell) =>
            (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
          );
          return { name: cells[0] ?? '', openSchools: cells[1] ?? '', bySector: cells[2] ?? '' };
        }),
      );
  }
}
