import { formatPounds } from './money.ts';
import type { CostTotals } from './cost-totals.ts';

/** Totals with every amount written in pounds, ready for the plan-costs partial. */
export function presentCosts(totals: CostTotals) {
  const pounds = <T extends { totalPence: number }>(rows: T[]) =>
    rows.map((r) => ({ ...r, totalText: formatPounds(r.totalPence) }));
  return {
    hasCosts: totals.rows.length > 0,
    totalText: formatPounds(totals.totalPence),
    byPriority: pounds(totals.byPriority),
    bySource: pounds(totals.bySource),
    byYear: pounds(totals.byYear),
    rows: totals.rows.map((r) => ({ ...r, amountText: formatPounds(r.amountPence) })),
  };
}
export type PresentedCosts = ReturnType<typeof presentCosts>;
