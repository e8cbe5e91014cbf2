import { expect } from 'vitest';
import type { Response } from 'playwright-core';
import type { Role } from '../../src/policy/roles.ts';
import { BasePage } from './base-page.ts';

/** A place's people page (/schools/:number/people and the like): who holds which role there. */
export class PeopleListPage extends BasePage {
  async expectShown(placeName: string): Promise<void> {
    await this.expectHeading('people.list.heading');
    await this.expectTitle(this.t('people.list.title', { place: placeName }));
  }

  async addPerson(): Promise<Response> {
    return this.visitor.navigate(() =>
      this.page.getByRole('link', { name: this.t('people.list.add'), exact: true }).click(),
    );
  }

  /** Each row as "name | role | ends", as a reader scans the table. */
  async rows(): Promise<string[]> {
    return this.page
      .locator('table.govuk-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) =>
          [...r.querySelectorAll('td')].map((td) => (td.querySelector('a') ?? td).textContent!.trim()).join(' | '),
        ),
      );
  }
}

export type NewPerson = { email?: string; displayName?: string; role?: Role };

/** The form that gives someone a role at the place. */
export class AddPersonPage extends BasePage {
  async expectShown(placeName: string, options: { error?: boolean } = {}): Promise<void> {
    await this.expectHeading('people.new.heading');
    await this.expectTitle(this.t('people.new.title', { place: placeName }), options);
  }

  async add(person: NewPerson): Promise<Response> {
    if (person.email !== undefined) await this.field('people.fields.email').fill(person.email);
    if (person.displayName !== undefined) await this.field('people.fields.name').fill(person.displayName);
    if (person.role) await this.page.getByLabel(this.t(`roles.${person.role}`), { exact: true }).check();
    const response = await this.submit('people.new.submit');
    expect(response).toBeTruthy();
    return response;
  }
}
