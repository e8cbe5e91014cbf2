import type { Response } from 'playwright-core';
import { SchoolAreaPage } from './school-area-page.ts';

export const ANSWER_FIELDS = [
  'progressingAnswer',
  'paceAnswer',
  'howWellAnswer',
  'howKnowAnswer',
  'howImproveAnswer',
] as const;
export type CycleAnswers = Record<(typeof ANSWER_FIELDS)[number], string>;

/** /schools/:number/cycle before this year's cycle has started. */
export class CyclesPage extends SchoolAreaPage {
  async open(schoolNumber: string): Promise<Response> {
    return this.visitor.visit(`/schools/${schoolNumber}/cycle`);
  }

  async expectShown(): Promise<void> {
    await this.expectHeading('pages.cycles.heading', { titleKey: 'pages.cycles.title' });
  }

  async start(year: number): Promise<CyclePage> {
    await this.press(this.t('pages.cycles.start', { year, next: year + 1 }));
    return new CyclePage(this.visitor);
  }
}

/** /schools/:number/cycles/:year: where the cycle is, its questions and what it holds so far. */
export class CyclePage extends SchoolAreaPage {
  async expectShown(year: number): Promise<void> {
    await this.expectHeading('pages.cycle.heading', { values: { year, next: year + 1 } });
    await this.expectTitle(this.t('pages.cycle.title', { year, next: year + 1 }));
  }

  async stage(): Promise<string> {
    return (await this.page.getByRole('main').locator('p strong.govuk-tag').first().innerText()).trim();
  }

  /** Each question as the page asks it, with the answer shown under it. */
  async answers(): Promise<Record<string, string>> {
    const pairs = await this.page
      .locator('main h3.govuk-heading-s')
      .evaluateAll((headings) =>
        headings.map((h) => [(h.textContent ?? '').trim(), (h.nextElementSibling?.textContent ?? '').trim()]),
      );
    return Object.fromEntries(pairs);
  }

  async answerQuestions(): Promise<CycleAnswersPage> {
    await this.followLink(this.t('pages.cycle.editAnswers'));
    return new CycleAnswersPage(this.visitor);
  }
}

export class CycleAnswersPage extends SchoolAreaPage {
  async expectShown(year: number): Promise<void> {
    await this.expectHeading('pages.cycle.editHeading', { values: { year, next: year + 1 } });
    await this.expectTitle(this.t('pages.cycle.editTitle'));
  }

  async answer(answers: CycleAnswers): Promise<Response> {
    for (const field of ANSWER_FIELDS) await this.field(`pages.cycle.questions.${field}`).fill(answers[field]);
    return this.submit('common.save');
  }
}
