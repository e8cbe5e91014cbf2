import type { Response } from 'playwright-core';
import { BasePage } from './base-page.ts';
import { SignInPage } from './sign-in-page.ts';

export class StartPage extends BasePage {
  async open(): Promise<Response> {
    return this.visitor.visit('/');
  }

  async expectShown(): Promise<void> {
    await this.expectHeading('pages.start.heading', { titleKey: 'pages.start.title' });
  }

  /** The green start button. */
  async startNow(): Promise<SignInPage> {
    await this.visitor.navigate(() => this.page.getByRole('button', { name: this.t('pages.start.signIn') }).click());
    return new SignInPage(this.visitor);
  }
}
