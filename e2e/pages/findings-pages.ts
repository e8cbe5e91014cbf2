import { expect } from 'vitest';
import type { Locator, Response } from 'playwright-core';
import { SchoolAreaPage } from './school-area-page.ts';
import { PriorityFormPage } from './priority-pages.ts';

export type FindingEntry = {
  kind: 'strength' | 'area_for_development';
  title: string;
  body: string;
  nifTheme: string;
  evidence: string[];
};

/** /schools/:number/findings: strengths and areas for development, each with its triangulation. */
export class FindingsPage extends SchoolAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.findings.heading', { titleKey: 'pages.findings.title' });
  }

  async addFinding(): Promise<FindingFormPage> {
    await this.press(this.t('pages.findings.add'));
    return new FindingFormPage(this.visitor);
  }
}

/** /schools/:number/findings/new */
export class FindingFormPage extends SchoolAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.findings.newHeading', { titleKey: 'pages.findings.newHeading' });
  }

  private group(legendKey: string): Locator {
    return this.page.getByRole('group', { name: this.t(legendKey), exact: true });
  }

  /** The evidence offered to rest the finding on, by title. */
  async evidenceOffered(): Promise<string[]> {
    const boxes = this.group('pages.findings.filter.legend').locator('.govuk-checkboxes__label');
    return (await boxes.allInnerTexts()).map((text) => text.trim());
  }

  async fill(finding: FindingEntry): Promise<void> {
    await this.group('pages.findings.fields.kind')
      .getByLabel(this.t(`reference.findingKind.${finding.kind}`), { exact: true })
      .check();
    await this.field('pages.findings.fields.title').fill(finding.title);
    await this.field('pages.findings.fields.body').fill(finding.body);
    await this.group('pages.findings.fields.nifTheme')
      .getByLabel(this.t(`reference.nifTheme.${finding.nifTheme}`), { exact: true })
      .check();
    // The language written in starts as the page's language.
    expect(
      await this.group('pages.findings.fields.language')
        .getByLabel(this.t(`pages.findings.languages.${this.visitor.lang}`), { exact: true })
        .isChecked(),
    ).toBe(true);
    for (const title of finding.evidence)
      await this.group('pages.findings.filter.legend').getByLabel(title, { exact: true }).check();
  }

  async save(): Promise<Response> {
    return this.submit('pages.findings.save');
  }
}

/** /schools/:number/findings/:id: the finding, how well it is triangulated, its evidence and priorities. */
export class FindingPage extends SchoolAreaPage {
  async expectShown(title: string): Promise<void> {
    expect(await this.heading()).toBe(title);
    await this.expectTitle(title);
  }

  /** The triangulation summary, key -> value, and the advice to strengthen it. */
  async triangulation(): Promise<{ summary: Record<string, string>; advice: string[] }> {
    const heading = this.page.getByRole('heading', {
      name: this.t('pages.findings.triangulation.heading'),
      exact: true,
    });
    const list = heading.locator('xpath=following-sibling::dl[1]');
    // "To strengthen it:" and its list follow the summary only when there is advice to give.
    const advice = list.locator('xpath=following-sibling::*[1][self::p]/following-sibling::*[1][self::ul]/li');
    return { summary: await this.summaryList(list), advice: (await advice.allInnerTexts()).map((text) => text.trim()) };
  }

  /** Titles of the evidence it rests on. */
  async evidence(): Promise<string[]> {
    const heading = this.page.getByRole('heading', { name: this.t('pages.findings.evidenceHeading'), exact: true });
    return (await heading.locator('xpath=following-sibling::ul[1]/li/a').allInnerTexts()).map((text) => text.trim());
  }

  async makePriority(): Promise<PriorityFormPage> {
    await this.followLink(this.t('pages.findings.makePriority'));
    return new PriorityFormPage(this.visitor);
  }
}
