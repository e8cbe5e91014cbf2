import { expect } from 'vitest';
import { BasePage } from './base-page.ts';

export class HomePage extends BasePage {
  async expectShown(displayName: string): Promise<void> {
    await this.expectHeading('pages.home.heading', { titleKey: 'pages.home.title', values: { name: displayName } });
    expect(await this.signOutButton().count()).toBe(1);
  }

  /** The home's sections, as "role: place" (one per place the reader holds a role in, issue 13). */
  async sections(): Promise<string[]> {
    const sections = this.page.locator('main [data-testid="home-section"]');
    const roles = await sections.locator('[data-testid="home-section-role"]').allInnerTexts();
    const places = await sections.locator('[data-testid="home-section-place"]').allInnerTexts();
    return roles.map((role, i) => `${role.trim()}: ${places[i]!.trim()}`);
  }

  /** The lists shown (by key, e.g. "evidence", "meetings"), and whether the home says nothing needs the reader. */
  async lists(): Promise<string[]> {
    return this.page
      .locator('main [data-testid="home-list"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
  }

  async saysNothingNeedsMe(): Promise<boolean> {
    return (await this.page.locator('main [data-testid="home-empty"]').count()) === 1;
  }
}
