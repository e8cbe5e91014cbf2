import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import { parseDateParts } from '../../lib/govuk-date-input.ts';
import type { Language } from '../../plugins/i18n.ts';
import type { FigureRow, ReviewForm } from './impact-form.ts';
import type { Figure, ImpactReview } from './impact-repository.ts';

/** One figure as a line of text: "eFSM learners, Attendance %: 89% to 93%". */
export function figureLine(f: Figure | FigureRow, t: TFunction): string {
  const group = f.learnerGroup ? t(`reference.learnerGroup.${f.learnerGroup}`) : '–';
  return t('pages.impactReview.figureLine', {
    group,
    measure: f.measure,
    baseline: f.baseline || '–',
    latest: f.latest || '–',
  });
}

/** What someone else saved beside what this person typed, for the fields that differ. */
export function presentReviewConflict(
  current: ImpactReview,
  figures: Figure[],
  yours: ReviewForm,
  t: TFunction,
  lang: Language,
) {
  const typedDate = parseDateParts(yours.reviewedOn);
  const typedFigures = yours.figures.filter((f) => f.measure || f.latest || f.baseline || f.commentary);
  const blank = t('pages.impactReview.blank');
  const rows = [
    {
      label: t('pages.impactReview.fields.whatChanged'),
      theirs: current.whatChanged || blank,
      yours: yours.whatChanged || blank,
    },
    {
      label: t('pages.impactReview.fields.reviewedOn'),
      theirs: formatDate(current.reviewedOn, lang) || blank,
      yours: typedDate.ok ? formatDate(typedDate.value, lang) || blank : Object.values(yours.reviewedOn).join(' / '),
    },
    {
      label: t('pages.impactReview.fields.figures'),
      theirs: figures.map((f) => figureLine(f, t)).join('\n') || blank,
      yours: typedFigures.map((f) => figureLine(f, t)).join('\n') || blank,
    },
  ];
  return rows.filter((r) => r.theirs !== r.yours);
}
