import type { Locator, Response } from 'playwright-core';
import type { Language } from '../support/visitor.ts';
import { SchoolAreaPage } from './school-area-page.ts';

export type OutputKind = 'sdp_summary' | 'self_evaluation' | 'progress' | 'support_log';
export type Download = { contentType: string; fileName: string; body: Buffer };

/** /schools/:number/outputs: the documents written from what the school recorded, and who may read them. */
export class OutputsPage extends SchoolAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.outputs.heading', { titleKey: 'pages.outputs.title' });
  }

  private card(kind: OutputKind): Locator {
    return this.page.locator('main .govuk-summary-card', {
      has: this.page.getByRole('heading', { name: this.t(`outputs.titles.${kind}`), exact: true }),
    });
  }

  /** The documents offered, by title. */
  async documents(): Promise<string[]> {
    return (await this.page.locator('main .govuk-summary-card__title').allInnerTexts()).map((text) => text.trim());
  }

  /** Who a document is shared with, as its sharing panel says. */
  async sharedWith(kind: OutputKind): Promise<string[]> {
    return (await this.card(kind).locator('.cyd-sharing .govuk-tag').allInnerTexts()).map((text) => text.trim());
  }

  async share(kind: OutputKind, audience: 'governors' | 'la' | 'public'): Promise<Response> {
    const card = this.card(kind);
    await card
      .getByLabel(this.t('sharing.shareWith'), { exact: true })
      .selectOption({ label: this.t(`reference.audience.${audience}`) });
    return this.visitor.navigate(() =>
      card.getByRole('button', { name: this.t('sharing.share'), exact: true }).click(),
    );
  }

  /** Follows a download link (labelled in the reader's language: "PDF yn Saesneg", "Bilingual PDF"...) and keeps what arrives. */
  async download(kind: OutputKind, format: 'pdf' | 'docx', language: Language | 'bilingual'): Promise<Download> {
    const name = this.t(`pages.outputs.formats.${format}.${language}`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The link's accessible name goes on with the document's title (": School development plan...").
    const link = this.card(kind).getByRole('link', { name: new RegExp(`^${name}\\s*:`) });
    const href = (await link.getAttribute('href')) ?? '';
    const response = this.page.waitForResponse((r) => r.url().endsWith(href));
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    const headers = await (await response).allHeaders();
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return {
      contentType: headers['content-type'] ?? '',
      fileName: download.suggestedFilename(),
      body: Buffer.concat(chunks),
    };
  }
}
