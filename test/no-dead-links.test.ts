// Nothing shows a link its reader may not open (issue 17): every persona of the demo world walks
// the pages it can reach from its home, breadth first, as a person clicking would, and every link
// it is shown must open. A 403 means a tab, nav item or link rendered by a rule of its own rather
// than by the scope's `can`; a 404, a link to something the reader may not know of (or to nothing);
// a 5xx, a bug.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../src/demo/demo-data.ts';
import { personasOf, type Persona } from './support/bad-input-world.ts';
import { NOT_A_PAGE, routeMatcher } from './support/form-crawler.ts';
import { localLinks } from './support/html-forms.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** Pages each persona opens at most, and how many of one address pattern: enough to see every tab and menu, quick enough for the suite. */
const MAX_PAGES = 150;
const PER_PATTERN = 3;

type DeadLink = { persona: string; page: string; link: string; status: number };

/** The demo's records come first: they hold something in every state, so their pages show every link. */
const PREFER = /\/(schools\/6812308|local-authorities\/681|collaboratives|national|plans|partnerships)(\/|$)/;

/** One persona's walk: each address is opened once, and any link that does not open is kept with the page that showed it. */
async function walk(t: TestApp, persona: Persona): Promise<{ dead: DeadLink[]; pages: number }> {
  const match = routeMatcher(t.app.routeRegistry);
  const start = persona.name === 'anonymous' ? ['/sign-in'] : ['/'];
  const queue = start.map((link) => ({ link, page: '(start)' }));
  const seen = new Set(start);
  const perPattern = new Map<string, number>();
  const dead: DeadLink[] = [];
  let pages = 0;
  while (queue.length > 0 && pages < MAX_PAGES) {
    const { link, page } = queue.shift()!;
    const route = match('GET', link);
    // A link no route serves would answer 404: check it at once, whatever the budget.
    if (route) {
      const count = perPattern.get(route.url) ?? 0;
      if (count >= PER_PATTERN) continue;
      perPattern.set(route.url, count + 1);
    }
    const response = await persona.visitor.get(link);
    pages++;
    const status = response.statusCode;
    if (status === 403 || status === 404 || status >= 500) {
      dead.push({ persona: persona.name, page, link, status });
      continue;
    }
    if (status !== 200 || !String(response.headers['content-type']).startsWith('text/html')) continue;
    for (const next of localLinks(response.body, link)) {
      if (seen.has(next) || NOT_A_PAGE.test(next.split('?')[0]!)) continue;
      seen.add(next);
      if (PREFER.test(next)) queue.unshift({ link: next, page: link });
      else queue.push({ link: next, page: link });
    }
  }
  return { dead, pages };
}

let t: TestApp;
let personas: Persona[];

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoData(t.database.db, t.clock.now());
  personas = await personasOf(t);
}, 120_000);
afterAll(() => t?.close());

describe('links every persona is shown', () => {
  it('all open: none answers 403, 404 or 5xx', async () => {
    const dead: DeadLink[] = [];
    let pages = 0;
    for (const persona of personas) {
      const found = await walk(t, persona);
      dead.push(...found.dead);
      pages += found.pages;
    }
    console.log(`no-dead-links: opened ${pages} pages as ${personas.length} personas`);
    expect(pages).toBeGreaterThan(personas.length * 5);
    expect(dead.map((d) => `${d.persona}: ${d.page} links to ${d.link} (${d.status})`)).toEqual([]);
  }, 120_000);
});
