import { expect } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHOOL, loadDemoData } from '../src/demo/demo-data.ts';
import { systemClock } from '../src/lib/clock.ts';
import { journeyTest } from './support/journey.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { HomePage } from './pages/home-page.ts';
import { EvidenceItemPage } from './pages/evidence-pages.ts';

/** The one evidence item of the demo school a practitioner recorded and no leader has reviewed yet. */
const WAITING = 'Reading for pleasure: library loans';

/**
 * The demo headteacher (Welsh her language) clears the evidence waiting for her: she finds it on
 * her home, reads the home again in English with the header's toggle, opens the item, marks it
 * reviewed, and back home the evidence list is gone while everything else that waits on her stays,
 * in both languages. On the demo data, so the home is as full as a real school's.
 */
journeyTest(
  'home on the demo data: the headteacher reviews the evidence waiting for her, and only that leaves her home (cy, then en)',
  { timeout: 90_000 },
  async ({ journey }) => {
    const started = performance.now();
    await loadDemoData(journey.server.db, systemClock.now());
    const account = DEMO_ACCOUNTS.find((a) => a.email === 'headteacher@demo.cydwella.cymru')!;

    const head = await journey.arrive('cy');
    await head.visit('/sign-in');
    await new SignInPage(head).signIn(account.email, DEMO_PASSWORD);
    expect(head.path()).toBe('/');
    const home = new HomePage(head);
    await home.expectShown(account.displayName);
    expect(await home.saysNothingNeedsMe()).toBe(false);
    const before = await home.lists();
    expect(before).toContain('evidence');
    const waiting = head.page.getByRole('main').getByRole('link', { name: WAITING, exact: true });
    expect(await waiting.count()).toBe(1);
    expect(await waiting.getAttribute('href')).toMatch(new RegExp(`^/schools/${DEMO_SCHOOL}/evidence/[0-9a-f-]+$`));
    const evidenceHeading = (h: HomePage) => h.page.getByRole('heading', { name: h.t('home.school.evidence') });
    expect(await evidenceHeading(home).count()).toBe(1);

    await home.switchLanguage('en');
    await home.expectShown(account.displayName);
    expect(await home.lists()).toEqual(before);
    expect(await evidenceHeading(home).count()).toBe(1);

    await head.navigate(() => waiting.click());
    const item = new EvidenceItemPage(head);
    await item.expectShown(WAITING);
    expect(await item.status()).toBe(head.t('pages.evidence.item.toReview'));
    await item.press(head.t('pages.evidence.item.markReviewed'));
    expect(await item.successMessage()).toBe(head.t('pages.evidence.saved.reviewed'));
    expect(await item.status()).toBe(head.t('pages.evidence.item.reviewed'));

    await item.goToNavigation('home');
    const after = new HomePage(head);
    await after.expectShown(account.displayName);
    const rest = before.filter((key) => key !== 'evidence');
    expect(await after.lists()).toEqual(rest);
    expect(await waiting.count()).toBe(0);
    expect(await evidenceHeading(after).count()).toBe(0);
    // Other work still waits on her, so the home does not say nothing does.
    expect(await after.saysNothingNeedsMe()).toBe(rest.length === 0);

    await after.switchLanguage('cy');
    await after.expectShown(account.displayName);
    expect(await after.lists()).toEqual(rest);
    expect(await waiting.count()).toBe(0);
    console.log(`home-demo: ${Math.round((performance.now() - started) / 1000)} s`);
  },
);
