// Results of an SLO survey, safe with small numbers (issue 18, part 3): no figure, overall or for any
// dimension or element, rests on fewer than MIN_RESPONSES people. A hidden figure is not computed
// into the model at all, so no page, export or evidence text can show it by mistake.
import { AGREEING, SLO_DIMENSIONS } from './slo-model.ts';

export const MIN_RESPONSES = 5;

/** How many answers gave each value, per question code (1-5 a view, 0 "don't know"). */
export type AnswerCount = { code: string; value: number; count: number };
export type SummaryInput = {
  responses: number;
  /** Per dimension: how many responses gave a view (1-5) on at least one of its elements. */
  dimensionViews: Record<string, number>;
  counts: AnswerCount[];
};

export type Figures = { base: number; agreeing: number; percent: number };
export type ElementResult = {
  code: string;
  figures: (Figures & { byValue: Record<number, number>; dontKnow: number }) | null;
};
export type DimensionResult = { code: string; figures: Figures | null; elements: ElementResult[] };
export type Summary = { responses: number; shown: boolean; dimensions: DimensionResult[] };

const percentOf = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

export function summarise(input: SummaryInput): Summary {
  const shown = input.responses >= MIN_RESPONSES;
  const countsOf = new Map<string, Map<number, number>>();
  for (const c of input.counts) {
    const m = countsOf.get(c.code) ?? new Map<number, number>();
    m.set(c.value, (m.get(c.value) ?? 0) + c.count);
    countsOf.set(c.code, m);
  }
  const dimensions = SLO_DIMENSIONS.map((d): DimensionResult => {
    let views = 0;
    let agreeing = 0;
    const elements = d.elements.map((e): ElementResult => {
      const m = countsOf.get(e.code) ?? new Map<number, number>();
      const byValue: Record<number, number> = {};
      let base = 0;
      let agree = 0;
      for (const v of [1, 2, 3, 4, 5]) {
        byValue[v] = m.get(v) ?? 0;
        base += byValue[v];
        if (AGREEING.has(v)) agree += byValue[v];
      }
      views += base;
      agreeing += agree;
      if (!shown || base < MIN_RESPONSES) return { code: e.code, figures: null };
      return {
        code: e.code,
        figures: { base, agreeing: agree, percent: percentOf(agree, base), byValue, dontKnow: m.get(0) ?? 0 },
      };
    });
    const people = input.dimensionViews[d.code] ?? 0;
    const figures =
      shown && people >= MIN_RESPONSES ? { base: people, agreeing, percent: percentOf(agreeing, views) } : null;
    return { code: d.code, figures, elements: shown ? elements : elements.map((e) => ({ ...e, figures: null })) };
  });
  return { responses: input.responses, shown, dimensions };
}
