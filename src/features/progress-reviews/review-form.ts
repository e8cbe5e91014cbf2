import { dateToParts, parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { isOneOf, PROGRESS_RATINGS, SCHOOL_TERMS, type ProgressRating } from '../../reference/reference-data.ts';
import { inAcademicYear, planSpan, planYears, type StoredPoint } from './review-points.ts';

/** The review form as typed: what is shown again, unchanged, when something is wrong. */
export type ReviewForm = { reviewedOn: DateParts; rating: string; comment: string; evidenceIds: string[] };
export const MAX_COMMENT = 2000;
export const MAX_EVIDENCE = 20;
const E = (problem: string) => `progressReviews.errors.${problem}`;

export const emptyReviewForm = (today: string): ReviewForm => ({
  reviewedOn: dateToParts(today),
  rating: '',
  comment: '',
  evidenceIds: [],
});

export type ReviewValidation =
  | { ok: true; values: { reviewedOn: string; rating: ProgressRating; comment: string } }
  | { ok: false; errors: Record<string, string> };

/**
 * Checks a review as a leader typed it, every problem at once. The date is the school's to set
 * (the day of its review meeting, say) but within the plan's three years and not after today.
 */
export function validateReviewForm(form: ReviewForm, context: { today: string; firstYear: number }): ReviewValidation {
  const errors: Record<string, string> = {};
  const date = parseDateParts(form.reviewedOn);
  const { start } = planSpan(context.firstYear);
  if (!date.ok) errors['reviewedOn-day'] = E(`date_${date.problem}`);
  else if (!date.value) errors['reviewedOn-day'] = E('dateMissing');
  else if (date.value > context.today) errors['reviewedOn-day'] = E('dateFuture');
  else if (date.value < start) errors['reviewedOn-day'] = E('dateBeforePlan');
  if (!isOneOf(PROGRESS_RATINGS, form.rating)) errors.rating = E('rating');
  if (!form.comment) errors.comment = E('commentMissing');
  else if (form.comment.length > MAX_COMMENT) errors.comment = E('commentTooLong');
  if (form.evidenceIds.length > MAX_EVIDENCE) errors.evidenceIds = E('tooMuchEvidence');
  if (Object.keys(errors).length || !date.ok || !date.value || !isOneOf(PROGRESS_RATINGS, form.rating))
    return { ok: false, errors };
  return { ok: true, values: { reviewedOn: date.value, rating: form.rating, comment: form.comment } };
}

/** The review points form: a date per term of each of the plan's years, named `y<1-3>-<term>-day` etc. */
export type PointsForm = Record<string, DateParts>;
export const pointKey = (yearOfPlan: number, term: string) => `y${yearOfPlan}-${term}`;

/** Every point must be a real date within its own school year; points of a year must follow the terms' order. */
export function validatePointsForm(
  form: PointsForm,
  firstYear: number,
): { ok: true; points: StoredPoint[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const points: StoredPoint[] = [];
  for (const [index, academicYear] of planYears(firstYear).entries()) {
    let previous = '';
    for (const term of SCHOOL_TERMS) {
      const key = pointKey(index + 1, term);
      const parsed = parseDateParts(form[key] ?? { day: '', month: '', year: '' });
      const field = `${key}-day`;
      if (!parsed.ok) errors[field] = E(`point_${parsed.problem}`);
      else if (!parsed.value) errors[field] = E('pointMissing');
      else if (!inAcademicYear(parsed.value, academicYear)) errors[field] = E('pointOutsideYear');
      else if (parsed.value <= previous) errors[field] = E('pointOrder');
      else {
        previous = parsed.value;
        points.push({ academicYear, term, dueOn: parsed.value });
      }
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, points };
}
