import type { Response } from 'playwright-core';
import { BasePage } from './base-page.ts';

export class NotFoundPage extends BasePage {
  async open(path: string): Promise<Response> {
    return this.visitor.visit(path);
  }

  async expectShown(): Promise<void> {
    await this.expectHeading('errors.not-found.title', { titleKey: 'errors.not-found.title' });
  }

  async goHome(): Promise<Response> {
    return this.visitor.navigate(() => this.page.getByRole('link', { name: this.t('errors.goHome') }).click());
  }
}
