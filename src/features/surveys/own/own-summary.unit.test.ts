import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_RESPONSES } from '../survey-summary.ts';
import { summariseOwn, type OwnQuestionInput, type ValueCount } from './own-summary.ts';

const QUESTIONS: OwnQuestionInput[] = [
  { id: 'a', kind: 'agreement', optionCount: 0 },
  { id: 'c', kind: 'choice', optionCount: 3 },
  { id: 't', kind: 'text', optionCount: 0 },
];

// Each response: per question a value or nothing (free text counted under 0, as the database does).
const responsesArb = fc.array(
  fc.tuple(
    fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    fc.option(fc.constant(0), { nil: undefined }),
  ),
  { maxLength: 14 },
);

function countsOf(responses: (number | undefined)[][]): ValueCount[] {
  const m = new Map<string, number>();
  for (const r of responses)
    r.forEach((v, i) => {
      if (v === undefined) return;
      const key = `${QUESTIONS[i]!.id}|${v}`;
      m.set(key, (m.get(key) ?? 0) + 1);
    });
  return [...m].map(([k, count]) => {
    const [questionId, value] = k.split('|');
    return { questionId: questionId!, value: Number(value), count };
  });
}
const answered = (responses: (number | undefined)[][], i: number) => responses.filter((r) => r[i] !== undefined).length;

describe("an own survey's summary", () => {
  it('never shows a figure that rests on fewer than 5 people, overall or for any question', () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const summary = summariseOwn({
          responses: responses.length,
          questions: QUESTIONS,
          counts: countsOf(responses),
        });
        expect(summary.shown).toBe(responses.length >= MIN_RESPONSES);
        summary.questions.forEach((q, i) => {
          if (!q.figures) return;
          expect(summary.shown).toBe(true);
          expect(answered(responses, i)).toBeGreaterThanOrEqual(MIN_RESPONSES);
          expect(q.figures.base).toBeGreaterThan(0);
        });
      }),
    );
  });

  it('counts each option and each point of the scale, with agreement as a percentage of views', () => {
    const responses = [
      [5, 1, 0],
      [4, 1, 0],
      [2, 2, 0],
      [0, 3, 0],
      [4, 1, 0],
      [undefined, 1, undefined],
    ];
    const summary = summariseOwn({ responses: 6, questions: QUESTIONS, counts: countsOf(responses) });
    expect(summary.questions[0]!.figures).toEqual({
      base: 4,
      agreeing: 3,
      percent: 75,
      byValue: { 1: 0, 2: 1, 3: 0, 4: 2, 5: 1 },
      dontKnow: 1,
    });
    expect(summary.questions[1]!.figures).toEqual({ base: 6, byOption: [4, 1, 1] });
    expect(summary.questions[2]!.figures).toEqual({ base: 5 });
  });
});
