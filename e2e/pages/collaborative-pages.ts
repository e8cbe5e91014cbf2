import { expect } from 'vitest';
import type { Locator, Response } from 'playwright-core';
import { BasePage } from './base-page.ts';

export type CollaborativeSection =
  'overview' | 'common-ground' | 'shared' | 'meetings' | 'progression' | 'enquiries' | 'slo-survey' | 'reciprocity';
type DateParts = { day: number; month: number; year: number };

/** An element as rendered in the page (the DOM's types are not this project's). */
type Rendered = { innerText: string };

/** Text as a person reads it: runs of spaces and line breaks as one space. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A page of a collaborative: its name above its own section navigation. */
export abstract class CollaborativeAreaPage extends BasePage {
  private sections(): Locator {
    return this.page.getByRole('navigation', { name: this.t('collaboration.nav.label'), exact: true });
  }

  async goToSection(section: CollaborativeSection): Promise<Response> {
    return this.visitor.navigate(() =>
      this.sections()
        .getByRole('link', { name: this.t(`collaboration.nav.${section}`), exact: true })
        .click(),
    );
  }

  /** The sections offered, in order, and the one marked as the current one. */
  async sectionLinks(): Promise<{ names: string[]; current: string }> {
    const names = (await this.sections().getByRole('link').allInnerTexts()).map(squash);
    return { names, current: squash(await this.sections().locator('[aria-current="page"]').innerText()) };
  }

  /** The collaborative's name (or kind), above the section navigation. */
  async caption(): Promise<string> {
    return squash(await this.page.locator('main .govuk-caption-l').first().innerText());
  }

  /** Follows a link in the page's main content, by its accessible name. */
  async followLink(name: string | RegExp): Promise<Response> {
    return this.visitor.navigate(() =>
      this.page
        .getByRole('main')
        .getByRole('link', { name, exact: typeof name === 'string' })
        .first()
        .click(),
    );
  }

  /** Presses a button in the page's main content (a link styled as a button included). */
  async press(name: string | RegExp): Promise<Response> {
    const main = this.page.getByRole('main');
    const exact = typeof name === 'string';
    const button = main.getByRole('button', { name, exact });
    const target = (await button.count()) > 0 ? button.first() : main.getByRole('link', { name, exact }).first();
    return this.visitor.navigate(() => target.click());
  }

  /** The text of the success banner. */
  async successMessage(): Promise<string> {
    const banner = this.successBanner();
    expect(squash(await banner.locator('.govuk-notification-banner__title').innerText())).toBe(
      this.t('common.success'),
    );
    return squash(await banner.locator('.govuk-notification-banner__content').innerText());
  }

  /** A GOV.UK summary list, key -> value, as shown. */
  async summaryList(within: Locator = this.page.getByRole('main')): Promise<Record<string, string>> {
    const rows = await within.locator('.govuk-summary-list__row').evaluateAll((rows) =>
      // innerText, not textContent: items of a list in a value read as separate words.
      rows.map((row) =>
        ['.govuk-summary-list__key', '.govuk-summary-list__value'].map(
          (part) => (row.querySelector(part) as Rendered | null)?.innerText ?? '',
        ),
      ),
    );
    return Object.fromEntries(rows.map(([key, value]) => [squash(key!), squash(value!)]));
  }

  /** The rows of a table (found by its caption), each as header -> cell text. */
  async tableRows(table: Locator): Promise<Record<string, string>[]> {
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

  /** Fills the boxes of a GOV.UK date input, found by its legend. */
  async fillDate(legend: string, date: DateParts): Promise<void> {
    const group = this.page.getByRole('group', { name: legend, exact: true });
    await group.getByLabel(this.t('common.dateInput.day'), { exact: true }).fill(String(date.day));
    await group.getByLabel(this.t('common.dateInput.month'), { exact: true }).fill(String(date.month));
    await group.getByLabel(this.t('common.dateInput.year'), { exact: true }).fill(String(date.year));
  }

  /** The three boxes of a GOV.UK date input as they stand. */
  async dateValue(legend: string): Promise<DateParts> {
    const group = this.page.getByRole('group', { name: legend, exact: true });
    const box = async (key: string) =>
      Number(await group.getByLabel(this.t(`common.dateInput.${key}`), { exact: true }).inputValue());
    return { day: await box('day'), month: await box('month'), year: await box('year') };
  }

  /** Chooses an option of a select, by the option's text. */
  async choose(labelKey: string, option: string): Promise<void> {
    await this.field(labelKey).selectOption({ label: option });
  }

  /** The option chosen in a select, by its text. */
  async chosen(labelKey: string): Promise<string> {
    return squash(await this.field(labelKey).locator('option:checked').innerText());
  }
}

/** /collaboratives/:id: the collaborative's details, members, people and what is coming up. */
export class OverviewPage extends CollaborativeAreaPage {
  async expectShown(name: string): Promise<void> {
    expect(await this.heading()).toBe(name);
    await this.expectTitle(name);
  }

  /** Member schools, by name, as the members table (captioned with how many) lists them. */
  async members(count: number): Promise<string[]> {
    const table = this.page.getByRole('table', {
      name: this.t('pages.collaboratives.members.heading', { count }),
      exact: true,
    });
    return (await table.locator('tbody tr td:first-child a').allInnerTexts()).map(squash);
  }

  /** The next meetings under "Coming up". */
  async nextMeetings(): Promise<string[]> {
    const heading = this.page.getByRole('heading', {
      name: this.t('pages.collaboratives.comingUp.meetings'),
      exact: true,
    });
    const list = heading.locator('xpath=following-sibling::*[1]');
    return (await list.locator('li').allInnerTexts()).map(squash);
  }
}

export type ThemeGroup = { theme: string; count: string; schools: Record<string, string[]> };

/** /collaboratives/:id/common-ground: members' shared priorities grouped by NIF theme. */
export class CommonGroundPage extends CollaborativeAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('collaborativeSpace.ground.heading', { titleKey: 'collaborativeSpace.ground.title' });
  }

  /** The theme groups under a heading ("Themes members share"), each with its schools and their priorities. */
  async groups(
    headingKey: 'collaborativeSpace.ground.sharedHeading' | 'collaborativeSpace.ground.singleHeading',
  ): Promise<ThemeGroup[]> {
    const heading = this.page.getByRole('heading', { name: this.t(headingKey), exact: true });
    expect(await heading.count(), headingKey).toBe(1);
    return heading.evaluate((h2) => {
      const groups = [];
      for (let node = h2.nextElementSibling; node && node.tagName !== 'H2'; node = node.nextElementSibling) {
        if (node.tagName !== 'SECTION') continue;
        const text = (element: unknown) => ((element as Rendered | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();
        const schools: Record<string, string[]> = {};
        for (const row of node.querySelectorAll('.govuk-summary-list__row')) {
          schools[text(row.querySelector('dt'))] = [...row.querySelectorAll('dd li a')].map((a) => text(a));
        }
        groups.push({ theme: text(node.querySelector('h3')), count: text(node.querySelector('p')), schools });
      }
      return groups;
    });
  }

  async openPriority(title: string): Promise<SharedItemPage> {
    await this.followLink(title);
    return new SharedItemPage(this.visitor);
  }
}

/** /collaboratives/:id/shared/:type/:itemId: one item a member shared, read only. */
export class SharedItemPage extends CollaborativeAreaPage {
  async expectShown(title: string): Promise<void> {
    expect(await this.heading()).toBe(title);
    await this.expectTitle(title);
  }

  /** "Priority · Ysgol ...": what it is and which school shared it. */
  async itemCaption(): Promise<string> {
    return squash(await this.page.locator('main .govuk-caption-m').first().innerText());
  }

  async sharedBy(): Promise<string> {
    return squash(await this.page.locator('main .govuk-inset-text').first().innerText());
  }
}

export type MeetingEntry = {
  title: string;
  meetsOn: DateParts;
  startsAt: string;
  endsAt: string;
  location: string;
  agenda: string;
  schools: string[];
  attendees: string;
  notes: string;
};
export type AgreedAction = { description: string; owner: string; ownerSchool: string; dueOn: DateParts };

/** /collaboratives/:id/meetings: upcoming and past meetings. */
export class MeetingsPage extends CollaborativeAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('meetings.list.heading', { titleKey: 'meetings.list.title' });
  }

  /** What the page says under "Upcoming meetings" when there is no table. */
  async upcomingText(): Promise<string> {
    const heading = this.page.getByRole('heading', { name: this.t('meetings.list.upcoming'), exact: true });
    return squash(await heading.locator('xpath=following-sibling::*[1]').innerText());
  }

  async addMeeting(): Promise<MeetingFormPage> {
    await this.press(this.t('meetings.list.add'));
    return new MeetingFormPage(this.visitor);
  }
}

/** /collaboratives/:id/meetings/new */
export class MeetingFormPage extends CollaborativeAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('meetings.form.addHeading', { titleKey: 'meetings.form.addTitle' });
  }

  async save(meeting: MeetingEntry): Promise<MeetingPage> {
    await this.field('meetings.fields.title').fill(meeting.title);
    await this.fillDate(this.t('meetings.fields.meetsOn'), meeting.meetsOn);
    await this.field('meetings.fields.startsAt').fill(meeting.startsAt);
    await this.field('meetings.fields.endsAt').fill(meeting.endsAt);
    await this.field('meetings.fields.location').fill(meeting.location);
    await this.field('meetings.fields.agenda').fill(meeting.agenda);
    const schools = this.page.getByRole('group', { name: this.t('meetings.fields.schools'), exact: true });
    for (const name of meeting.schools) await schools.getByLabel(name, { exact: true }).check();
    await this.field('meetings.fields.attendees').fill(meeting.attendees);
    await this.field('meetings.fields.notes').fill(meeting.notes);
    await this.submit('meetings.form.save');
    return new MeetingPage(this.visitor);
  }
}

/** /collaboratives/:id/meetings/:meetingId: the meeting, who came, its notes and agreed actions. */
export class MeetingPage extends CollaborativeAreaPage {
  async expectShown(title: string): Promise<void> {
    expect(await this.heading()).toBe(title);
    await this.expectTitle(title);
  }

  /** The paragraph under a heading of the page (the agenda, the notes). */
  async textUnder(headingKey: string): Promise<string> {
    const heading = this.page.getByRole('heading', { name: this.t(headingKey), exact: true });
    return squash(await heading.locator('xpath=following-sibling::*[1]').innerText());
  }

  async present(count: number): Promise<string[]> {
    const heading = this.page.getByRole('heading', { name: this.t('meetings.page.present', { count }), exact: true });
    return (await heading.locator('xpath=following-sibling::ul[1]/li').allInnerTexts()).map(squash);
  }

  /** Adds an agreed action with the form at the foot of the page. */
  async addAction(action: AgreedAction): Promise<Response> {
    const form = this.page.locator('form', {
      has: this.page.getByRole('button', { name: this.t('meetings.actions.addSubmit'), exact: true }),
    });
    await form.getByLabel(this.t('meetings.actions.fields.description'), { exact: true }).fill(action.description);
    await this.nameOwnerOutside(action.owner, form);
    await form
      .getByLabel(this.t('meetings.actions.fields.ownerSchool'), { exact: true })
      .selectOption({ label: action.ownerSchool });
    await this.fillDate(this.t('meetings.actions.fields.dueOn'), action.dueOn);
    return this.submit('meetings.actions.addSubmit');
  }

  /** The agreed actions table, without its column of buttons. */
  async actions(): Promise<Record<string, string>[]> {
    const rows = await this.tableRows(
      this.page.getByRole('table', { name: this.t('meetings.actions.heading'), exact: true }),
    );
    return rows.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([header]) => header !== this.t('common.actions'))),
    );
  }
}

/** /collaboratives/:id/progression: sessions on shared understanding of progression. */
export class ProgressionPage extends CollaborativeAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('progression.list.heading', { titleKey: 'progression.list.title' });
  }

  async sessions(count: number): Promise<Record<string, string>[]> {
    return this.tableRows(
      this.page.getByRole('table', { name: this.t('progression.list.count', { count }), exact: true }),
    );
  }

  async openSession(name: string): Promise<SessionPage> {
    await this.followLink(name);
    return new SessionPage(this.visitor);
  }
}

/** /collaboratives/:id/progression/:sessionId */
export class SessionPage extends CollaborativeAreaPage {
  async expectShown(title: string): Promise<void> {
    expect(await this.heading()).toBe(title);
    await this.expectTitle(title);
  }

  async textUnder(headingKey: string): Promise<string> {
    const heading = this.page.getByRole('heading', { name: this.t(headingKey), exact: true });
    return squash(await heading.locator('xpath=following-sibling::*[1]').innerText());
  }
}

/** /collaboratives/:id/reciprocity: who hosted, visited, gave and received support; schools by name. */
export class ReciprocityPage extends CollaborativeAreaPage {
  async expectShown(): Promise<void> {
    await this.expectHeading('reciprocity.collaborative.heading', { titleKey: 'reciprocity.collaborative.title' });
  }

  /** Each school's row: its name (and any flag) and its counts, by column heading. */
  async rows(): Promise<Record<string, string>[]> {
    return this.tableRows(this.page.locator('main table', { has: this.page.locator('#reciprocity-caption') }));
  }
}
