import { expect } from 'vitest';
import type { Locator, Response } from 'playwright-core';
import { startingWith } from './base-page.ts';
import { SchoolAreaPage } from './school-area-page.ts';

export type PriorityEntry = {
  title?: string;
  description?: string;
  nifTheme?: string;
  learners?: string;
  successMeasure?: string;
};

/** /schools/:number/priorities/new (and .../edit): a priority may be saved as a draft with parts missing. */
export class PriorityFormPage extends SchoolAreaPage {
  async expectShown(options: { editing?: boolean } = {}): Promise<void> {
    const key = options.editing ? 'pages.priorities.editHeading' : 'pages.priorities.newHeading';
    await this.expectHeading(key, { titleKey: key });
  }

  private group(legendKey: string): Locator {
    return this.page.getByRole('group', { name: this.t(legendKey), exact: true });
  }

  async findingTicked(title: string): Promise<boolean> {
    return this.group('pages.priorities.fields.findingIds').getByLabel(title, { exact: true }).isChecked();
  }

  async fill(priority: PriorityEntry): Promise<void> {
    if (priority.title !== undefined) await this.field('pages.priorities.fields.title').fill(priority.title);
    if (priority.description !== undefined)
      await this.field('pages.priorities.fields.description').fill(priority.description);
    if (priority.nifTheme)
      await this.group('pages.priorities.fields.nifTheme')
        .getByLabel(this.t(`reference.nifTheme.${priority.nifTheme}`), { exact: true })
        .check();
    if (priority.learners !== undefined) await this.field('pages.priorities.fields.learners').fill(priority.learners);
    if (priority.successMeasure !== undefined)
      await this.field('pages.priorities.fields.successMeasure').fill(priority.successMeasure);
  }

  async save(): Promise<Response> {
    return this.submit('pages.priorities.save');
  }
}

export type ReadinessPart = 'finding' | 'nifTheme' | 'learners' | 'successMeasure';

/** /schools/:number/priorities/:id: the priority, what it still needs before it can be agreed, and its moves. */
export class PriorityPage extends SchoolAreaPage {
  async expectShown(title: string, options: { error?: boolean } = {}): Promise<void> {
    expect(await this.heading()).toBe(title);
    await this.expectTitle(title, options);
  }

  /** "Priority: Draft" and so on. */
  async stateCaption(): Promise<string> {
    return (await this.page.locator('main .govuk-caption-m').first().innerText()).trim();
  }

  /** Each part of the readiness checklist: done, or missing. */
  async readiness(): Promise<Record<ReadinessPart, 'done' | 'missing'>> {
    const parts: ReadinessPart[] = ['finding', 'nifTheme', 'learners', 'successMeasure'];
    const entries = await Promise.all(
      parts.map(async (part) => {
        const item = this.page.locator(`#readiness-${part}`);
        expect((await item.locator('.govuk-task-list__name-and-hint').innerText()).trim()).toBe(
          this.t(`pages.priorities.readiness.parts.${part}`),
        );
        const status = (await item.locator('.govuk-task-list__status').innerText()).trim();
        return [part, status === this.t('pages.priorities.readiness.done') ? 'done' : 'missing'] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<ReadinessPart, 'done' | 'missing'>;
  }

  async move(to: 'agreed' | 'in_progress' | 'draft'): Promise<Response> {
    return this.visitor.navigate(() =>
      this.page.getByRole('button', { name: this.t(`pages.priorities.moves.${to}`), exact: true }).click(),
    );
  }

  async edit(): Promise<PriorityFormPage> {
    await this.followLink(startingWith(this.t('pages.priorities.edit')));
    return new PriorityFormPage(this.visitor);
  }

  /** The findings it rests on, by title. */
  async findings(): Promise<string[]> {
    const heading = this.page.getByRole('heading', { name: this.t('pages.priorities.findingsHeading'), exact: true });
    return (await heading.locator('xpath=following-sibling::ul[1]/li/a').allInnerTexts()).map((text) => text.trim());
  }
}
