import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.2 AA, as DESIGN.md section 7 asks: every level A and AA rule up to 2.2. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_TIMEOUT_MS = 20_000;

/** Runs axe on the page as it is now and fails listing every violation (id, impact, where). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Legacy mode runs axe in the page itself: no extra blank page per run, about half the time.
  // A stuck run fails in seconds rather than at the test's time limit.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe did not finish within ${AXE_TIMEOUT_MS} ms on ${page.url()}`)), AXE_TIMEOUT_MS);
  });
  const results = await Promise.race([new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze(), timeout]).finally(() => clearTimeout(timer));
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => `    - ${node.target.map(String).join(' >>> ')}${node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, '\n      ')}` : ''}`);
    return `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n${targets.join('\n')}`;
  });
  throw new Error(`axe found ${results.violations.length} violation(s) on ${page.url()}:\n${lines.join('\n')}`);
}
