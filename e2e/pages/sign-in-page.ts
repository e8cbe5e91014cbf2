import type { Response } from 'playwright-core';
import { BasePage } from './base-page.ts';

export class SignInPage extends BasePage {
  async open(): Promise<Response> {
    return this.visitor.visit('/sign-in');
  }

  async expectShown(options: { error?: boolean } = {}): Promise<void> {
    await this.expectHeading('pages.signIn.heading', { titleKey: 'pages.signIn.title', error: options.error });
  }

  async signIn(email: string, password: string): Promise<Response> {
    await this.field('pages.signIn.email').fill(email);
    await this.field('pages.signIn.password').fill(password);
    return this.submit('pages.signIn.submit');
  }

  async emailValue(): Promise<string> {
    return this.field('pages.signIn.email').inputValue();
  }
}
