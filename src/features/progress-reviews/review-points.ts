/**
 * When progress reviews are due (issue 15 part 3): a review point at the end of each term of the
 * plan's three school years, on dates the school may set. Pure date rules on YYYY-MM-DD strings.
 */
import { SCHOOL_TERMS, type SchoolTerm } from '../../reference/reference-data.ts';

export type ReviewPoint = { academicYear: number; term: SchoolTerm; dueOn: string; setBySchool: boolean };
export type StoredPoint = { academicYear: number; term: string; dueOn: string };

/** Term dates differ by local authority, so these are only where a school starts from. */
const DEFAULT_TERM_END: Record<SchoolTerm, { month: number; day: number; nextYear: boolean }> = {
  autumn: { month: 12, day: 20, nextYear: false },
  spring: { month: 3, day: 31, nextYear: true },
  summer: { month: 7, day: 20, nextYear: true },
};
/** Days before a review point from which the plan says a review is due. */
export const DUE_SOON_DAYS = 28;
const DAY_MS = 86_400_000;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
export const daysBetween = (from: string, to: string) => Math.round((utc(to).getTime() - utc(from).getTime()) / DAY_MS);

/** The default end of a term: its nominal date, brought back to the Friday before if it falls at a weekend. */
export function defaultTermEnd(academicYear: number, term: SchoolTerm): string {
  const rule = DEFAULT_TERM_END[term];
  const date = new Date(Date.UTC(academicYear + (rule.nextYear ? 1 : 0), rule.month - 1, rule.day));
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(date.getUTCDate() - 1);
  if (weekday === 0) date.setUTCDate(date.getUTCDate() - 2);
  return iso(date);
}

/** The plan's school years, first to third. */
export const planYears = (firstYear: number) => [firstYear, firstYear + 1, firstYear + 2];

/** First and last day the plan covers: 1 September of its first year to 31 August after its third. */
export function planSpan(firstYear: number): { start: string; end: string } {
  return { start: `${firstYear}-09-01`, end: `${firstYear + 3}-08-31` };
}

/** Every review point of the plan in date order: the school's date where it set one, else the term's end. */
export function reviewPoints(firstYear: number, stored: readonly StoredPoint[]): ReviewPoint[] {
  return planYears(firstYear)
    .flatMap((academicYear) =>
      SCHOOL_TERMS.map((term) => {
        const set = stored.find((s) => s.academicYear === academicYear && s.term === term);
        return { academicYear, term, dueOn: set?.dueOn ?? defaultTermEnd(academicYear, term), setBySchool: !!set };
      }),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** Whether a date lies in a school year (1 September to 31 August). */
export function inAcademicYear(date: string, academicYear: number): boolean {
  return date >= `${academicYear}-09-01` && date <= `${academicYear + 1}-08-31`;
}

export type ReviewDue = { state: 'overdue' | 'due'; dueOn: string } | null;

/**
 * Whether a priority's review is overdue or due, from the review points after it was started
 * (`since`), the dates it was reviewed, and today. Overdue: the latest point has passed with no
 * review in the term that ended there nor since. Due: the next point is within DUE_SOON_DAYS (a
 * review after the latest point counts for the next one only once the latest one is met). A
 * priority whose latest review says it is complete needs no more.
 */
export function reviewDue(input: {
  points: readonly string[];
  reviews: readonly { reviewedOn: string; rating: string }[];
  today: string;
  since: string;
}): ReviewDue {
  const latest = [...input.reviews].sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn)).at(-1);
  if (latest?.rating === 'complete') return null;
  const points = [...input.points].filter((p) => p > input.since).sort();
  const passed = points.filter((p) => p <= input.today);
  const last = passed.at(-1);
  const next = points.find((p) => p > input.today);
  const dates = input.reviews.map((r) => r.reviewedOn).filter((d) => d <= input.today);
  let afterLast = dates.length;
  if (last) {
    const termStart = passed.at(-2) ?? input.since;
    const inTerm = dates.some((d) => d > termStart && d <= last);
    afterLast = dates.filter((d) => d > last).length;
    if (!inTerm && afterLast === 0) return { state: 'overdue', dueOn: last };
    if (!inTerm) afterLast -= 1;
  }
  if (next && daysBetween(input.today, next) <= DUE_SOON_DAYS && afterLast < 1) return { state: 'due', dueOn: next };
  return null;
}
