import { expect } from 'vitest';
import type { Locator, Response } from 'playwright-core';
import { startingWith } from './base-page.ts';
import { SchoolAreaPage } from './school-area-page.ts';

type DateParts = { day: number; month: number; year: number };
export type ActionEntry = {
  description: string;
  owner: string;
  startOn: DateParts;
  dueOn: DateParts;
  cost: string;
  /** A funding source's code (reference-data.ts FUNDING_SOURCES), chosen by its label. */
  costSource: string;
};

/** /schools/:number/plan before the plan exists: choose the year it starts in. */
export class PlanStartPage extends SchoolAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.plan.startHeading', { titleKey: 'pages.plan.title' });
  }

  /** Starts the plan in the school year offered first (this one). */
  async start(firstYear: number): Promise<PlanPage> {
    const choice = this.page
      .getByRole('group', { name: this.t('pages.plan.firstYearLegend'), exact: true })
      .getByLabel(this.t('pages.plan.yearsLabel', { first: firstYear, last: firstYear + 3 }), { exact: true });
    expect(await choice.isChecked()).toBe(true);
    await this.submit('pages.plan.start');
    return new PlanPage(this.visitor);
  }
}

/** /schools/:number/plan: the three-year plan, its approval, and this year's priorities with their criteria and actions. */
export class PlanPage extends SchoolAreaPage {
  async expectShown(firstYear: number): Promise<void> {
    await this.expectHeading('pages.plan.heading', { values: { first: firstYear, last: firstYear + 3 } });
    await this.expectTitle(this.t('pages.plan.title'));
  }

  /** What the approval box says. */
  async approval(): Promise<string> {
    return (await this.page.locator('#approval').innerText()).replace(/\s+/g, ' ').trim();
  }

  /** A priority of the plan, by its title. */
  priority(title: string): Locator {
    return this.page.locator('section.cyd-plan-priority', {
      has: this.page.getByRole('heading', { name: title, exact: true }),
    });
  }

  async priorityTitles(): Promise<string[]> {
    return (await this.page.locator('section.cyd-plan-priority > h3').allInnerTexts()).map((text) => text.trim());
  }

  async criteria(title: string): Promise<string[]> {
    return (await this.priority(title).locator('ul.govuk-list--bullet > li').allInnerTexts()).map((text) =>
      text.trim(),
    );
  }

  /** Each action of a priority: its title and its rows. */
  async actions(title: string): Promise<{ title: string; rows: Record<string, string> }[]> {
    const cards = this.priority(title).locator('.govuk-summary-card');
    const result = [];
    for (const card of await cards.all()) {
      result.push({
        title: (await card.locator('.govuk-summary-card__title').innerText()).replace(/\s+/g, ' ').trim(),
        rows: await this.summaryList(card),
      });
    }
    return result;
  }

  async addAction(priorityTitle: string): Promise<ActionFormPage> {
    await this.visitor.navigate(() =>
      this.priority(priorityTitle)
        .getByRole('link', { name: startingWith(this.t('pages.plan.addAction')) })
        .click(),
    );
    return new ActionFormPage(this.visitor);
  }

  async changeCriteria(priorityTitle: string): Promise<CriteriaFormPage> {
    await this.visitor.navigate(() =>
      this.priority(priorityTitle)
        .getByRole('link', { name: startingWith(this.t('pages.plan.editCriteria')) })
        .click(),
    );
    return new CriteriaFormPage(this.visitor);
  }

  async saveRevision(): Promise<RevisionsPage> {
    await this.followLink(this.t('pages.plan.saveRevision'));
    return new RevisionsPage(this.visitor);
  }
}

/** .../plan/priorities/:id/actions/new */
export class ActionFormPage extends SchoolAreaPage {
  async expectShown(priorityTitle: string): Promise<void> {
    await this.expectHeading('pages.planAction.addHeading', { titleKey: 'pages.planAction.addTitle' });
    expect((await this.page.locator('main .govuk-caption-m').innerText()).trim()).toBe(priorityTitle);
  }

  async add(action: ActionEntry): Promise<Response> {
    await this.field('pages.planAction.fields.description').fill(action.description);
    await this.nameOwnerOutside(action.owner);
    await this.fillDate(this.t('pages.planAction.fields.startOn'), action.startOn);
    await this.fillDate(this.t('pages.planAction.fields.dueOn'), action.dueOn);
    const firstPart = this.page.getByRole('group', {
      name: this.t('pages.planAction.costLine', { n: 1 }),
      exact: true,
    });
    await firstPart.getByLabel(this.t('pages.planAction.fields.costAmount'), { exact: true }).fill(action.cost);
    await firstPart
      .getByLabel(this.t('pages.planAction.fields.costSource'), { exact: true })
      .selectOption({ label: this.t(`reference.fundingSource.${action.costSource}`) });
    return this.submit('pages.planAction.save');
  }
}

/** .../plan/priorities/:id/criteria: short statements of what will be true when it has worked. */
export class CriteriaFormPage extends SchoolAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.planCriteria.heading', { titleKey: 'pages.planCriteria.title' });
  }

  async save(statements: string[]): Promise<Response> {
    for (const [index, statement] of statements.entries())
      await this.field('pages.planCriteria.rowLabel', { number: index + 1 }).fill(statement);
    return this.submit('common.save');
  }
}

/** .../plan/revisions: the revisions kept for governors, and saving a new one. */
export class RevisionsPage extends SchoolAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('pages.planRevisions.heading', { titleKey: 'pages.planRevisions.title' });
  }

  async save(note: string): Promise<Response> {
    await this.field('pages.planRevisions.noteLabel').fill(note);
    return this.submit('pages.plan.saveRevision');
  }

  /** The rows of the table: revision, note, approval. */
  async rows(): Promise<{ revision: string; note: string; approval: string }[]> {
    return this.page.locator('main table tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim());
        return { revision: cells[0] ?? '', note: cells[2] ?? '', approval: cells[3] ?? '' };
      }),
    );
  }
}

/** .../plan/revisions/:n: the plan frozen as it stood, and its approval. */
export class RevisionPage extends SchoolAreaPage {
  async expectShown(number: number): Promise<void> {
    await this.expectHeading('pages.planRevision.heading', { values: { number } });
    await this.expectTitle(this.t('pages.planRevision.title', { number }));
  }

  async approval(): Promise<string> {
    return (await this.page.locator('#approval').innerText()).replace(/\s+/g, ' ').trim();
  }

  async priorityTitles(): Promise<string[]> {
    return new PlanPage(this.visitor).priorityTitles();
  }

  async approve(): Promise<ApprovePage> {
    await this.press(this.t('pages.planRevision.approve'));
    return new ApprovePage(this.visitor);
  }
}

/** .../plan/revisions/:n/approve: the chair, the clerk or a delegated governor records the meeting that approved it. */
export class ApprovePage extends SchoolAreaPage {
  async expectShown(number: number): Promise<void> {
    await this.expectHeading('pages.planApproval.heading', { values: { number } });
    await this.expectTitle(this.t('pages.planApproval.title', { number }));
  }

  async recordedBy(): Promise<string> {
    return (await this.page.locator('#recorded-by').innerText()).trim();
  }

  /** A meeting of the full governing body on `on`, its minute and the resolution's words. */
  async confirm(meeting: { on: DateParts; minute: string; resolution: string }): Promise<RevisionPage> {
    await this.page
      .getByRole('radio', { name: this.t('pages.planApproval.meetings.full_governing_body'), exact: true })
      .check();
    await this.fillDate(this.t('pages.planApproval.meetingOnLegend'), meeting.on);
    await this.field('pages.planApproval.minuteLabel').fill(meeting.minute);
    await this.field('pages.planApproval.resolutionLabel').fill(meeting.resolution);
    await this.submit('pages.planApproval.confirm');
    return new RevisionPage(this.visitor);
  }
}
