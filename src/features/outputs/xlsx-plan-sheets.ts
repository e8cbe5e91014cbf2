import type { TFunction } from 'i18next';
import { years, type OutputData } from './output-data.ts';
import { inTermOrder, planCosts } from './plan-parts.ts';
import { DATE_FORMAT, day, MONEY_FORMAT, pounds, sheet, x, type Cell } from './xlsx-sheet.ts';

/** The sheets of the three-year plan (issue 15): costs by funding source, progress reviews and the outline. */
const numberOf = (d: OutputData) => new Map(d.priorities.map((p, i) => [p.id, i + 1]));
const sourceIn = (source: string, t: TFunction) => t(`reference.fundingSource.${source}`);

/** Every cost line (an action's cost from one source), then the plan's total from each source. */
export function costSheet(d: OutputData, t: TFunction) {
  const totals = planCosts(d);
  const number = numberOf(d);
  const lines: Cell[][] = totals.rows.map((r) => [
    number.get(r.priorityId) ?? null,
    r.priorityTitle,
    r.description,
    years(r.year),
    sourceIn(r.source, t),
    r.grantName,
    pounds(r.amountPence),
  ]);
  const bySource: Cell[][] = totals.bySource.map((s) => [
    null,
    t(x('totalFor')),
    '',
    '',
    sourceIn(s.source, t),
    s.grantName,
    pounds(s.totalPence),
  ]);
  return sheet(
    ['number', 'priority', 'action', 'year', 'source', 'grant', 'cost'].map((key) => t(x(key))),
    [...lines, ...bySource],
    { 6: MONEY_FORMAT },
    [8, 30, 50, 10, 36, 24, 12],
  );
}

/** Every termly review of the priorities and their actions, by priority, oldest first. */
export function reviewSheet(d: OutputData, t: TFunction) {
  const rows: Cell[][] = d.priorities.flatMap((p, i) =>
    [...p.reviews]
      .reverse()
      .map((r) => [
        i + 1,
        p.title,
        r.actionDescription ?? '',
        day(r.reviewedOn),
        t(`reference.progressRating.${r.rating}`),
        r.comment,
      ]),
  );
  return sheet(
    ['number', 'priority', 'action', 'reviewedOn', 'rating', 'comment'].map((key) => t(x(key))),
    rows,
    { 3: DATE_FORMAT },
    [8, 30, 40, 14, 18, 60],
  );
}

/** Years two and three in outline: one row per intended action. */
export function outlineSheet(d: OutputData, t: TFunction) {
  const firstYear = d.plan?.firstYear ?? d.academicYear;
  const rows: Cell[][] = (d.outline ?? []).flatMap((o) => {
    const entry: Cell[] = [o.academicYear - firstYear + 1, years(o.academicYear), o.title, o.summary];
    return o.actions.length
      ? inTermOrder(o.actions).map((a) => [...entry, t(`pages.planOutline.fields.${a.term}`), a.description])
      : [[...entry, '', '']];
  });
  return sheet(
    ['planYear', 'year', 'priority', 'summary', 'term', 'intendedAction'].map((key) => t(x(key))),
    rows,
    {},
    [10, 10, 30, 40, 16, 50],
  );
}
