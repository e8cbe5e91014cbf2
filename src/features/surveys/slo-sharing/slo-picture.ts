// The SLO picture across the schools that consented (issue 18, part 5): for each dimension, how many
// schools fall in each band of staff agreement, and the agreement of all their staff together. Safe
// with small numbers twice over:
// - a school is counted only when every one of its dimension figures is shown to its own leaders,
//   i.e. at least MIN_RESPONSES people gave a view on each (the school's rule, survey-summary.ts),
//   so no school-level figure behind the picture rests on fewer than 5 people, and every dimension
//   counts the same schools (no difference between dimensions singles a school out);
// - every count of schools goes through the national picture's suppression (suppression.ts, the same
//   THRESHOLD and rules): a count of 1 to 4 schools is hidden, and the bands of each dimension add
//   up to the schools counted (complementary suppression), so no hidden count can be worked out.
// The schools that consented but could not be counted are not shown as a number: with the count, it
// would tell how many schools had fewer than 5 staff answering.
// A dimension's agreement is shown only with the count of schools, so it always pools at least 5
// schools of at least 5 people. Not covered (the national picture's documented limits): differences
// between audiences (an LA's picture against Wales's) and between snapshots (before and after a
// school withdraws).
import { suppress, THRESHOLD } from '../../national-picture/suppression.ts';
import { SLO_DIMENSIONS } from '../slo-model.ts';
import { MIN_RESPONSES } from '../survey-summary.ts';
import type { SchoolDimensionRow } from './share-repository.ts';

/** Bands of a school's staff agreement (percent agreeing of those who gave a view), lowest first. */
export const BANDS = [
  { code: 'under50', from: 0 },
  { code: 'from50', from: 50 },
  { code: 'from70', from: 70 },
  { code: 'from85', from: 85 },
] as const;
export type BandCode = (typeof BANDS)[number]['code'];

export const bandOf = (percent: number): BandCode => [...BANDS].reverse().find((b) => percent >= b.from)!.code;

/** A shown count, or null when hidden. */
export type Cell = number | null;
export type DimensionPicture = {
  code: string;
  bands: { code: BandCode; schools: Cell }[];
  /** Agreement of all the counted schools' staff together; null whenever `counted` is hidden. */
  percent: number | null;
  people: number | null;
};
export type SloPicture = { counted: Cell; dimensions: DimensionPicture[] };

const COUNTED = 'counted';
const bandKey = (d: string, b: string) => `${d}:${b}`;
const percentOf = (r: SchoolDimensionRow) => Math.round((r.agreeing / r.views) * 100);

export function sloPicture(sharedSchools: readonly string[], rows: readonly SchoolDimensionRow[]): SloPicture {
  const shared = new Set(sharedSchools);
  const bySchool = new Map<string, Map<string, SchoolDimensionRow>>();
  for (const r of rows) {
    if (!shared.has(r.schoolNumber)) continue;
    (bySchool.get(r.schoolNumber) ?? bySchool.set(r.schoolNumber, new Map()).get(r.schoolNumber)!).set(r.dimension, r);
  }
  const counting = [...bySchool.values()].filter((dims) =>
    SLO_DIMENSIONS.every((d) => (dims.get(d.code)?.people ?? 0) >= MIN_RESPONSES && dims.get(d.code)!.views > 0),
  );
  const values = new Map<string, number>([[COUNTED, counting.length]]);
  const lines = SLO_DIMENSIONS.map((d) => {
    for (const b of BANDS)
      values.set(
        bandKey(d.code, b.code),
        counting.filter((dims) => bandOf(percentOf(dims.get(d.code)!)) === b.code).length,
      );
    return { total: COUNTED, parts: BANDS.map((b) => bandKey(d.code, b.code)) };
  });
  const hidden = suppress({ values, lines, nested: [] });
  const counted = hidden.has(COUNTED) ? null : counting.length;
  const shown = counted !== null && counted >= THRESHOLD;
  return {
    counted,
    dimensions: SLO_DIMENSIONS.map((d) => {
      const mine = counting.map((dims) => dims.get(d.code)!);
      const views = mine.reduce((n, r) => n + r.views, 0);
      const agreeing = mine.reduce((n, r) => n + r.agreeing, 0);
      return {
        code: d.code,
        bands: BANDS.map((b) => {
          const key = bandKey(d.code, b.code);
          return { code: b.code, schools: shown && !hidden.has(key) ? values.get(key)! : null };
        }),
        percent: shown ? Math.round((agreeing / views) * 100) : null,
        people: shown ? mine.reduce((n, r) => n + r.people, 0) : null,
      };
    }),
  };
}
