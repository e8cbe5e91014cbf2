import type { Response } from 'playwright-core';
import type { Role } from '../../src/policy/roles.ts';
import { BasePage } from './base-page.ts';

export type NewUser = { displayName?: string; email?: string; language?: 'en' | 'cy'; role?: Role; scope?: string };

export class NewUserPage extends BasePage {
  async expectShown(options: { error?: boolean } = {}): Promise<void> {
    await this.expectHeading('pages.users.new.heading', { titleKey: 'pages.users.new.title', error: options.error });
  }

  /** Fills in what is given (by label, as a person reads the form) and leaves the rest as it is. */
  async fill(user: NewUser): Promise<void> {
    if (user.displayName !== undefined) await this.field('pages.users.name').fill(user.displayName);
    if (user.email !== undefined) await this.field('pages.users.email').fill(user.email);
    if (user.language)
      await this.page.getByLabel(user.language === 'cy' ? 'Cymraeg' : 'English', { exact: true }).check();
    if (user.role) await this.field('pages.users.role').selectOption({ label: this.t(`roles.${user.role}`) });
    if (user.scope !== undefined) await this.field('pages.users.scope').fill(user.scope);
  }

  async create(user: NewUser): Promise<Response> {
    await this.fill(user);
    return this.submit('pages.users.new.submit');
  }

  async values(): Promise<{ displayName: string; email: string; scope: string }> {
    return {
      displayName: await this.field('pages.users.name').inputValue(),
      email: await this.field('pages.users.email').inputValue(),
      scope: await this.field('pages.users.scope').inputValue(),
    };
  }
}
