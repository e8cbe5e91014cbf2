import { expect } from 'vitest';
import type { Locator, Response } from 'playwright-core';
import { BasePage, startingWith } from './base-page.ts';
import { squash } from './collaborative-pages.ts';

export type DateParts = { day: number; month: number; year: number };
/** An element as rendered in the page (the DOM's types are not this project's). */
type Rendered = { innerText: string };

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A link's name when it ends with a visually hidden ": what it is about". Chromium puts a space
 * before the hidden part (it is positioned out of the flow), so "Agree a match : Ysgol...".
 */
export function withHiddenPart(visible: string, hidden: string): RegExp {
  return new RegExp(`^${escaped(visible)}\\s*:\\s*${escaped(hidden)}$`);
}

/** What every brokering page reads and follows: links, banners, summary lists, cards. */
abstract class BrokeringAreaPage extends BasePage {
  main(): Locator {
    return this.page.getByRole('main');
  }

  /** Follows a link in the page's main content, by its accessible name (or its start). */
  async followLink(name: string | RegExp): Promise<Response> {
    return this.visitor.navigate(() =>
      this.main()
        .getByRole('link', { name, exact: typeof name === 'string' })
        .first()
        .click(),
    );
  }

  /** The area's line above everything: the school's name, or the LA's. */
  async caption(): Promise<string> {
    return squash(await this.page.locator('main .govuk-caption-l').first().innerText());
  }

  /** The page's own line above its h1: the priority asked about, or the school being brokered. */
  async subCaption(): Promise<string> {
    return squash(await this.page.locator('main .govuk-caption-m').first().innerText());
  }

  /** The section the sub-navigation (the school's or the LA's) marks as the current one. */
  async currentSection(labelKey: 'school.nav.label' | 'localAuthority.nav.label'): Promise<string> {
    const nav = this.page.getByRole('navigation', { name: this.t(labelKey), exact: true });
    return squash(await nav.locator('[aria-current="page"]').innerText());
  }

  /** Follows the school's own section navigation (Priorities, Support, Documents...). */
  async goToSchoolSection(section: 'priorities' | 'support' | 'outputs'): Promise<Response> {
    const nav = this.page.getByRole('navigation', { name: this.t('school.nav.label'), exact: true });
    return this.visitor.navigate(() =>
      nav.getByRole('link', { name: this.t(`school.nav.${section}`), exact: true }).click(),
    );
  }

  async successMessage(): Promise<string> {
    const banner = this.successBanner();
    expect(squash(await banner.locator('.govuk-notification-banner__title').innerText())).toBe(
      this.t('common.success'),
    );
    return squash(await banner.locator('.govuk-notification-banner__content').innerText());
  }

  /** A GOV.UK summary list, key -> value, as shown (a list's items kept apart by a space). */
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

  /** Summary cards, each as its title and status tag. */
  protected async cards(cards: Locator): Promise<{ title: string; tag: string }[]> {
    return cards.evaluateAll((cards) =>
      cards.map((card) => ({
        title: ((card.querySelector('.govuk-summary-card__title') as Rendered | null)?.innerText ?? '')
          .replace(/\s+/g, ' ')
          .trim(),
        tag: ((card.querySelector('.govuk-tag') as Rendered | null)?.innerText ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  }

  async fillDate(legend: string, date: DateParts): Promise<void> {
    const group = this.page.getByRole('group', { name: legend, exact: true });
    await group.getByLabel(this.t('common.dateInput.day'), { exact: true }).fill(String(date.day));
    await group.getByLabel(this.t('common.dateInput.month'), { exact: true }).fill(String(date.month));
    await group.getByLabel(this.t('common.dateInput.year'), { exact: true }).fill(String(date.year));
  }

  /** Which language the text was written in: the radios every brokering form ends with. */
  async writtenIn(): Promise<string> {
    const group = this.page.getByRole('group', { name: this.t('brokering.languages.legend'), exact: true });
    return group.locator('input:checked').inputValue();
  }
}

/** /schools/:number/support: offers, requests, support received (with its agreement) and given. */
export class SupportPage extends BrokeringAreaPage {
  async expectShown(schoolName: string): Promise<void> {
    await this.expectHeading('brokering.support.heading', { titleKey: 'brokering.support.title' });
    expect(squash(await this.page.locator('main .govuk-caption-l').first().innerText())).toBe(schoolName);
    expect(await this.currentSection('school.nav.label')).toBe(this.t('school.nav.support'));
  }

  private async cardsUnder(
    headingKey: string,
    nextKey: string | null,
  ): Promise<{ title: string; tag: string; rows: Record<string, string>; text: string }[]> {
    const [start, end] = [this.t(headingKey), nextKey ? this.t(nextKey) : null];
    return this.main()
      .evaluate(
        (main, { start, end }) => {
          const out: { title: string; tag: string; rows: [string, string][]; text: string }[] = [];
          let inside = false;
          for (const element of (
            main as unknown as {
              querySelectorAll(s: string): Iterable<{
                tagName: string;
                innerText: string;
                classList: { contains(c: string): boolean };
                querySelector(s: string): { innerText: string } | null;
                querySelectorAll(s: string): Iterable<{ querySelector(s: string): { innerText: string } | null }>;
              }>;
            }
          ).querySelectorAll('h2, .govuk-summary-card')) {
            if (element.tagName === 'H2') {
              const text = element.innerText.replace(/\s+/g, ' ').trim();
              if (text === start) inside = true;
              else if (text === end) inside = false;
              continue;
            }
            if (!inside) continue;
            const squashed = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
            out.push({
              title: squashed(element.querySelector('.govuk-summary-card__title')?.innerText),
              tag: squashed(element.querySelector('.govuk-tag')?.innerText),
              rows: [...element.querySelectorAll('.govuk-summary-list__row')].map((row) => [
                squashed(row.querySelector('.govuk-summary-list__key')?.innerText),
                squashed(row.querySelector('.govuk-summary-list__value')?.innerText),
              ]),
              text: squashed(element.querySelector('.govuk-summary-card__content')?.innerText),
            });
          }
          return out;
        },
        { start, end },
      )
      .then((cards) => cards.map((card) => ({ ...card, rows: Object.fromEntries(card.rows) })));
  }

  /** "Strengths we offer": each offer's title and status. */
  async offers() {
    return this.cardsUnder('brokering.support.offersHeading', 'brokering.support.requestsHeading');
  }

  /** "Support we asked for": each request (titled by its priority), its status and, once agreed, the agreement. */
  async requests() {
    return this.cardsUnder('brokering.support.requestsHeading', 'brokering.support.givenHeading');
  }

  /** "Support we give": each agreement, titled with who supports whom. */
  async given() {
    return this.cardsUnder('brokering.support.givenHeading', null);
  }

  async openProfile(): Promise<ProfilePage> {
    await this.followLink(this.t('brokering.support.profileLink'));
    return new ProfilePage(this.visitor);
  }

  async offerAStrength(): Promise<OfferChoosePage> {
    await this.followLink(this.t('brokering.support.offerLink'));
    return new OfferChoosePage(this.visitor);
  }

  async recordImpact(what: string): Promise<ImpactPage> {
    await this.followLink(withHiddenPart(this.t('brokering.support.recordImpact'), what));
    return new ImpactPage(this.visitor);
  }

  /** Through the school's navigation to its documents, then the support log. */
  async openSupportLog(): Promise<SupportLogPage> {
    await this.goToSchoolSection('outputs');
    await this.followLink(withHiddenPart(this.t('pages.outputs.read'), this.t('outputs.titles.support_log')));
    return new SupportLogPage(this.visitor);
  }
}

/** /schools/:number/profile: the school's published context figures. */
export class ProfilePage extends BrokeringAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('brokering.profile.heading', { titleKey: 'brokering.profile.title' });
    expect(await this.currentSection('school.nav.label')).toBe(this.t('school.nav.support'));
  }

  efsm(): Locator {
    return this.field('brokering.profile.fields.efsmThreeYear');
  }

  async save(efsmThreeYear: string): Promise<Response> {
    await this.efsm().fill(efsmThreeYear);
    return this.submit('common.save');
  }

  async backToSupport(): Promise<SupportPage> {
    await this.followLink(this.t('brokering.backToSupport'));
    return new SupportPage(this.visitor);
  }
}

/** .../support/offers/new: which of this year's strengths to offer. */
export class OfferChoosePage extends BrokeringAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('brokering.offer.chooseHeading', { titleKey: 'brokering.offer.title' });
  }

  /** Each strength offered to choose, as its title and the line below it. */
  async strengths(): Promise<string[]> {
    return (await this.main().locator('ul.govuk-list > li').allInnerTexts()).map(squash);
  }

  async choose(title: string): Promise<OfferFormPage> {
    await this.followLink(title);
    return new OfferFormPage(this.visitor);
  }
}

/** .../support/offers/new?finding=: the offer, filled from the finding. */
export class OfferFormPage extends BrokeringAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('brokering.offer.heading', { titleKey: 'brokering.offer.title' });
  }

  async fromFinding(): Promise<string> {
    return squash(await this.main().locator('.govuk-inset-text').innerText());
  }

  async typed(): Promise<{ title: string; theme: string }> {
    const theme = this.field('brokering.offer.fields.nifTheme');
    return {
      title: await this.field('brokering.offer.fields.title').inputValue(),
      theme: squash(await theme.locator('option:checked').innerText()),
    };
  }

  async offer(description: string): Promise<SupportPage> {
    await this.field('brokering.offer.fields.description').fill(description);
    await this.submit('brokering.offer.submit');
    return new SupportPage(this.visitor);
  }
}

/** /schools/:number/priorities: only the priority this journey opens. */
export class PrioritiesPage extends BrokeringAreaPage {
  async openPriority(title: string): Promise<PriorityToRequestPage> {
    await this.followLink(title);
    return new PriorityToRequestPage(this.visitor);
  }
}

/** /schools/:number/priorities/:id: only the link this journey follows from it. */
export class PriorityToRequestPage extends BrokeringAreaPage {
  async expectShown(title: string): Promise<void> {
    expect(await this.heading()).toBe(title);
  }

  async askForSupport(): Promise<RequestFormPage> {
    await this.followLink(startingWith(this.t('brokering.priorityLink')));
    return new RequestFormPage(this.visitor);
  }
}

/** .../priorities/:id/support-request: the need, and who brokers it. */
export class RequestFormPage extends BrokeringAreaPage {
  async expectShown(options: { error?: boolean } = {}): Promise<void> {
    await this.expectHeading('brokering.request.heading', {
      titleKey: 'brokering.request.title',
      error: options.error,
    });
  }

  async brokersOffered(): Promise<{ offered: string[]; chosen: string }> {
    const group = this.page.getByRole('group', { name: this.t('brokering.request.fields.broker'), exact: true });
    const offered = (await group.locator('.govuk-radios__label').allInnerTexts()).map(squash);
    const chosen = squash(
      await group
        .locator('.govuk-radios__item', { has: this.page.locator('input:checked') })
        .locator('label')
        .innerText(),
    );
    return { offered, chosen };
  }

  need(): Locator {
    return this.field('brokering.request.fields.need');
  }

  async send(need: string): Promise<Response> {
    await this.need().fill(need);
    return this.submit('brokering.request.submit');
  }
}

export type Suggestion = { school: string; offer: string; reasons: string[] };

/** /local-authorities/:code/brokering: requests waiting for a match, each with suggestions and why. */
export class BrokerPage extends BrokeringAreaPage {
  async expectShown(laName: string): Promise<void> {
    await this.expectHeading('brokering.broker.heading');
    await this.expectTitle(this.t('brokering.broker.title'));
    expect(await this.caption()).toBe(laName);
    expect(await this.currentSection('localAuthority.nav.label')).toBe(this.t('localAuthority.nav.brokering'));
  }

  private request(school: string): Locator {
    return this.main().getByRole('region', { name: school, exact: true });
  }

  async openHeading(): Promise<string> {
    return squash(await this.main().locator('h2.govuk-heading-m').first().innerText());
  }

  /** The schools whose requests wait for a match, as their cards are titled. */
  async openRequests(): Promise<string[]> {
    return (
      await this.main()
        .locator('section.govuk-summary-card:not([aria-labelledby^="agreement-"]) .govuk-summary-card__title')
        .allInnerTexts()
    ).map(squash);
  }

  async requestSummary(school: string): Promise<Record<string, string>> {
    return this.summaryList(this.request(school));
  }

  async suggestions(school: string): Promise<Suggestion[]> {
    return this.request(school)
      .locator('ol > li')
      .evaluateAll((items) =>
        items.map((item) => {
          const squashed = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
          const li = item as unknown as {
            querySelector(s: string): Rendered | null;
            querySelectorAll(s: string): Iterable<Rendered>;
          };
          return {
            school: squashed(li.querySelector('strong')?.innerText),
            offer: squashed(li.querySelector(':scope > span[lang]')?.innerText),
            reasons: [...li.querySelectorAll('ul > li')].map((r) => squashed(r.innerText)),
          };
        }),
      );
  }

  /** The request's card is titled "name (number)"; its link says the name only. */
  async agreeAMatch(school: { name: string; number: string }): Promise<AgreeFormPage> {
    const card = this.request(`${school.name} (${school.number})`);
    await this.visitor.navigate(() =>
      card.getByRole('link', { name: withHiddenPart(this.t('brokering.broker.agreeLink'), school.name) }).click(),
    );
    return new AgreeFormPage(this.visitor);
  }

  /** "Support agreed": each agreement card's title and status. */
  async agreed(): Promise<{ title: string; tag: string }[]> {
    return this.cards(this.main().locator('section[aria-labelledby^="agreement-"]'));
  }
}

export type Agreement = {
  supporter: string;
  what: string;
  days: string;
  cost: string;
  startsOn: DateParts;
  endsOn: DateParts;
};

/** .../brokering/:requestId/agree: which school supports, with what, for how long and at what cost. */
export class AgreeFormPage extends BrokeringAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('brokering.agree.heading', { titleKey: 'brokering.agree.title' });
  }

  /** The schools to choose from, each as its label and its hint (the offer and the reasons). */
  async supporters(): Promise<{ label: string; hint: string }[]> {
    const group = this.page.getByRole('group', { name: this.t('brokering.agree.fields.supporter'), exact: true });
    return group.locator('.govuk-radios__item').evaluateAll((items) =>
      items.map((item) => {
        const el = item as unknown as { querySelector(s: string): Rendered | null };
        return {
          label: (el.querySelector('label')?.innerText ?? '').replace(/\s+/g, ' ').trim(),
          hint: (el.querySelector('.govuk-radios__hint')?.innerText ?? '').replace(/\s+/g, ' ').trim(),
        };
      }),
    );
  }

  async agree(agreement: Agreement): Promise<BrokerPage> {
    const group = this.page.getByRole('group', { name: this.t('brokering.agree.fields.supporter'), exact: true });
    await group.getByLabel(agreement.supporter, { exact: true }).check();
    await this.field('brokering.agree.fields.what').fill(agreement.what);
    await this.field('brokering.agree.fields.days').fill(agreement.days);
    await this.field('brokering.agree.fields.cost').fill(agreement.cost);
    await this.fillDate(this.t('brokering.agree.fields.startsOn'), agreement.startsOn);
    await this.fillDate(this.t('brokering.agree.fields.endsOn'), agreement.endsOn);
    await this.submit('brokering.agree.submit');
    return new BrokerPage(this.visitor);
  }
}

/** .../support/agreements/:id/impact: what difference the support made; it closes the request. */
export class ImpactPage extends BrokeringAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('brokering.impact.heading', { titleKey: 'brokering.impact.title' });
  }

  async record(impact: string): Promise<SupportPage> {
    await this.field('brokering.impact.field').fill(impact);
    await this.submit('brokering.impact.submit');
    return new SupportPage(this.visitor);
  }
}

/** /schools/:number/outputs/support-log: the document, with brokered support received and given. */
export class SupportLogPage extends BrokeringAreaPage {
  async expectShown(): Promise<void> {
    expect(await this.heading()).toBe(this.t('outputs.titles.support_log'));
    expect(await this.currentSection('school.nav.label')).toBe(this.t('school.nav.outputs'));
  }

  /** The rows of a table found by its caption, each as header -> cell text; [] when there is no such table. */
  async table(caption: string): Promise<Record<string, string>[]> {
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

  /** The paragraph under a section heading ("No support was given..."), or null. */
  async sectionText(headingKey: string): Promise<string | null> {
    const heading = this.main().getByRole('heading', { level: 2, name: this.t(headingKey), exact: true });
    const next = heading.locator('xpath=following-sibling::*[1]');
    return (await next.evaluate((el) => el.tagName)) === 'P' ? squash(await next.innerText()) : null;
  }
}
