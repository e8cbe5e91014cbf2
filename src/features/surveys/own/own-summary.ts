// Results of a school's own survey, safe with small numbers (issue 18, part 3): nothing at all below
// MIN_RESPONSES responses, and no question's figures unless at least MIN_RESPONSES answered it. A
// hidden figure is never computed into the model, so no page or evidence text can show it.
import { AGREEING } from '../slo-model.ts';
import { MIN_RESPONSES } from '../survey-summary.ts';

export type OwnQuestionInput = { id: string; kind: string; optionCount: number };
export type ValueCount = { questionId: string; value: number; count: number };

export type AgreementFigures = {
  base: number;
  agreeing: number;
  percent: number;
  byValue: Record<number, number>;
  dontKnow: number;
};
export type ChoiceFigures = { base: number; byOption: number[] };
export type OwnQuestionResult =
  | { id: string; kind: 'agreement'; figures: AgreementFigures | null }
  | { id: string; kind: 'choice'; figures: ChoiceFigures | null }
  | { id: string; kind: 'text'; figures: { base: number } | null };
export type OwnSummary = { responses: number; shown: boolean; questions: OwnQuestionResult[] };

const percentOf = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

export function summariseOwn(input: {
  responses: number;
  questions: OwnQuestionInput[];
  counts: ValueCount[];
}): OwnSummary {
  const shown = input.responses >= MIN_RESPONSES;
  const countsOf = new Map<string, Map<number, number>>();
  for (const c of input.counts) {
    const m = countsOf.get(c.questionId) ?? new Map<number, number>();
    m.set(c.value, (m.get(c.value) ?? 0) + c.count);
    countsOf.set(c.questionId, m);
  }
  const questions = input.questions.map((q): OwnQuestionResult => {
    const m = countsOf.get(q.id) ?? new Map<number, number>();
    if (q.kind === 'agreement') {
      const byValue: Record<number, number> = {};
      let base = 0;
      let agreeing = 0;
      for (const v of [1, 2, 3, 4, 5]) {
        byValue[v] = m.get(v) ?? 0;
        base += byValue[v];
        if (AGREEING.has(v)) agreeing += byValue[v];
      }
      const dontKnow = m.get(0) ?? 0;
      // The people who answered at all, "don't know" included, is what must reach the minimum.
      const ok = shown && base + dontKnow >= MIN_RESPONSES && base > 0;
      return {
        id: q.id,
        kind: 'agreement',
        figures: ok ? { base, agreeing, percent: percentOf(agreeing, base), byValue, dontKnow } : null,
      };
    }
    if (q.kind === 'choice') {
      const byOption = Array.from({ length: q.optionCount }, (_, i) => m.get(i + 1) ?? 0);
      const base = byOption.reduce((a, b) => a + b, 0);
      return { id: q.id, kind: 'choice', figures: shown && base >= MIN_RESPONSES ? { base, byOption } : null };
    }
    const base = m.get(0) ?? 0;
    return { id: q.id, kind: 'text', figures: shown && base >= MIN_RESPONSES ? { base } : null };
  });
  return { responses: input.responses, shown, questions };
}
