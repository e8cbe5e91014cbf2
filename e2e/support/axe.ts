import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** WCAG 2.2 AA, as docs/ARCHITECTURE.md section 4 asks: every level A and AA rule up to 2.2. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_TIMEOUT_MS = 20_000;
/**
 * Rules axe reports as "needs review" although what they find is certain. An id used twice and
 * pointed at by aria-labelledby (two sharing panels on one page) names the wrong region.
 */
const CERTAIN_WHEN_INCOMPLETE = ['duplicate-id-aria'];

// The axe-core that @axe-core/playwright depends on (and pins), so both stay the same version.
const requireFromAxePlaywright = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const AXE_SOURCE = (requireFromAxePlaywright('axe-core') as { source: string }).source;

type Failure = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
};

/**
 * Runs axe in the page itself and brings back only what failed. Every journey runs this on every
 * page, so it is most of a journey's time: AxeBuilder (legacy mode) also sent back every rule
 * that passed, with its elements' HTML: each journey took about a fifth longer (measured on the cycle journey).
 */
async function failuresIn(page: Page): Promise<Failure[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, certain }) => {
      type Result = {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      };
      // Runs in the browser: its window is the global object there.
      const inPage = globalThis as unknown as {
        document: unknown;
        axe: { run(context: unknown, options: object): Promise<{ violations: Result[]; incomplete: Result[] }> };
      };
      const results = await inPage.axe.run(inPage.document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return [...results.violations, ...results.incomplete.filter((result) => certain.includes(result.id))].map(
        (result) => ({
          id: result.id,
          impact: result.impact ?? null,
          help: result.help,
          nodes: result.nodes.map((node) => ({
            target: node.target.map(String),
            failureSummary: node.failureSummary ?? '',
          })),
        }),
      );
    },
    { tags: AXE_TAGS, certain: CERTAIN_WHEN_INCOMPLETE },
  );
}

/** Runs axe on the page as it is now and fails listing every violation (id, impact, where). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // A stuck run fails in seconds rather than at the test's time limit.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`axe did not finish within ${AXE_TIMEOUT_MS} ms on ${page.url()}`)),
      AXE_TIMEOUT_MS,
    );
  });
  const failures = await Promise.race([failuresIn(page), timeout]).finally(() => clearTimeout(timer));
  if (failures.length === 0) return;
  const lines = failures.map((failure) => {
    const targets = failure.nodes.map(
      (node) =>
        `    - ${node.target.join(' >>> ')}${node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
    );
    return `  ${failure.id} (${failure.impact ?? 'unknown impact'}): ${failure.help}\n${targets.join('\n')}`;
  });
  throw new Error(`axe found ${failures.length} violation(s) on ${page.url()}:\n${lines.join('\n')}`);
}
