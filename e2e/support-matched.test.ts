import { expect } from 'vitest';
import { agreeMatch, createRequest } from '../src/features/brokering/brokering-service.ts';
import { findRequestRow } from '../src/features/brokering/brokering-repository.ts';
import { audienceFor } from '../src/notifications/audience.ts';
import { relayPendingEvents } from '../src/notifications/relay-service.ts';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES } from './support/visitor.ts';
import { dayFromToday } from './support/collaboration-world.ts';
import { BROKERING_STORIES, buildBrokeringWorld } from './support/brokering-world.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { HomePage } from './pages/home-page.ts';
import { SupportPage } from './pages/brokering-pages.ts';

/**
 * Issue 12: a headteacher is told her LA matched her school's support request. The school asked
 * its LA for support with an agreed priority; the LA officer agreed a match with another school;
 * the relay (the job runner's) tells the school's leaders. She signs in, sees the unread count in
 * the header and the answer on her home, reads the notification and follows it to her school's
 * support page, where the agreement is. In each language, axe on every page.
 */
journeyTest.concurrent.for(LANGUAGES)(
  'support matched (%s): the headteacher is told in the header and on her home, reads it in her notifications and follows it to the agreement',
  { timeout: 90_000 },
  async (lang, { journey }) => {
    const started = performance.now();
    const db = journey.server.db;
    const story = BROKERING_STORIES[lang];
    const world = await buildBrokeringWorld(db, lang, story);
    const { requestingHead, officer } = world.people;

    const request = await createRequest(db, requestingHead.id, world.requesting.number, world.priority.id, {
      need: story.need,
      brokerCollaborativeId: null,
      language: lang,
    });
    const row = (await findRequestRow(db, request.id))!;
    const agreed = await agreeMatch(
      db,
      officer.id,
      row,
      row.request.version,
      {
        supportingSchoolNumber: world.supporting.number,
        what: story.agreement.what,
        days: story.agreement.days,
        costPence: Number(story.agreement.cost) * 100,
        startsOn: dayFromToday().iso,
        endsOn: dayFromToday(60).iso,
        language: lang,
      },
      [],
      new Date(),
    );
    expect(agreed.ok).toBe(true);
    await relayPendingEvents(db, audienceFor, new Date());

    const head = await journey.arrive(lang);
    await head.visit('/sign-in');
    await new SignInPage(head).signIn(requestingHead.email, requestingHead.password);
    expect(head.path()).toBe('/');
    const home = new HomePage(head);
    await home.expectShown(requestingHead.displayName);

    // One unread: the badge for the eye, the phrase for a screen reader.
    const bell = head.page.getByTestId('header-notifications');
    expect((await bell.locator('.cyd-unread-badge').innerText()).trim()).toBe('1');
    expect((await bell.innerText()).replace(/\s+/g, ' ')).toContain(
      head.t('notifications.header.unread', { count: 1 }),
    );
    // The answer waits on her home too, until she records its impact.
    expect(await home.lists()).toEqual(['support']);
    const answer = head.page.locator('main .govuk-task-list__item', {
      has: head.page.getByRole('link', { name: story.need, exact: true }),
    });
    expect((await answer.locator('.govuk-task-list__hint').innerText()).trim()).toBe(head.t('home.supportMatched'));

    await head.navigate(() => bell.click());
    expect(head.path()).toBe('/notifications');
    expect(await head.page.locator('h1').innerText()).toBe(head.t('notifications.title'));
    const told = head.t('notifications.kinds.support_matched.title', {
      school: story.schools.requesting,
      need: story.need,
      supportingSchool: story.schools.supporting,
    });
    const notification = head.page.getByRole('main').getByRole('link', { name: told, exact: true });
    expect(await notification.count()).toBe(1);
    expect(await head.page.getByTestId('notifications').locator('li').count()).toBe(1);

    await head.navigate(() => notification.click());
    expect(head.path()).toBe(`/schools/${world.requesting.number}/support`);
    const support = new SupportPage(head);
    await support.expectShown(story.schools.requesting);
    const [matched] = await support.requests();
    expect(matched).toMatchObject({ title: story.priority, tag: head.t('brokering.requestStatus.matched') });
    expect(matched!.rows).toMatchObject({
      [head.t('brokering.agreement.receiving')]: `${story.schools.requesting} (${world.requesting.number})`,
      [head.t('brokering.agreement.supporting')]: `${story.schools.supporting} (${world.supporting.number})`,
      [head.t('brokering.agreement.need')]: story.need,
      [head.t('brokering.agreement.what')]: story.agreement.what,
    });
    // Read now: the header has no count left.
    expect(await bell.locator('.cyd-unread-badge').count()).toBe(0);
    console.log(`support-matched ${lang}: ${Math.round((performance.now() - started) / 1000)} s`);
  },
);
