import { expect } from 'vitest';
import type { Locator, Response } from 'playwright-core';
import { SchoolAreaPage } from './school-area-page.ts';

export type EvidenceEntry = { source: string; firstHand: boolean; fromBeyond: boolean; title: string; body?: string };

/** /schools/:number/evidence: the school's evidence, newest first. */
export class EvidenceListPage extends SchoolAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.evidence.list.heading', { titleKey: 'pages.evidence.list.title' });
  }

  async addEvidence(): Promise<EvidenceFormPage> {
    await this.press(this.t('school.nav.recordEvidence'));
    return new EvidenceFormPage(this.visitor);
  }
}

/** /schools/:number/evidence/new: only the kind, the date, first-hand or not and a title are needed. */
export class EvidenceFormPage extends SchoolAreaPage {
  async open(schoolNumber: string): Promise<Response> {
    return this.visitor.visit(`/schools/${schoolNumber}/evidence/new`);
  }

  async expectShown(options: { error?: boolean } = {}): Promise<void> {
    await this.expectHeading('pages.evidence.new.heading', {
      titleKey: 'pages.evidence.new.title',
      error: options.error,
    });
  }

  private group(legendKey: string): Locator {
    return this.page.getByRole('group', { name: this.t(legendKey), exact: true });
  }

  /** The date it was seen, as the form shows it (it starts at today). */
  async observedOn(): Promise<{ day: string; month: string; year: string }> {
    const group = this.group('pages.evidence.fields.observedOn');
    const box = (key: string) => group.getByLabel(this.t(`pages.evidence.fields.${key}`), { exact: true }).inputValue();
    return { day: await box('day'), month: await box('month'), year: await box('year') };
  }

  async fill(entry: EvidenceEntry): Promise<void> {
    await this.group('pages.evidence.fields.source')
      .getByLabel(this.t(`reference.evidenceSource.${entry.source}`), { exact: true })
      .check();
    await this.group('pages.evidence.fields.firstHand')
      .getByLabel(
        this.t(entry.firstHand ? 'pages.evidence.fields.firstHandYes' : 'pages.evidence.fields.firstHandNo'),
        { exact: true },
      )
      .check();
    await this.group('pages.evidence.fields.fromBeyond')
      .getByLabel(this.t(entry.fromBeyond ? 'pages.evidence.fields.beyond' : 'pages.evidence.fields.within'), {
        exact: true,
      })
      .check();
    await this.field('pages.evidence.fields.title').fill(entry.title);
    if (entry.body !== undefined) await this.field('pages.evidence.fields.body').fill(entry.body);
  }

  async save(): Promise<Response> {
    return this.submit('pages.evidence.save');
  }

  /** What the learner-data warning says, one line for each thing it found. */
  async learnerDataWarning(): Promise<string[]> {
    const warning = this.page.locator('#learner-data');
    expect((await warning.locator('.govuk-warning-text__text').innerText()).replace(/\s+/g, ' ').trim()).toBe(
      `${this.t('pages.evidence.learnerData.iconText')} ${this.t('pages.evidence.learnerData.heading')}`,
    );
    return (await warning.locator('ul > li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  async bodyText(): Promise<string> {
    return this.field('pages.evidence.fields.body').inputValue();
  }
}

/** /schools/:number/evidence/:id */
export class EvidenceItemPage extends SchoolAreaPage {
  async expectShown(title: string): Promise<void> {
    expect(await this.heading()).toBe(title);
    await this.expectTitle(title);
  }

  /** "To review", "Reviewed" or "Archived". */
  async status(): Promise<string> {
    return (await this.page.locator('main h1 + p .govuk-tag').innerText()).trim();
  }
}
