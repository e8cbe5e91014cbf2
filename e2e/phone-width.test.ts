import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoData } from '../src/demo/demo-data.ts';
import { systemClock } from '../src/lib/clock.ts';
import { NOT_A_PAGE } from '../test/support/form-crawler.ts';
import { journeyTest } from './support/journey.ts';
import { LANGUAGES } from './support/visitor.ts';

/**
 * Phone first (issue 13): no page scrolls sideways on a 390 px or a 320 px wide screen. Every demo
 * persona signs in and walks the pages it can reach from its home, one page of each address pattern
 * (numbers and ids left out), in English and Welsh, at both widths; every page wider than the screen
 * is listed with how wide it is. Patterns one persona has measured are not measured again.
 */
const WIDTHS = [390, 320];
/** Patterns each persona measures at most: enough for every tab and menu, quick enough for the suite. */
const MAX_PATTERNS = 25;

/** The address's pattern: every number, uuid and code-like segment is one parameter. */
export function patternOf(path: string): string {
  return path
    .split('?')[0]!
    .split('/')
    .map((segment) => (/\d/.test(segment) ? ':id' : segment))
    .join('/');
}

/** The page's own links to other pages of the service (no downloads, no sign-out). */
async function linksOn(page: Page, base: string): Promise<string[]> {
  const hrefs = (await page.evaluate(
    "[...document.querySelectorAll('a[href]:not([download])')].map((a) => a.href)",
  )) as string[];
  const found = new Set<string>();
  for (const href of hrefs) {
    // An SVG link's href is not a string: such links are pictures' own, not pages.
    if (typeof href !== 'string' || !URL.canParse(href)) continue;
    const url = new URL(href);
    if (url.origin !== base || /^\/(static|assets|api)\//.test(url.pathname) || NOT_A_PAGE.test(url.pathname)) continue;
    url.searchParams.delete('lang');
    found.add(url.pathname + url.search);
  }
  return [...found];
}

/** How far the page is wider than the screen, in CSS pixels (0: it fits). */
async function overflow(page: Page, width: number): Promise<number> {
  await page.setViewportSize({ width, height: 800 });
  return ((await page.evaluate('document.documentElement.scrollWidth')) as number) - width;
}

journeyTest(
  'no page of any persona scrolls sideways at 390 px or 320 px, in English or Welsh',
  async ({ journey }) => {
    const started = performance.now();
    await loadDemoData(journey.server.db, systemClock.now());
    const base = journey.server.baseUrl;
    const measured = new Set<string>();
    const wide: string[] = [];
    let loads = 0;
    for (const account of DEMO_ACCOUNTS) {
      const visitor = await journey.arrive('en', { width: WIDTHS[0] });
      const page = visitor.page;
      await page.goto(`${base}/sign-in`);
      await page.locator('input[name="email"]').fill(account.email);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await Promise.all([
        page.waitForNavigation(),
        page.locator('form[action="/sign-in"] button[type="submit"]').click(),
      ]);
      expect(new URL(page.url()).pathname, `${account.email} signed in`).not.toBe('/sign-in');
      const queue = ['/'];
      const seen = new Set(queue);
      let patterns = 0;
      while (queue.length > 0 && patterns < MAX_PATTERNS) {
        const path = queue.shift()!;
        const pattern = patternOf(path);
        // Each persona's home is its own (its places, its menu); other pages once for all personas.
        if (measured.has(pattern) && path !== '/') continue;
        measured.add(pattern);
        patterns++;
        for (const lang of LANGUAGES) {
          const joiner = path.includes('?') ? '&' : '?';
          const response = await page.goto(`${base}${path}${joiner}lang=${lang}`).catch(() => null);
          loads++;
          if (!response || !String(response.headers()['content-type']).startsWith('text/html')) break;
          for (const width of WIDTHS) {
            const extra = await overflow(page, width);
            if (extra > 0) wide.push(`${account.role} ${lang} ${width}px ${path}: ${width + extra}px wide`);
          }
          await page.setViewportSize({ width: WIDTHS[0]!, height: 800 });
          if (lang === 'en')
            for (const link of await linksOn(page, base)) {
              if (seen.has(link)) continue;
              seen.add(link);
              queue.push(link);
            }
        }
      }
      await visitor.close();
    }
    const seconds = Math.round((performance.now() - started) / 1000);
    console.log(`phone-width: ${measured.size} page patterns, ${loads} loads, ${seconds} s`);
    expect({ patterns: measured.size > 45, wide }).toEqual({ patterns: true, wide: [] });
  },
  300_000,
);
