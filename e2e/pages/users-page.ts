import type { Response } from 'playwright-core';
import { BasePage } from './base-page.ts';
import { NewUserPage } from './new-user-page.ts';
import { UserDetailPage } from './user-detail-page.ts';

export type UserRow = { name: string; email: string; roles: string; status: string };

export class UsersPage extends BasePage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.users.heading', { titleKey: 'pages.users.title' });
  }

  async search(text: string): Promise<Response> {
    await this.field('pages.users.search').fill(text);
    return this.submit('common.filter');
  }

  async count(): Promise<string> {
    return (await this.page.locator('main [role="status"]').innerText()).trim();
  }

  async rows(): Promise<UserRow[]> {
    return this.page.locator('main table tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim());
        return { name: cells[0] ?? '', email: cells[1] ?? '', roles: cells[2] ?? '', status: cells[3] ?? '' };
      }),
    );
  }

  async createUser(): Promise<NewUserPage> {
    await this.visitor.navigate(() => this.page.getByRole('button', { name: this.t('pages.users.create') }).click());
    return new NewUserPage(this.visitor);
  }

  async openUser(displayName: string): Promise<UserDetailPage> {
    await this.visitor.navigate(() =>
      this.page.locator('main table').getByRole('link', { name: displayName, exact: true }).click(),
    );
    return new UserDetailPage(this.visitor);
  }
}
