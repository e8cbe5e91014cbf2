import { FUNDING_SOURCES, type FundingSource } from '../../reference/reference-data.ts';
import { linesOf, type CostLine } from './cost-lines.ts';

type CostedAction = {
  id: string;
  description: string;
  language: string;
  startOn: string | null;
  dueOn: string | null;
  costPence: number | null;
  costs?: readonly CostLine[] | null;
};
type CostedPriority = { id: string; title: string; language: string; actions: readonly CostedAction[] };

export type CostRow = {
  priorityId: string;
  priorityTitle: string;
  priorityLanguage: string;
  actionId: string;
  description: string;
  language: string;
  year: number;
  source: FundingSource;
  grantName: string;
  amountPence: number;
};

export type CostTotals = {
  totalPence: number;
  byPriority: { id: string; title: string; language: string; totalPence: number }[];
  /** One row per source; each other grant by its name. Only sources something is paid from. */
  bySource: { source: FundingSource; grantName: string; totalPence: number }[];
  /** Academic years (September to August) by their first calendar year, earliest first. */
  byYear: { year: number; totalPence: number }[];
  rows: CostRow[];
};

/** The academic year a date (YYYY-MM-DD) falls in, by its starting year: September onwards is the next. */
function academicYearOfDate(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? year : year - 1;
}

/**
 * The year an action's money is spent in: the academic year it starts, else the one it is due,
 * else the plan year it belongs to.
 */
export function spendingYear(action: { startOn: string | null; dueOn: string | null }, planYear: number): number {
  const date = action.startOn ?? action.dueOn;
  return date ? academicYearOfDate(date) : planYear;
}

const add = <K>(totals: Map<K, number>, key: K, pence: number) => totals.set(key, (totals.get(key) ?? 0) + pence);

/**
 * What the plan costs: in all, by priority, by funding source and by year, from the priorities
 * the reader may see (so a governor's totals are those of the priorities shared with them). Money
 * is whole pence throughout, so the totals add up exactly; nothing is rounded.
 */
export function costTotals(priorities: readonly CostedPriority[], planYear: number): CostTotals {
  const rows: CostRow[] = priorities.flatMap((p) =>
    p.actions.flatMap((a) =>
      linesOf(a).map((line) => ({
        priorityId: p.id,
        priorityTitle: p.title,
        priorityLanguage: p.language,
        actionId: a.id,
        description: a.description,
        language: a.language,
        year: spendingYear(a, planYear),
        ...line,
      })),
    ),
  );
  const byPriority = new Map<string, number>();
  const bySource = new Map<string, number>();
  const byYear = new Map<number, number>();
  for (const row of rows) {
    add(byPriority, row.priorityId, row.amountPence);
    add(bySource, JSON.stringify([row.source, row.grantName]), row.amountPence);
    add(byYear, row.year, row.amountPence);
  }
  const sources = [...bySource].map(([key, totalPence]) => {
    const [source, grantName] = JSON.parse(key) as [FundingSource, string];
    return { source, grantName, totalPence };
  });
  sources.sort(
    (a, b) =>
      FUNDING_SOURCES.indexOf(a.source) - FUNDING_SOURCES.indexOf(b.source) || a.grantName.localeCompare(b.grantName),
  );
  return {
    totalPence: rows.reduce((sum, r) => sum + r.amountPence, 0),
    byPriority: priorities.map((p) => ({
      id: p.id,
      title: p.title,
      language: p.language,
      totalPence: byPriority.get(p.id) ?? 0,
    })),
    bySource: sources,
    byYear: [...byYear].map(([year, totalPence]) => ({ year, totalPence })).sort((a, b) => a.year - b.year),
    rows,
  };
}
