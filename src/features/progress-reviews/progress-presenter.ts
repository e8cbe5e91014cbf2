import { readerTexts, withReaderTexts } from '../../lib/reader-texts.ts';
import type { TFunction } from 'i18next';
import type { Db } from '../../db/client.ts';
import { todayInWales } from '../../lib/clock.ts';
import { formatDate } from '../../lib/dates.ts';
import type { Language } from '../../plugins/i18n.ts';
import { academicYearOf, type ProgressRating } from '../../reference/reference-data.ts';
import type { ItemAccess } from '../../sharing/share-repository.ts';
import { currentPlan } from '../development-plan/plan-repository.ts';
import { progressChartSvg } from './progress-chart.ts';
import * as repo from './progress-repository.ts';
import { planSpan, reviewDue, reviewPoints, type ReviewDue, type ReviewPoint } from './review-points.ts';

type Rated = { reviewedOn: string; rating: string };
const dateOf = (d: Date) => d.toISOString().slice(0, 10);
/** Reviews count from the later of the plan's start and the day the priority was written. */
const sinceOf = (firstYear: number, createdAt: Date) => {
  const start = planSpan(firstYear).start;
  const created = dateOf(createdAt);
  return created > start ? created : start;
};

function describe(reviews: Rated[], t: TFunction, lang: Language): string {
  if (reviews.length === 0) return t('progressReviews.chart.none');
  const latest = reviews.at(-1)!;
  return t('progressReviews.chart.description', {
    n: reviews.length,
    first: formatDate(reviews[0]!.reviewedOn, lang),
    last: formatDate(latest.reviewedOn, lang),
    rating: t(`reference.progressRating.${latest.rating}`),
  });
}

/**
 * A priority's progress for its page: the chart of its own reviews over the plan's three years,
 * its history and its actions' histories (newest first), with evidence only as far as the reader
 * may open it, and whether a review is due.
 */
export async function priorityProgress(
  db: Db,
  input: {
    schoolNumber: string;
    priority: { id: string; title: string; createdAt: Date };
    access: ItemAccess;
    now: Date;
    /** The reader, when they may edit the plan: their own latest review of each target may be taken back. */
    editorId: string | null;
  },
  t: TFunction,
  lang: Language,
) {
  const plan = await currentPlan(db, input.schoolNumber, academicYearOf(input.now));
  const firstYear = plan?.firstYear ?? academicYearOf(input.now);
  const [reviews, actions, stored] = await Promise.all([
    repo.reviewsOf(db, input.priority.id),
    repo.actionsOf(db, input.priority.id),
    plan ? repo.storedPoints(db, plan.id) : [],
  ]);
  const evidence = await repo.reviewEvidence(
    db,
    reviews.map((r) => r.id),
    input.access,
  );
  // Newest first, so the first of each priority or action is its latest (as latestReviewId orders them).
  const seen = new Set<string>();
  const history = reviews.map((r) => {
    const target = r.actionId ?? '';
    const latest = !seen.has(target);
    seen.add(target);
    return {
      ...r,
      // The comment in the reader's language when written in it (issue 16), else as written and marked.
      rt: readerTexts(r, ['comment'], lang),
      evidence: evidence.filter((e) => e.reviewId === r.id).map((e) => withReaderTexts(e, ['title'], lang)),
      removable: latest && !!input.editorId && r.createdBy === input.editorId,
    };
  });
  const own = history.filter((r) => !r.actionId);
  const oldestFirst = [...own].reverse();
  const points = reviewPoints(firstYear, stored).map((p) => p.dueOn);
  const svg = progressChartSvg(
    {
      firstYear,
      reviews: oldestFirst.map((r) => ({ reviewedOn: r.reviewedOn, rating: r.rating as ProgressRating })),
      points,
      ratingLabel: (rating) => t(`reference.progressRating.${rating}`),
      yearLabel: (year) => t('progressReviews.chart.year', { year, next: year + 1 }),
      title: t('progressReviews.chart.title', { title: input.priority.title }),
      description: describe(oldestFirst, t, lang),
    },
    `progress-chart-${input.priority.id}`,
  );
  const due = plan
    ? reviewDue({
        points,
        reviews: own,
        today: todayInWales(input.now),
        since: sinceOf(firstYear, input.priority.createdAt),
      })
    : null;
  return {
    hasPlan: !!plan,
    firstYear,
    svg,
    tableRows: oldestFirst,
    history: own,
    due,
    actions: actions.map((a) => ({
      ...withReaderTexts(a, ['description'], lang),
      reviews: history.filter((r) => r.actionId === a.id),
    })),
  };
}

export type PriorityProgressSummary = { latest: Rated | null; due: ReviewDue };

/**
 * For the plan page: each priority's latest rating and whether a review is due, and the plan's next
 * review point (for the link to change them), from one read of the points the school set.
 */
export async function planProgress(
  db: Db,
  plan: { id: string; firstYear: number },
  priorities: readonly { id: string; createdAt: Date }[],
  now: Date,
): Promise<{ byPriority: Map<string, PriorityProgressSummary>; nextPoint: ReviewPoint | null }> {
  const [ratings, stored] = await Promise.all([
    repo.priorityRatings(
      db,
      priorities.map((p) => p.id),
    ),
    repo.storedPoints(db, plan.id),
  ]);
  const all = reviewPoints(plan.firstYear, stored);
  const points = all.map((p) => p.dueOn);
  const today = todayInWales(now);
  const byPriority = new Map(
    priorities.map((p) => {
      const reviews = ratings.filter((r) => r.priorityId === p.id);
      const due = reviewDue({ points, reviews, today, since: sinceOf(plan.firstYear, p.createdAt) });
      return [p.id, { latest: reviews.at(-1) ?? null, due }];
    }),
  );
  return { byPriority, nextPoint: all.find((p) => p.dueOn >= today) ?? null };
}
