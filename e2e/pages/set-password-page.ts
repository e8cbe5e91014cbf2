import type { Response } from 'playwright-core';
import { BasePage } from './base-page.ts';

export class SetPasswordPage extends BasePage {
  /** Opens a link as handed out (its address is the app's public URL) on the running app. */
  async open(link: string): Promise<Response> {
    const { pathname } = new URL(link);
    return this.visitor.visit(pathname);
  }

  async expectShown(options: { error?: boolean } = {}): Promise<void> {
    await this.expectHeading('pages.setPassword.heading', {
      titleKey: 'pages.setPassword.title',
      error: options.error,
    });
  }

  async setPassword(password: string, confirmation = password): Promise<Response> {
    await this.field('pages.setPassword.password').fill(password);
    await this.field('pages.setPassword.confirm').fill(confirmation);
    return this.submit('pages.setPassword.submit');
  }
}
