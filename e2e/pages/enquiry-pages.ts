import { expect } from 'vitest';
import type { Locator, Response } from 'playwright-core';
import { CollaborativeAreaPage, squash } from './collaborative-pages.ts';
import { EvidenceListPage } from './evidence-pages.ts';
import { FindingPage } from './findings-pages.ts';

type DateParts = { day: number; month: number; year: number };
export type EnquiryMove =
  'preparing' | 'on_site' | 'making_sense' | 'report_drafted' | 'report_agreed' | 'follow_up' | 'closed';

/** The heading of an enquiry's own pages: the page's title under "host: question". */
abstract class EnquirySubPage extends CollaborativeAreaPage {
  async expectShownFor(
    titleKey: string,
    about: { host: string; question: string },
    options: { error?: boolean } = {},
  ): Promise<void> {
    await this.expectHeading(titleKey);
    await this.expectTitle(this.t(titleKey), options);
    expect(squash(await this.page.locator('main .govuk-caption-m').first().innerText())).toBe(
      `${about.host}: ${about.question}`,
    );
  }

  async backToEnquiry(): Promise<EnquiryPage> {
    await this.followLink(this.t('enquiries.backToEnquiry'));
    return new EnquiryPage(this.visitor);
  }
}

/** A finding of the school's self-evaluation, from which its headteacher proposes an enquiry. */
export class FindingToEnquirePage extends FindingPage {
  async proposeEnquiry(): Promise<ProposalFormPage> {
    await this.followLink(this.t('enquiries.fromFinding'));
    return new ProposalFormPage(this.visitor);
  }
}

export type Proposal = {
  question: string;
  context: string;
  nifThemes: string[];
  visitStart: DateParts;
  visitEnd: DateParts;
};

/** /collaboratives/:id/enquiries/new: a member school's leader proposes an enquiry. */
export class ProposalFormPage extends CollaborativeAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('enquiries.new.title', { titleKey: 'enquiries.new.title' });
  }

  /** "Host school: Ysgol ... (6810001)", when the proposer leads one member school only. */
  async host(): Promise<string> {
    const line = this.page.locator('main form p', { hasText: `${this.t('enquiries.fields.host')}:` });
    return squash(await line.innerText());
  }

  async finding(): Promise<string> {
    return this.chosen('enquiries.fields.finding');
  }

  async propose(proposal: Proposal): Promise<EnquiryPage> {
    await this.field('enquiries.fields.question').fill(proposal.question);
    await this.field('enquiries.fields.context').fill(proposal.context);
    const themes = this.page.getByRole('group', { name: this.t('enquiries.fields.nifThemes'), exact: true });
    for (const theme of proposal.nifThemes)
      await themes.getByLabel(this.t(`reference.nifTheme.${theme}`), { exact: true }).check();
    await this.fillDate(this.t('enquiries.fields.visitStart'), proposal.visitStart);
    await this.fillDate(this.t('enquiries.fields.visitEnd'), proposal.visitEnd);
    await this.submit('enquiries.new.submit');
    return new EnquiryPage(this.visitor);
  }
}

export type NoteEntry = { activity: string; hostColleague: string; body: string };

/** /collaboratives/:id/enquiries/:enquiryId: what the enquiry is, where it stands, and what this person may do next. */
export class EnquiryPage extends CollaborativeAreaPage {
  async expectShown(question: string): Promise<void> {
    expect(await this.heading()).toBe(question);
    await this.expectTitle(question);
  }

  /** The state tag under the question. */
  async state(): Promise<string> {
    return squash(await this.page.locator('main h1 + p .govuk-tag').innerText());
  }

  /** The step the progress list marks as current (its text, without what only a screen reader hears). */
  async currentStep(): Promise<string> {
    return squash(await this.page.locator('[aria-current="step"] strong').innerText());
  }

  private nextActions(): Locator {
    return this.page.getByRole('region', { name: this.t('enquiries.actions.heading'), exact: true });
  }

  /** The buttons (and button-like links) offered under "What you can do next". */
  async offered(): Promise<string[]> {
    if ((await this.nextActions().count()) === 0) return [];
    return (await this.nextActions().locator('.govuk-button').allInnerTexts()).map(squash);
  }

  /** Moves the enquiry on with its button under "What you can do next". */
  async move(to: EnquiryMove): Promise<Response> {
    return this.visitor.navigate(() =>
      this.nextActions()
        .getByRole('button', { name: this.t(`enquiries.actions.to.${to}`), exact: true })
        .click(),
    );
  }

  private async action(key: string): Promise<void> {
    await this.visitor.navigate(() =>
      this.nextActions()
        .getByRole('button', { name: this.t(key), exact: true })
        .click(),
    );
  }

  async agreeTeam(): Promise<AgreeFormPage> {
    await this.action('enquiries.actions.agree');
    return new AgreeFormPage(this.visitor);
  }

  async choosePack(): Promise<PackEditPage> {
    await this.action('enquiries.actions.choosePack');
    return new PackEditPage(this.visitor);
  }

  async addNote(): Promise<NoteFormPage> {
    await this.action('enquiries.actions.addNote');
    return new NoteFormPage(this.visitor);
  }

  async addFinding(): Promise<EnquiryFindingFormPage> {
    await this.action('enquiries.actions.addFinding');
    return new EnquiryFindingFormPage(this.visitor);
  }

  async writeReport(): Promise<ReportFormPage> {
    await this.action('enquiries.actions.writeReport');
    return new ReportFormPage(this.visitor);
  }

  async addFollowUp(): Promise<FollowUpFormPage> {
    await this.action('enquiries.actions.addFollowUp');
    return new FollowUpFormPage(this.visitor);
  }

  /** The headline every member of the space may read: host, context, themes, visit, state. */
  async headline(): Promise<Record<string, string>> {
    const heading = this.page.getByRole('heading', { name: this.t('enquiries.page.headline'), exact: true });
    return this.summaryList(heading.locator('xpath=following-sibling::dl[1]'));
  }

  /** The team and protocol, once agreed. */
  async team(): Promise<Record<string, string>> {
    return this.summaryList(this.page.locator('#team + dl'));
  }

  /** What the pack section says, or null when this person is shown none. */
  async packSection(): Promise<string | null> {
    const heading = this.page.locator('#pack');
    if ((await heading.count()) === 0) return null;
    return squash(await heading.locator('xpath=following-sibling::p[1]').innerText());
  }

  async readPack(): Promise<PackPage> {
    await this.followLink(this.t('enquiries.pack.read'));
    return new PackPage(this.visitor);
  }

  /** The heading over the evidence notes ("Evidence notes" or "Your evidence notes"), or null. */
  async notesHeading(): Promise<string | null> {
    const heading = this.page.locator('#notes');
    return (await heading.count()) ? squash(await heading.innerText()) : null;
  }

  /** Each evidence note: its card title and its rows. */
  async notes(): Promise<{ title: string; rows: Record<string, string> }[]> {
    const result = [];
    for (const card of await this.page.locator('#notes ~ .govuk-summary-card').all()) {
      result.push({
        title: squash(await card.locator('.govuk-summary-card__title').innerText()),
        rows: await this.summaryList(card),
      });
    }
    return result;
  }

  /** The findings made of the evidence, kind -> text, in order. */
  async findings(): Promise<[string, string][]> {
    const rows = await this.page
      .locator('#findings ~ dl .govuk-summary-list__row')
      .evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? '']),
      );
    return rows.map(([kind, text]) => [squash(kind!), squash(text!)]);
  }

  /** The report as shown, or null when this person is not shown the report. */
  async report(): Promise<string | null> {
    const heading = this.page.locator('#report');
    if ((await heading.count()) === 0) return null;
    return squash(await heading.locator('xpath=following-sibling::*[1]').innerText());
  }

  /** The line under the report once the headteacher agreed it. */
  async reportAgreed(): Promise<string> {
    return squash(await this.page.locator('#report + .govuk-inset-text + p').innerText());
  }

  async openReportAsEvidence(): Promise<Response> {
    return this.followLink(this.t('enquiries.report.evidenceLink'));
  }

  /** Each follow-up: what, from whom and by when, and the link to its action in the plan. */
  async followUps(): Promise<{ text: string; link: string }[]> {
    const items = this.page.locator('#follow-ups + ul > li');
    const result = [];
    for (const item of await items.all())
      result.push({ text: squash(await item.innerText()), link: squash(await item.locator('a').innerText()) });
    return result;
  }

  async openFollowUpAction(priority: string): Promise<Response> {
    return this.followLink(this.t('enquiries.followUps.actionLink', { priority }));
  }
}

/** .../agree: a convenor agrees the facilitator, reviewers and protocol. */
export class AgreeFormPage extends EnquirySubPage {
  async facilitatorsOffered(): Promise<string[]> {
    return (await this.field('enquiries.fields.facilitator').locator('option').allInnerTexts()).map(squash);
  }

  private reviewers(): Locator {
    return this.page.getByRole('group', { name: this.t('enquiries.fields.reviewers'), exact: true });
  }

  /** Each reviewer offered: their name and, as its hint, their school. */
  async reviewersOffered(): Promise<string[]> {
    return this.reviewers()
      .locator('.govuk-checkboxes__item')
      .evaluateAll((items) =>
        items.map((item) =>
          `${item.querySelector('label')?.textContent ?? ''} (${item.querySelector('.govuk-hint')?.textContent ?? ''})`
            .replace(/\s+/g, ' ')
            .replace('( ', '(')
            .replace(' )', ')')
            .trim(),
        ),
      );
  }

  async confidentiality(): Promise<string> {
    return this.field('enquiries.fields.confidentiality').inputValue();
  }

  async agree(agreement: { facilitator: string; reviewers: string[]; activities: string }): Promise<EnquiryPage> {
    await this.choose('enquiries.fields.facilitator', agreement.facilitator);
    for (const name of agreement.reviewers) await this.reviewers().getByLabel(name, { exact: true }).check();
    await this.field('enquiries.fields.activities').fill(agreement.activities);
    await this.submit('enquiries.agree.submit');
    return new EnquiryPage(this.visitor);
  }
}

/** .../pack/edit: the host headteacher chooses items of the current cycle for the team to read. */
export class PackEditPage extends EnquirySubPage {
  /** The items offered under a kind ("Evidence", "Findings", "Priorities"). */
  async offered(type: 'evidence' | 'finding' | 'priority'): Promise<string[]> {
    const group = this.page.getByRole('group', { name: this.t(`enquiries.pack.types.${type}`), exact: true });
    return (await group.locator('.govuk-checkboxes__label').allInnerTexts()).map(squash);
  }

  async save(titles: string[]): Promise<PackPage> {
    for (const title of titles) await this.page.getByRole('main').getByLabel(title, { exact: true }).check();
    await this.submit('enquiries.pack.submit');
    return new PackPage(this.visitor);
  }
}

/** .../pack: what the host put in the pack, read only. */
export class PackPage extends EnquirySubPage {
  /** The titles of the items of one kind. */
  async items(type: 'evidence' | 'finding' | 'priority'): Promise<string[]> {
    const heading = this.page.getByRole('heading', {
      name: this.t(`enquiries.pack.types.${type}`),
      exact: true,
      level: 2,
    });
    if ((await heading.count()) === 0) return [];
    return heading.evaluate((h2) => {
      const titles = [];
      for (
        let node = h2.nextElementSibling;
        node && node.tagName !== 'H2' && node.tagName !== 'P';
        node = node.nextElementSibling
      ) {
        titles.push((node.querySelector('.govuk-summary-card__title')?.textContent ?? '').trim());
      }
      return titles;
    });
  }

  async bodies(): Promise<string[]> {
    return (await this.page.locator('main .govuk-summary-card .cyd-answer').allInnerTexts()).map(squash);
  }
}

/** .../pack once a reviewer's access has ended with the enquiry. */
export class PackEndedPage extends EnquirySubPage {
  async message(): Promise<string> {
    return squash(await this.page.locator('main h1 + p').innerText());
  }

  async ownNotes(): Promise<EnquiryPage> {
    await this.followLink(this.t('enquiries.pack.ownNotes'));
    return new EnquiryPage(this.visitor);
  }
}

/** .../notes/new: a team member records what they saw, naming the host colleague present. */
export class NoteFormPage extends EnquirySubPage {
  async observedOn(): Promise<DateParts> {
    return this.dateValue(this.t('enquiries.notes.fields.observedOn'));
  }

  async fill(note: Partial<NoteEntry>): Promise<void> {
    if (note.activity)
      await this.choose('enquiries.notes.fields.activity', this.t(`reference.evidenceSource.${note.activity}`));
    if (note.hostColleague !== undefined)
      await this.field('enquiries.notes.fields.hostColleague').fill(note.hostColleague);
    if (note.body !== undefined) await this.field('enquiries.notes.fields.body').fill(note.body);
  }

  async save(): Promise<Response> {
    return this.submit('enquiries.notes.submit');
  }

  async typed(): Promise<NoteEntry> {
    return {
      activity: await this.chosen('enquiries.notes.fields.activity'),
      hostColleague: await this.field('enquiries.notes.fields.hostColleague').inputValue(),
      body: await this.field('enquiries.notes.fields.body').inputValue(),
    };
  }
}

/** .../findings/new: what the team and the host made of the evidence; no grades. */
export class EnquiryFindingFormPage extends EnquirySubPage {
  async add(kind: 'strength' | 'area_for_development' | 'question', text: string): Promise<EnquiryPage> {
    await this.page
      .getByRole('group', { name: this.t('enquiries.findings.kindLegend'), exact: true })
      .getByLabel(this.t(`enquiries.findings.kinds.${kind}`), { exact: true })
      .check();
    await this.field('enquiries.findings.textLabel').fill(text);
    await this.submit('enquiries.findings.submit');
    return new EnquiryPage(this.visitor);
  }
}

/** .../report: the host-owned report, written beside the findings. */
export class ReportFormPage extends EnquirySubPage {
  /** The findings listed above the report box, as "Kind: text". */
  async findingsShown(): Promise<string[]> {
    const heading = this.page.getByRole('heading', { name: this.t('enquiries.findings.heading'), exact: true });
    return (await heading.locator('xpath=following-sibling::ul[1]/li').allInnerTexts()).map(squash);
  }

  async save(report: string): Promise<EnquiryPage> {
    await this.field('enquiries.report.heading').fill(report);
    await this.submit('enquiries.report.submit');
    return new EnquiryPage(this.visitor);
  }
}

export type FollowUpEntry = {
  description: string;
  supportingSchool: string;
  priority: string;
  owner: string;
  dueOn: DateParts;
};

/** .../follow-ups/new: support after the enquiry, which becomes an action of the host's plan. */
export class FollowUpFormPage extends EnquirySubPage {
  async add(followUp: FollowUpEntry): Promise<EnquiryPage> {
    await this.field('enquiries.followUps.fields.description').fill(followUp.description);
    await this.choose('enquiries.followUps.fields.supportingSchool', followUp.supportingSchool);
    await this.choose('enquiries.followUps.fields.priority', followUp.priority);
    await this.field('enquiries.followUps.fields.owner').fill(followUp.owner);
    await this.fillDate(this.t('enquiries.followUps.fields.dueOn'), followUp.dueOn);
    await this.submit('enquiries.followUps.submit');
    return new EnquiryPage(this.visitor);
  }
}

/** The school's evidence list, read as its results: title and the line under it. */
export class EvidenceResultsPage extends EvidenceListPage {
  async results(): Promise<{ title: string; meta: string }[]> {
    return this.page
      .getByRole('list', { name: this.t('pages.evidence.list.resultsLabel'), exact: true })
      .locator(':scope > li')
      .evaluateAll((items) =>
        items.map((li) => ({
          title: (li.querySelector('h3')?.textContent ?? '').trim(),
          meta: (li.querySelector('p')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        })),
      );
  }
}
