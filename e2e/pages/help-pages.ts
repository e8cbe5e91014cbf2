import { BasePage } from './base-page.ts';

export class AccessibilityStatementPage extends BasePage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.accessibility.heading', { titleKey: 'pages.accessibility.title' });
  }
}

export class PrivacyNoticePage extends BasePage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.privacy.heading', { titleKey: 'pages.privacy.title' });
  }
}
