import { expect } from 'vitest';
import type { Response } from 'playwright-core';
import { BasePage, startingWith } from './base-page.ts';

/** /plans/rounds/new: Welsh Government opens a planning round. */
export class RoundFormPage extends BasePage {
  async expectShown(): Promise<void> {
    await this.expectHeading('laPlans.roundNew.title', { titleKey: 'laPlans.roundNew.title' });
  }

  async open(values: {
    titleEn: string;
    titleCy: string;
    deadline: { day: number; month: number; year: number };
  }): Promise<Response> {
    await this.field('laPlans.fields.titleEn').fill(values.titleEn);
    await this.field('laPlans.fields.titleCy').fill(values.titleCy);
    const group = this.page.getByRole('group', { name: this.t('laPlans.fields.deadline') });
    await group.getByLabel(this.t('common.dateInput.day'), { exact: true }).fill(String(values.deadline.day));
    await group.getByLabel(this.t('common.dateInput.month'), { exact: true }).fill(String(values.deadline.month));
    await group.getByLabel(this.t('common.dateInput.year'), { exact: true }).fill(String(values.deadline.year));
    return this.submit('laPlans.roundNew.button');
  }
}

/** /plans/rounds/:id: the status board of every LA's plan. */
export class StatusBoardPage extends BasePage {
  async expectShown(roundTitle: string): Promise<void> {
    expect(await this.heading()).toBe(roundTitle);
  }

  /** The state shown beside an LA's name. */
  async stateOf(laName: string): Promise<string> {
    const row = this.page.locator('tbody tr', { has: this.page.getByRole('rowheader', { name: laName, exact: true }) });
    return (await row.locator('.govuk-tag').innerText()).trim();
  }

  async openPlan(laName: string): Promise<PlanOverviewPage> {
    await this.visitor.navigate(() => this.page.getByRole('link', { name: laName, exact: true }).click());
    return new PlanOverviewPage(this.visitor);
  }
}

/** /plans: the list of rounds (WG) and plans (LA staff). */
export class PlansIndexPage extends BasePage {
  async openPlan(laName: string, roundTitle: string): Promise<PlanOverviewPage> {
    await this.visitor.navigate(() =>
      this.page.getByRole('link', { name: `${laName}: ${roundTitle}`, exact: true }).click(),
    );
    return new PlanOverviewPage(this.visitor);
  }
}

/** /plans/:id: one LA's plan, its state, sections and next steps. */
export class PlanOverviewPage extends BasePage {
  async expectShown(laName: string): Promise<void> {
    await this.expectHeading('laPlans.plan.heading', { values: { la: laName } });
  }

  async state(): Promise<string> {
    return (await this.page.locator('.govuk-summary-list .govuk-tag').first().innerText()).trim();
  }

  async openSection(number: number, title: string): Promise<SectionPage> {
    await this.visitor.navigate(() =>
      this.page.getByRole('link', { name: `${number}. ${title}`, exact: true }).click(),
    );
    return new SectionPage(this.visitor);
  }

  /** A next step (submit, send back, mark final): its button, then the confirmation page's button. */
  async takeStep(buttonKey: string, step: 'submit' | 'send-back' | 'final'): Promise<PlanOverviewPage> {
    await this.visitor.navigate(() => this.page.getByRole('button', { name: this.t(buttonKey), exact: true }).click());
    await this.expectHeading(`laPlans.confirm.${step}.title`);
    await this.submit(`laPlans.confirm.${step}.button`);
    return this;
  }

  async share(): Promise<void> {
    await this.submit('laPlans.plan.share');
    await this.expectSuccessBanner('laPlans.plan.saved.shared');
  }

  async openCompare(): Promise<void> {
    await this.visitor.navigate(() =>
      this.page.getByRole('link', { name: this.t('laPlans.plan.compareLink'), exact: true }).click(),
    );
    await this.expectHeading('laPlans.compare.title');
  }

  /** Chooses the two versions to compare and returns the words marked as added. */
  async compare(from: number, to: number): Promise<string[]> {
    await this.page.getByLabel(this.t('laPlans.compare.from'), { exact: true }).selectOption(String(from));
    await this.page.getByLabel(this.t('laPlans.compare.to'), { exact: true }).selectOption(String(to));
    await this.submit('laPlans.compare.button');
    return (await this.page.locator('ins').allInnerTexts()).map((t) => t.trim());
  }
}

/** /plans/:id/sections/:sectionId: the answer (officers) and WG's comments. */
export class SectionPage extends BasePage {
  async answer(text: string): Promise<void> {
    await this.field('laPlans.section.answerLabel').fill(text);
    await this.submit('laPlans.section.save');
    await this.expectSuccessBanner('laPlans.section.saved.answer');
  }

  async comment(text: string): Promise<void> {
    await this.field('laPlans.section.commentLabel').fill(text);
    await this.submit('laPlans.section.addComment');
    await this.expectSuccessBanner('laPlans.section.saved.comment');
  }

  async comments(): Promise<string[]> {
    return (await this.page.locator('#comments ~ .govuk-inset-text p.cyd-answer').allInnerTexts()).map((t) => t.trim());
  }

  async backToPlan(): Promise<PlanOverviewPage> {
    await this.visitor.navigate(() =>
      this.page
        .getByRole('link', { name: startingWith(this.t('laPlans.section.back')) })
        .first()
        .click(),
    );
    return new PlanOverviewPage(this.visitor);
  }
}
