import { expect } from 'vitest';
import type { Response } from 'playwright-core';
import { SchoolAreaPage } from './school-area-page.ts';

type DateParts = { day: number; month: number; year: number };
export type FigureEntry = {
  learnerGroup: string;
  measure: string;
  baseline: string;
  latest: string;
  commentary: string;
};
export type ReviewEntry = { whatChanged: string; reviewedOn: DateParts; figure: FigureEntry };

/** /schools/:number/impact: each agreed priority, with or without its impact review. */
export class ImpactPage extends SchoolAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.impact.heading', { titleKey: 'pages.impact.title' });
  }

  private async listUnder(headingKey: string): Promise<string[]> {
    const heading = this.page.getByRole('heading', { name: this.t(headingKey), exact: true });
    return (await heading.locator('xpath=following-sibling::*[1][self::ul]/li/a').allInnerTexts()).map((text) =>
      text.trim(),
    );
  }

  async notReviewed(): Promise<string[]> {
    return this.listUnder('pages.impact.notReviewedHeading');
  }

  async open(priorityTitle: string): Promise<ImpactReviewPage> {
    await this.followLink(priorityTitle);
    return new ImpactReviewPage(this.visitor);
  }
}

/** /schools/:number/impact/:priorityId */
export class ImpactReviewPage extends SchoolAreaPage {
  async expectShown(priorityTitle: string): Promise<void> {
    expect(await this.heading()).toBe(priorityTitle);
    await this.expectTitle(this.t('pages.impactReview.title', { priority: priorityTitle }));
  }

  async write(): Promise<ImpactReviewFormPage> {
    await this.press(this.t('pages.impactReview.write'));
    return new ImpactReviewFormPage(this.visitor);
  }

  async whatChanged(): Promise<string> {
    return (await this.page.locator('main p.cyd-answer').innerText()).trim();
  }

  /** The figures table: one row for each group of learners. */
  async figures(): Promise<string[][]> {
    return this.page
      .getByRole('table', { name: this.t('pages.impactReview.figuresHeading'), exact: true })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
      );
  }
}

/** /schools/:number/impact/:priorityId/edit: what changed, and figures for groups of learners only. */
export class ImpactReviewFormPage extends SchoolAreaPage {
  async expectShown(priorityTitle: string): Promise<void> {
    await this.expectHeading('pages.impactReview.editHeading', { titleKey: 'pages.impactReview.editTitle' });
    expect((await this.page.locator('main .govuk-caption-m').innerText()).trim()).toBe(priorityTitle);
  }

  async save(review: ReviewEntry): Promise<Response> {
    await this.field('pages.impactReview.fields.whatChanged').fill(review.whatChanged);
    await this.fillDate(this.t('pages.impactReview.fields.reviewedOn'), review.reviewedOn);
    const row = this.page.getByRole('group', {
      name: this.t('pages.impactReview.rowLegend', { number: 1 }),
      exact: true,
    });
    const box = (key: string) => row.getByLabel(this.t(`pages.impactReview.fields.${key}`), { exact: true });
    await box('learnerGroup').selectOption({ label: this.t(`reference.learnerGroup.${review.figure.learnerGroup}`) });
    await box('measure').fill(review.figure.measure);
    await box('baseline').fill(review.figure.baseline);
    await box('latest').fill(review.figure.latest);
    await box('commentary').fill(review.figure.commentary);
    return this.submit('pages.impactReview.save');
  }
}
