import type { Response } from 'playwright-core';
import { BasePage } from './base-page.ts';

export type AuditRow = { who: string; action: string; record: string };

export class AuditLogPage extends BasePage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.audit.heading', { titleKey: 'pages.audit.title' });
  }

  async filterByAction(action: string): Promise<Response> {
    await this.field('pages.audit.action').selectOption(action);
    return this.submit('common.filter');
  }

  async selectedAction(): Promise<string> {
    return this.field('pages.audit.action').inputValue();
  }

  async count(): Promise<string> {
    return (await this.page.locator('main [role="status"]').innerText()).trim();
  }

  async rows(): Promise<AuditRow[]> {
    return this.page.locator('main table > tbody > tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll(':scope > td')].map((td) =>
          (td.textContent ?? '').replace(/\s+/g, ' ').trim(),
        );
        return { who: cells[1] ?? '', action: cells[2] ?? '', record: cells[3] ?? '' };
      }),
    );
  }

  /** Opens the "Show the change" details of the first row. */
  async showFirstChange(): Promise<string> {
    const details = this.page.locator('main table > tbody > tr').first().locator('details');
    await details.locator('summary').click();
    return (await details.innerText()).trim();
  }
}
