import { expect } from 'vitest';
import { BasePage } from './base-page.ts';

export class HomePage extends BasePage {
  async expectShown(displayName: string): Promise<void> {
    await this.expectHeading('pages.home.heading', { titleKey: 'pages.home.title', values: { name: displayName } });
    expect(await this.signOutButton().count()).toBe(1);
  }

  /** The "Your roles" list, as shown. */
  async roles(): Promise<string[]> {
    const items = await this.page.locator('main ul.govuk-list--bullet li').allInnerTexts();
    return items.map((text) => text.trim());
  }
}
