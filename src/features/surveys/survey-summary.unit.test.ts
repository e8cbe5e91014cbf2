import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLO_DIMENSIONS, SLO_ELEMENTS } from './slo-model.ts';
import { MIN_RESPONSES, summarise, type SummaryInput } from './survey-summary.ts';

// Answers as people give them: each response a value (or nothing) per element; the counts the
// database would return are derived from them, so the input is always a possible one.
const responsesArb = fc.array(
  fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), {
    minLength: SLO_ELEMENTS.length,
    maxLength: SLO_ELEMENTS.length,
  }),
  { maxLength: 12 },
);

function inputOf(responses: (number | undefined)[][]): SummaryInput {
  const counts = new Map<string, number>();
  const dimensionViews: Record<string, number> = {};
  for (const answers of responses) {
    const viewed = new Set<string>();
    answers.forEach((value, i) => {
      if (value === undefined) return;
      const e = SLO_ELEMENTS[i]!;
      const key = `${e.code}|${value}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (value > 0) viewed.add(e.dimension);
    });
    for (const d of viewed) dimensionViews[d] = (dimensionViews[d] ?? 0) + 1;
  }
  return {
    responses: responses.length,
    dimensionViews,
    counts: [...counts].map(([key, count]) => {
      const [code, value] = key.split('|');
      return { code: code!, value: Number(value), count };
    }),
  };
}

describe('SLO survey results', () => {
  it('never shows a figure resting on fewer than 5 respondents, overall, per dimension or per element', () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const input = inputOf(responses);
        const summary = summarise(input);
        if (responses.length < MIN_RESPONSES) expect(summary.shown).toBe(false);
        for (const d of summary.dimensions) {
          if (d.figures) {
            expect(summary.shown).toBe(true);
            expect(input.dimensionViews[d.code] ?? 0).toBeGreaterThanOrEqual(MIN_RESPONSES);
          }
          for (const e of d.elements) {
            if (!e.figures) continue;
            expect(summary.shown).toBe(true);
            const gaveView = responses.filter((r) => {
              const v = r[SLO_ELEMENTS.findIndex((x) => x.code === e.code)];
              return v !== undefined && v > 0;
            }).length;
            expect(e.figures.base).toBe(gaveView);
            expect(gaveView).toBeGreaterThanOrEqual(MIN_RESPONSES);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows agreement once 5 people gave a view, and counts "don’t know" apart', () => {
    const first = SLO_DIMENSIONS[0]!.elements[0]!.code;
    const summary = summarise({
      responses: 6,
      dimensionViews: { vision: 5 },
      counts: [
        { code: first, value: 5, count: 2 },
        { code: first, value: 4, count: 1 },
        { code: first, value: 2, count: 2 },
        { code: first, value: 0, count: 1 },
      ],
    });
    const vision = summary.dimensions[0]!;
    expect(vision.figures).toEqual({ base: 5, agreeing: 3, percent: 60 });
    expect(vision.elements[0]!.figures).toMatchObject({ base: 5, agreeing: 3, percent: 60, dontKnow: 1 });
    expect(vision.elements[1]!.figures).toBeNull();
    expect(summary.dimensions[1]!.figures).toBeNull();
  });

  it('shows nothing at all below 5 responses, even where an element has answers', () => {
    const summary = summarise({
      responses: 4,
      dimensionViews: { vision: 4 },
      counts: [{ code: 'vision_1', value: 5, count: 4 }],
    });
    expect(summary.shown).toBe(false);
    expect(summary.dimensions.every((d) => !d.figures && d.elements.every((e) => !e.figures))).toBe(true);
  });
});
