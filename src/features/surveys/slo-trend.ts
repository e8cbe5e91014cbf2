// Year on year (issue 18, parts 1 and 4): a school's SLO results beside the previous academic year's,
// both from summarise, so last year's figures obey the same rule (none for fewer than 5 people).
// Only a closed survey stands as "last year": an open one's figures are still moving.
import type { Db } from '../../db/client.ts';
import { SLO_DIMENSIONS } from './slo-model.ts';
import type { resultsModel } from './survey-results.ts';
import { cachedSummary } from './survey-results-cache.ts';
import type { Figures, Summary } from './survey-summary.ts';
import { closedSloSurveyOf, sloSurveyOf } from './slo-trend-repository.ts';

type Results = ReturnType<typeof resultsModel>;
export type Previous = { id: string; academicYear: number; responses: number; shown: boolean } | null;

/** Last year's closed SLO survey of the school, summarised; null when there was none. */
export async function previousSummary(
  db: Db,
  schoolNumber: string,
  academicYear: number,
): Promise<{ id: string; academicYear: number; summary: Summary } | null> {
  const survey = await closedSloSurveyOf(db, schoolNumber, academicYear - 1);
  return survey
    ? { id: survey.id, academicYear: survey.academicYear, summary: await cachedSummary(db, survey.id) }
    : null;
}

/** Each dimension and element of this year's results with last year's figures (null when hidden or absent). */
export function withPrevious(results: Results, previous: Awaited<ReturnType<typeof previousSummary>>) {
  const dims = new Map(previous?.summary.dimensions.map((d) => [d.code, d]) ?? []);
  return {
    ...results,
    previous: previous ? previousOf(previous) : (null as Previous),
    dimensions: results.dimensions.map((d) => {
      const before = dims.get(d.code);
      const elements = new Map(before?.elements.map((e) => [e.code, e.figures]) ?? []);
      return {
        ...d,
        previousFigures: (before?.figures ?? null) as Figures | null,
        change: change(d.figures, before?.figures ?? null),
        elements: d.elements.map((e) => ({ ...e, previousFigures: (elements.get(e.code) ?? null) as Figures | null })),
      };
    }),
  };
}

const previousOf = (p: NonNullable<Awaited<ReturnType<typeof previousSummary>>>): Previous => ({
  id: p.id,
  academicYear: p.academicYear,
  responses: p.summary.responses,
  shown: p.summary.shown,
});

/** Percentage points up or down; null unless both years are shown. */
const change = (now: Figures | null, before: Figures | null) => (now && before ? now.percent - before.percent : null);

export type HomeRow = { code: string; name: string; now: Figures | null; before: Figures | null };
export type HomePanel = {
  academicYear: number;
  surveyId: string | null;
  responses: number;
  shown: boolean;
  previous: Previous;
  rows: HomeRow[];
};

/**
 * The school home's SLO panel: this year's survey (or, before it is opened, nothing of this year)
 * beside last year's closed one. Null when the school has neither, so the home shows a short line.
 */
export async function homePanel(db: Db, schoolNumber: string, academicYear: number, lang: 'en' | 'cy') {
  const [current, previous] = await Promise.all([
    sloSurveyOf(db, schoolNumber, academicYear),
    previousSummary(db, schoolNumber, academicYear),
  ]);
  if (!current && !previous) return null;
  const now = current ? await cachedSummary(db, current.id) : null;
  const nowBy = new Map(now?.dimensions.map((d) => [d.code, d.figures]) ?? []);
  const beforeBy = new Map(previous?.summary.dimensions.map((d) => [d.code, d.figures]) ?? []);
  return {
    academicYear,
    surveyId: current?.id ?? null,
    responses: now?.responses ?? 0,
    shown: now?.shown ?? false,
    previous: previous ? previousOf(previous) : null,
    rows: SLO_DIMENSIONS.map((d) => ({
      code: d.code,
      name: d.name[lang],
      now: nowBy.get(d.code) ?? null,
      before: beforeBy.get(d.code) ?? null,
    })),
  } satisfies HomePanel;
}
