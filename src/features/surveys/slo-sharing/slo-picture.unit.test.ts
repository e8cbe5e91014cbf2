import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THRESHOLD } from '../../national-picture/suppression.ts';
import { SLO_DIMENSIONS } from '../slo-model.ts';
import { MIN_RESPONSES } from '../survey-summary.ts';
import type { SchoolDimensionRow } from './share-repository.ts';
import { bandOf, BANDS, sloPicture } from './slo-picture.ts';

// Schools as the database would return them: per school and dimension, people who gave a view, the
// views they gave (at least one each, at most 7 elements each) and how many agreed.
type School = { shared: boolean; dimensions: { people: number; perPerson: number; share: number }[] };
const schoolArb: fc.Arbitrary<School> = fc.record({
  shared: fc.boolean(),
  dimensions: fc.array(
    fc.record({
      people: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 40 })),
      perPerson: fc.integer({ min: 1, max: 7 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { minLength: SLO_DIMENSIONS.length, maxLength: SLO_DIMENSIONS.length },
  ),
});
const groupArb = fc.array(schoolArb, { maxLength: 30 });

function rowsOf(group: School[]) {
  const numbers = group.map((_, i) => `66${String(i).padStart(5, '0')}`);
  const rows: SchoolDimensionRow[] = [];
  group.forEach((s, i) =>
    s.dimensions.forEach((d, j) => {
      if (!d.people) return;
      const views = d.people * d.perPerson;
      rows.push({
        schoolNumber: numbers[i]!,
        dimension: SLO_DIMENSIONS[j]!.code,
        people: d.people,
        views,
        agreeing: Math.floor(views * d.share),
      });
    }),
  );
  return { shared: numbers.filter((_, i) => group[i]!.shared), rows };
}
/** The schools that may be counted: shared, and 5 or more people on every dimension. */
const countable = (group: School[]) =>
  group.filter((s) => s.shared && s.dimensions.every((d) => d.people >= MIN_RESPONSES));
const small = (n: number) => n >= 1 && n < THRESHOLD;

describe('the SLO picture across schools that shared', () => {
  it('never shows a count of 1 to 4 schools, nor lets one be worked out from the shown counts', () => {
    fc.assert(
      fc.property(groupArb, (group) => {
        const { shared, rows } = rowsOf(group);
        const picture = sloPicture(shared, rows);
        const truth = countable(group);
        if (picture.counted !== null) {
          expect(small(picture.counted)).toBe(false);
          expect(picture.counted).toBe(truth.length);
        }
        picture.dimensions.forEach((d, j) => {
          for (const b of d.bands) if (b.schools !== null) expect(small(b.schools)).toBe(false);
          if (picture.counted === null) return expect(d.bands.every((b) => b.schools === null)).toBe(true);
          // The hidden bands of a dimension add up to 0 or at least 5 schools.
          const hiddenBands = d.bands.filter((b) => b.schools === null).map((b) => b.code);
          const inHidden = truth.filter((s) => {
            const x = s.dimensions[j]!;
            const views = x.people * x.perPerson;
            return hiddenBands.includes(bandOf(Math.round((Math.floor(views * x.share) / views) * 100)));
          });
          expect(small(inHidden.length)).toBe(false);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('pools agreement only over at least 5 schools of at least 5 people each, and only schools that shared', () => {
    fc.assert(
      fc.property(groupArb, (group) => {
        const { shared, rows } = rowsOf(group);
        const truth = new Set(countable(group).map((s) => `66${String(group.indexOf(s)).padStart(5, '0')}`));
        for (const d of sloPicture(shared, rows).dimensions) {
          if (d.percent === null) {
            expect(d.people).toBeNull();
            continue;
          }
          const counted = rows.filter((r) => r.dimension === d.code && truth.has(r.schoolNumber));
          expect(counted.length).toBeGreaterThanOrEqual(THRESHOLD);
          expect(counted.every((r) => r.people >= MIN_RESPONSES)).toBe(true);
          expect(d.people).toBe(counted.reduce((n, r) => n + r.people, 0));
          const views = counted.reduce((n, r) => n + r.views, 0);
          expect(d.percent).toBe(Math.round((counted.reduce((n, r) => n + r.agreeing, 0) / views) * 100));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('counts a school that shared, in the band of its own figure, and not one that did not', () => {
    const rowsFor = (school: string, agreeing: number): SchoolDimensionRow[] =>
      SLO_DIMENSIONS.map((d) => ({ schoolNumber: school, dimension: d.code, people: 6, views: 100, agreeing }));
    const shared = ['1', '2', '3', '4', '5', '6'];
    const rows = [...shared.flatMap((s) => rowsFor(s, 90)), ...rowsFor('not-shared', 10)];
    const picture = sloPicture(shared, rows);
    expect(picture.counted).toBe(6);
    const vision = picture.dimensions.find((d) => d.code === 'vision')!;
    expect(vision.percent).toBe(90);
    expect(vision.people).toBe(36);
    expect(vision.bands).toEqual(BANDS.map((b) => ({ code: b.code, schools: b.code === 'from85' ? 6 : 0 })));
    // One school with 4 people on one dimension is not counted at all: 5 left, still shown.
    rows.find((r) => r.schoolNumber === '6')!.people = 4;
    expect(sloPicture(shared, rows).counted).toBe(5);
    expect(bandOf(49)).toBe('under50');
    expect(bandOf(70)).toBe('from70');
  });
});
