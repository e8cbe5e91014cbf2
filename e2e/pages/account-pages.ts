import type { Response } from 'playwright-core';
import { BasePage } from './base-page.ts';

export class AccountPage extends BasePage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.account.heading', { titleKey: 'pages.account.title' });
  }

  async changePassword(): Promise<ChangePasswordPage> {
    await this.visitor.navigate(() =>
      this.page.getByRole('link', { name: this.t('pages.account.changePassword') }).click(),
    );
    return new ChangePasswordPage(this.visitor);
  }
}

export class ChangePasswordPage extends BasePage {
  async expectShown(options: { error?: boolean } = {}): Promise<void> {
    await this.expectHeading('pages.changePassword.heading', {
      titleKey: 'pages.changePassword.title',
      error: options.error,
    });
  }

  async change(current: string, next: string, confirmation = next): Promise<Response> {
    await this.field('pages.changePassword.current').fill(current);
    await this.field('pages.changePassword.new').fill(next);
    await this.field('pages.changePassword.confirm').fill(confirmation);
    return this.submit('pages.changePassword.submit');
  }
}
