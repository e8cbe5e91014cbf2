import { expect } from 'vitest';
import type { Locator, Response } from 'playwright-core';
import { BasePage } from './base-page.ts';
import { squash } from './collaborative-pages.ts';

export type DateParts = { day: number; month: number; year: number };
/** An element as rendered in the page (the DOM's types are not this project's). */
type Rendered = { innerText: string };

/** What every page of schools causing concern reads and fills: links, tables, summary lists, date boxes. */
abstract class ConcernAreaPage extends BasePage {
  main(): Locator {
    return this.page.getByRole('main');
  }

  /** Follows a link in the page's main content, by its accessible name. */
  async followLink(name: string): Promise<Response> {
    return this.visitor.navigate(() => this.main().getByRole('link', { name, exact: true }).first().click());
  }

  /** The back link above the page (to the register for officers, to "Your cases" for the school). */
  async back(): Promise<Response> {
    return this.visitor.navigate(() => this.page.locator('.govuk-back-link').click());
  }

  async backLink(): Promise<string> {
    return squash(await this.page.locator('.govuk-back-link').innerText());
  }

  /** The line above the h1: the school and its LA on a case's pages, the LA in the LA's area. */
  async caption(): Promise<string> {
    return squash(await this.page.locator('main .govuk-caption-l').first().innerText());
  }

  async successMessage(): Promise<string> {
    const banner = this.successBanner();
    expect(squash(await banner.locator('.govuk-notification-banner__title').innerText())).toBe(
      this.t('common.success'),
    );
    return squash(await banner.locator('.govuk-notification-banner__content').innerText());
  }

  /** A GOV.UK summary list, key -> value, as shown. */
  async summaryList(within: Locator = this.main()): Promise<Record<string, string>> {
    const rows = await within
      .locator('.govuk-summary-list__row')
      .evaluateAll((rows) =>
        rows.map((row) =>
          ['.govuk-summary-list__key', '.govuk-summary-list__value'].map(
            (part) => (row.querySelector(part) as Rendered | null)?.innerText ?? '',
          ),
        ),
      );
    return Object.fromEntries(rows.map(([key, value]) => [squash(key!), squash(value!)]));
  }

  /** The rows of a table found by its caption, each as header -> cell text; [] when there is no such table. */
  async tableRows(caption: string): Promise<Record<string, string>[]> {
    const table = this.main().getByRole('table', { name: caption, exact: true });
    if ((await table.count()) === 0) return [];
    const headers = (await table.locator('thead th').allInnerTexts()).map(squash);
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell as unknown as Rendered).innerText)),
      );
    return rows.map((cells) =>
      Object.fromEntries(headers.map((header, index) => [header, squash(cells[index] ?? '')])),
    );
  }

  group(legendKey: string): Locator {
    return this.page.getByRole('group', { name: this.t(legendKey), exact: true });
  }

  /** Ticks (or chooses, for radios) the options of a fieldset, by their labels. */
  async tick(legendKey: string, labels: string[]): Promise<void> {
    for (const label of labels) await this.group(legendKey).getByLabel(label, { exact: true }).check();
  }

  /** The labels of the options ticked in a fieldset. */
  async ticked(legendKey: string): Promise<string[]> {
    return this.group(legendKey)
      .locator('.govuk-checkboxes__item, .govuk-radios__item')
      .evaluateAll((items) =>
        items
          .filter((item) => item.querySelector('input')?.checked)
          .map((item) => (item.querySelector('label')?.textContent ?? '').replace(/\s+/g, ' ').trim()),
      );
  }

  async fillDate(legendKey: string, date: DateParts): Promise<void> {
    const group = this.group(legendKey);
    await group.getByLabel(this.t('common.dateInput.day'), { exact: true }).fill(String(date.day));
    await group.getByLabel(this.t('common.dateInput.month'), { exact: true }).fill(String(date.month));
    await group.getByLabel(this.t('common.dateInput.year'), { exact: true }).fill(String(date.year));
  }

  async dateValue(legendKey: string): Promise<DateParts> {
    const group = this.group(legendKey);
    const box = async (key: string) =>
      Number(await group.getByLabel(this.t(`common.dateInput.${key}`), { exact: true }).inputValue());
    return { day: await box('day'), month: await box('month'), year: await box('year') };
  }
}

/** /local-authorities/:code/schools-causing-concern: the LA's register, open and exited cases. */
export class ConcernRegisterPage extends ConcernAreaPage {
  async expectShown(laName: string): Promise<void> {
    await this.expectHeading('concern.register.heading');
    await this.expectTitle(this.t('concern.register.title', { la: laName }));
    expect(await this.caption()).toBe(laName);
    const sections = this.page.getByRole('navigation', { name: this.t('localAuthority.nav.label'), exact: true });
    expect(squash(await sections.locator('[aria-current="page"]').innerText())).toBe(
      this.t('localAuthority.nav.schools-causing-concern'),
    );
  }

  async openCases(): Promise<Record<string, string>[]> {
    return this.tableRows(this.t('concern.register.openHeading'));
  }

  async exitedCases(): Promise<Record<string, string>[]> {
    return this.tableRows(this.t('concern.register.exitedHeading'));
  }

  /** The paragraphs that stand in for an empty table ("There are no open cases."). */
  async emptyMessages(): Promise<string[]> {
    return (await this.main().locator('h2 + p.govuk-body').allInnerTexts()).map(squash);
  }

  async openACase(): Promise<OpenCaseFormPage> {
    // A link drawn as a button (GOV.UK's button with an href has the button role).
    await this.visitor.navigate(() =>
      this.main()
        .getByRole('button', { name: this.t('concern.register.openCase'), exact: true })
        .click(),
    );
    return new OpenCaseFormPage(this.visitor);
  }

  async openCase(school: string): Promise<CasePage> {
    await this.followLink(school);
    return new CasePage(this.visitor);
  }
}

export type CaseOpening = { school: string; source: string; grounds: string[]; summary: string; openedOn: DateParts };

/** .../schools-causing-concern/new: an officer opens a case for a school of the LA. */
export class OpenCaseFormPage extends ConcernAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('concern.open.heading', { titleKey: 'concern.open.title' });
  }

  async open(opening: CaseOpening): Promise<CasePage> {
    await this.field('concern.open.school').fill(opening.school);
    await this.tick('concern.fields.source', [this.t(`concern.sources.${opening.source}`)]);
    await this.tick(
      'concern.fields.grounds',
      opening.grounds.map((g) => this.t(`concern.groundsNumbered.${g}`)),
    );
    await this.field('concern.fields.summary').fill(opening.summary);
    await this.fillDate('concern.fields.openedOn', opening.openedOn);
    await this.submit('concern.open.submit');
    return new CasePage(this.visitor);
  }
}

/** /concern-cases/:id: the case, what the LA may do next (officers only) and its records. */
export class CasePage extends ConcernAreaPage {
  async expectShown(school: string): Promise<void> {
    await this.expectHeading('concern.case.heading');
    await this.expectTitle(this.t('concern.case.title', { school }));
  }

  /** The inset under the heading: who may see the case (and, for the school, that it is read only). */
  async whoCanSee(): Promise<string> {
    return squash(await this.main().locator('.govuk-inset-text').first().innerText());
  }

  async details(): Promise<Record<string, string>> {
    return this.summaryList(this.main().locator('.govuk-summary-list').first());
  }

  async state(): Promise<string> {
    return (await this.details())[this.t('concern.fields.state')] ?? '';
  }

  /** "What the local authority can do next", or null when it is not shown. */
  async actionsHeading(): Promise<string | null> {
    const heading = this.main().getByRole('heading', { name: this.t('concern.case.actionsHeading'), exact: true });
    return (await heading.count()) ? squash(await heading.innerText()) : null;
  }

  /** The links offered under "What the local authority can do next". */
  async actions(): Promise<string[]> {
    const heading = this.main().getByRole('heading', { name: this.t('concern.case.actionsHeading'), exact: true });
    if ((await heading.count()) === 0) return [];
    return heading.evaluate((h2) => {
      const names = [];
      for (let node = h2.nextElementSibling; node && node.tagName !== 'H2'; node = node.nextElementSibling) {
        for (const link of node.querySelectorAll('a')) names.push((link.textContent ?? '').replace(/\s+/g, ' ').trim());
      }
      return names;
    });
  }

  /** Every button in the page's main content (moving the case on). */
  async buttons(): Promise<string[]> {
    return (await this.main().getByRole('button').allInnerTexts()).map(squash);
  }

  /** Links in the main content that lead to a change: a form of the case or a support item's edit page. */
  async changeLinks(): Promise<string[]> {
    const hrefs = await this.main()
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return hrefs.filter((href) => /\/(new|exit)$|\/support-items\//.test(href));
  }

  async moveTo(state: 'intervention' | 'monitoring'): Promise<Response> {
    return this.visitor.navigate(() =>
      this.main()
        .getByRole('button', { name: this.t(`concern.case.moveTo.${state}`), exact: true })
        .click(),
    );
  }

  async issueNotice(): Promise<NoticeFormPage> {
    await this.followLink(this.t('concern.case.issueNotice'));
    return new NoticeFormPage(this.visitor);
  }

  async recordIntervention(): Promise<InterventionFormPage> {
    await this.followLink(this.t('concern.case.recordIntervention'));
    return new InterventionFormPage(this.visitor);
  }

  async addSupport(): Promise<SupportFormPage> {
    await this.followLink(this.t('concern.case.addSupport'));
    return new SupportFormPage(this.visitor);
  }

  async exit(): Promise<ExitFormPage> {
    await this.followLink(this.t('concern.case.exit'));
    return new ExitFormPage(this.visitor);
  }

  /** The warning notices listed, each as its line ("Warning notice issued on ... – compliance period ends ..."). */
  async notices(): Promise<string[]> {
    return (await this.main().locator('#notices + ul > li').allInnerTexts()).map(squash);
  }

  async openNotice(issuedOn: string): Promise<NoticePage> {
    await this.followLink(this.t('concern.case.noticeLink', { date: issuedOn }));
    return new NoticePage(this.visitor);
  }

  async interventions(): Promise<Record<string, string>> {
    return this.summaryList(this.main().locator('#interventions + dl'));
  }

  async supportPlan(): Promise<Record<string, string>[]> {
    return this.tableRows(this.t('concern.case.supportHeading'));
  }

  async backToRegister(): Promise<ConcernRegisterPage> {
    expect(await this.backLink()).toBe(this.t('concern.case.backToRegister'));
    await this.back();
    return new ConcernRegisterPage(this.visitor);
  }
}

/** The caption every page of one case has: the school, its number and its LA. */
export async function expectCaseCaption(
  page: ConcernAreaPage,
  school: { name: string; number: string },
  laName: string,
): Promise<void> {
  expect(await page.caption()).toBe(`${school.name} (${school.number}) · ${laName}`);
}

export type NoticeEntry = {
  reasons: string;
  requiredAction: string;
  compliancePeriodDays: number;
  mindedTo: string[];
  issuedOn: DateParts;
};
export type NoticeTyped = {
  grounds: string[];
  reasons: string;
  requiredAction: string;
  compliancePeriodDays: string;
  mindedTo: string[];
  copiesTo: string[];
  issuedOn: DateParts;
};

/** .../warning-notices/new: the notice's required parts. */
export class NoticeFormPage extends ConcernAreaPage {
  async expectShown(options: { error?: boolean } = {}): Promise<void> {
    await this.expectHeading('concern.notice.newHeading', {
      titleKey: 'concern.notice.newTitle',
      error: options.error,
    });
  }

  async fill(notice: Partial<NoticeEntry>): Promise<void> {
    if (notice.reasons !== undefined) await this.field('concern.notice.reasons').fill(notice.reasons);
    if (notice.requiredAction !== undefined)
      await this.field('concern.notice.requiredAction').fill(notice.requiredAction);
    if (notice.compliancePeriodDays !== undefined)
      await this.field('concern.notice.compliancePeriodDays').fill(String(notice.compliancePeriodDays));
    if (notice.mindedTo)
      await this.tick(
        'concern.notice.mindedTo',
        notice.mindedTo.map((i) => this.t(`concern.interventionsNumbered.${i}`)),
      );
    if (notice.issuedOn) await this.fillDate('concern.notice.issuedOn', notice.issuedOn);
  }

  async record(): Promise<Response> {
    return this.submit('concern.notice.submit');
  }

  /** The form as it stands: what is typed and ticked. */
  async typed(): Promise<NoticeTyped> {
    return {
      grounds: await this.ticked('concern.notice.grounds'),
      reasons: await this.field('concern.notice.reasons').inputValue(),
      requiredAction: await this.field('concern.notice.requiredAction').inputValue(),
      compliancePeriodDays: await this.field('concern.notice.compliancePeriodDays').inputValue(),
      mindedTo: await this.ticked('concern.notice.mindedTo'),
      copiesTo: await this.ticked('concern.notice.copiesTo'),
      issuedOn: await this.dateValue('concern.notice.issuedOn'),
    };
  }
}

export type Pdf = { contentType: string; fileName: string; body: Buffer };

/** .../warning-notices/:noticeId: the notice as recorded, and its bilingual PDF. */
export class NoticePage extends ConcernAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('concern.notice.heading', { titleKey: 'concern.notice.title' });
  }

  async parts(): Promise<Record<string, string>> {
    return this.summaryList();
  }

  /** Fetches the PDF the download link points at, in this person's browser (their cookies, their session). */
  async downloadPdf(): Promise<Pdf> {
    const link = this.main().getByRole('link', { name: this.t('concern.notice.download'), exact: true });
    expect(await link.getAttribute('download')).not.toBeNull();
    const href = new URL((await link.getAttribute('href')) ?? '', this.page.url()).toString();
    const response = await this.page.request.get(href);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const fileName = /filename="([^"]+)"/.exec(headers['content-disposition'] ?? '')?.[1] ?? '';
    return { contentType: headers['content-type'] ?? '', fileName, body: await response.body() };
  }

  async backToCase(): Promise<CasePage> {
    await this.followLink(this.t('concern.notice.backToCase'));
    return new CasePage(this.visitor);
  }
}

/** .../interventions/new: the power used (sections 4 to 8) and when it was decided. */
export class InterventionFormPage extends ConcernAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('concern.intervention.heading', { titleKey: 'concern.intervention.newTitle' });
  }

  async record(entry: { kind: string; details: string }): Promise<CasePage> {
    await this.tick('concern.intervention.kind', [this.t(`concern.interventionsNumbered.${entry.kind}`)]);
    await this.field('concern.intervention.details').fill(entry.details);
    await this.submit('concern.intervention.submit');
    return new CasePage(this.visitor);
  }

  async decidedOn(): Promise<DateParts> {
    return this.dateValue('concern.intervention.decidedOn');
  }
}

/** .../support-items/new: an action of the support plan with its review date. */
export class SupportFormPage extends ConcernAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('concern.support.newTitle', { titleKey: 'concern.support.newTitle' });
  }

  async add(entry: { action: string; owner: string; reviewOn: DateParts }): Promise<CasePage> {
    await this.field('concern.support.fields.action').fill(entry.action);
    await this.nameOwnerOutside(entry.owner);
    await this.fillDate('concern.support.fields.reviewOn', entry.reviewOn);
    await this.submit('common.save');
    return new CasePage(this.visitor);
  }
}

/** .../exit: the case leaves the register, with its date and reason. */
export class ExitFormPage extends ConcernAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('concern.exit.heading', { titleKey: 'concern.exit.title' });
  }

  async exitedOn(): Promise<DateParts> {
    return this.dateValue('concern.fields.exitedOn');
  }

  async exitWith(reason: string): Promise<CasePage> {
    await this.field('concern.fields.exitReason').fill(reason);
    await this.submit('concern.exit.submit');
    return new CasePage(this.visitor);
  }
}

/** /account/schools-causing-concern: the cases this person may see, the only way in for the school. */
export class ConcernAccountPage extends ConcernAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('concern.account.heading', { titleKey: 'concern.account.title' });
  }

  async cases(): Promise<string[]> {
    return (await this.main().locator('ul.govuk-list > li').allInnerTexts()).map(squash);
  }

  async openCase(school: { name: string; number: string }): Promise<CasePage> {
    await this.followLink(`${school.name} (${school.number})`);
    return new CasePage(this.visitor);
  }
}

/** The page shown to someone whose account has no role that reaches the page. */
export class ForbiddenPage extends BasePage {
  async expectShown(): Promise<void> {
    await this.expectHeading('errors.forbidden.title', { titleKey: 'errors.forbidden.title' });
  }
}
