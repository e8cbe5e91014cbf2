import { checkLearnerData } from '../../lib/learner-data-check.ts';
import { dateToParts, parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { isOneOf, LEARNER_GROUPS } from '../../reference/reference-data.ts';
import type { Figure } from './impact-repository.ts';

export type FigureRow = { learnerGroup: string; measure: string; baseline: string; latest: string; commentary: string };
export type ReviewForm = { whatChanged: string; reviewedOn: DateParts; figures: FigureRow[]; evidenceIds: string[] };

export const LIMITS = { whatChanged: 5000, measure: 100, figure: 30, commentary: 500, rows: 20 } as const;
const E = (problem: string) => `pages.impactReview.errors.${problem}`;
export const BLANK_FIGURE: FigureRow = { learnerGroup: '', measure: '', baseline: '', latest: '', commentary: '' };

const isBlank = (row: FigureRow) => !row.measure && !row.baseline && !row.latest && !row.commentary;

/** A figure is a number with at most a short unit: "92.1%", "14 learners", "3.2 days", "23 out of 30". */
export function looksLikeFigure(value: string): boolean {
  return value.length <= LIMITS.figure && /\d/.test(value) && value.split(/\s+/).length <= 4;
}

export type ReviewValidation =
  | { ok: true; whatChanged: string; reviewedOn: string; figures: Figure[] }
  | { ok: false; errors: Record<string, string> };

/**
 * An impact review as typed. Figures are for groups of learners only (DOMAIN.md section 7, rule
 * 5): anything the learner-data check flags in a figure row is refused, not merely questioned.
 */
export function validateReview(form: ReviewForm, today: string, allowedPhrases: string[] = []): ReviewValidation {
  const errors: Record<string, string> = {};
  if (!form.whatChanged) errors.whatChanged = E('whatChangedMissing');
  else if (form.whatChanged.length > LIMITS.whatChanged) errors.whatChanged = E('whatChangedTooLong');
  const reviewed = parseDateParts(form.reviewedOn);
  if (!reviewed.ok) errors['reviewedOn-day'] = E(`reviewedOn_${reviewed.problem}`);
  else if (!reviewed.value) errors['reviewedOn-day'] = E('reviewedOnMissing');
  else if (reviewed.value > today) errors['reviewedOn-day'] = E('reviewedOnFuture');
  if (form.figures.length > LIMITS.rows) errors['figure-0-group'] = E('tooManyRows');
  form.figures.forEach((row, i) => {
    if (isBlank(row)) return;
    const id = (field: string) => `figure-${i}-${field}`;
    if (!isOneOf(LEARNER_GROUPS, row.learnerGroup)) errors[id('group')] = E('group');
    if (!row.measure) errors[id('measure')] = E('measureMissing');
    else if (row.measure.length > LIMITS.measure) errors[id('measure')] = E('measureTooLong');
    if (row.baseline && !looksLikeFigure(row.baseline)) errors[id('baseline')] = E('figure');
    if (!row.latest) errors[id('latest')] = E('latestMissing');
    else if (!looksLikeFigure(row.latest)) errors[id('latest')] = E('figure');
    if (row.commentary.length > LIMITS.commentary) errors[id('commentary')] = E('commentaryTooLong');
    for (const field of ['measure', 'baseline', 'latest', 'commentary'] as const) {
      const flags = errors[id(field)] ? [] : checkLearnerData(row[field], { allowedPhrases });
      if (flags.length)
        errors[id(field)] = E(flags.some((f) => f.reason !== 'full_name') ? 'learnerNumber' : 'learnerName');
    }
  });
  if (Object.keys(errors).length || !reviewed.ok || !reviewed.value) return { ok: false, errors };
  const figures = form.figures.filter((row) => !isBlank(row));
  return { ok: true, whatChanged: form.whatChanged, reviewedOn: reviewed.value, figures };
}

/** A saved review back into the form: its figures and room for one more. */
export function reviewToForm(
  review: { whatChanged: string; reviewedOn: string | null } | null,
  figures: Figure[],
  evidenceIds: string[],
): ReviewForm {
  return {
    whatChanged: review?.whatChanged ?? '',
    reviewedOn: dateToParts(review?.reviewedOn ?? null),
    figures: [...figures.map((f) => ({ ...f })), { ...BLANK_FIGURE }],
    evidenceIds,
  };
}
