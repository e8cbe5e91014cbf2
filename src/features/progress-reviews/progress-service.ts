import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { validatePointsForm, validateReviewForm, type PointsForm, type ReviewForm } from './review-form.ts';
import * as repo from './progress-repository.ts';

export type RecordResult = { ok: true; review: repo.ProgressReview } | { ok: false; errors: Record<string, string> };

/**
 * Records a review of a priority, or of one of its actions: always a new row, so the history stays
 * as it was said. Evidence may only be the school's own; anything else is refused, not dropped.
 */
export async function recordReview(
  db: Db,
  actorId: string,
  target: { priority: repo.Priority; action: repo.PlanAction | null },
  form: ReviewForm,
  context: { today: string; firstYear: number; language: string },
): Promise<RecordResult> {
  const checked = validateReviewForm(form, context);
  const errors = checked.ok ? {} : { ...checked.errors };
  const evidenceIds = [...new Set(form.evidenceIds)];
  const own = await repo.schoolEvidenceIds(db, target.priority.schoolNumber, evidenceIds);
  if (own.length !== evidenceIds.length) errors.evidenceIds = 'progressReviews.errors.evidence';
  if (!checked.ok || Object.keys(errors).length) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const review = await repo.insertReview(tx, {
      schoolNumber: target.priority.schoolNumber,
      priorityId: target.priority.id,
      actionId: target.action?.id ?? null,
      ...checked.values,
      language: context.language,
      createdBy: actorId,
    });
    await repo.linkEvidence(tx, review.id, own);
    await appendAudit(tx, {
      actorId,
      action: 'progress-review-create',
      entityType: 'progress_review',
      entityId: review.id,
      after: { priorityId: target.priority.id, actionId: target.action?.id ?? null, ...checked.values, evidence: own },
    });
    return { ok: true as const, review };
  });
}

/** Sets the plan's review points for its three years at once. */
export async function saveReviewPoints(
  db: Db,
  actorId: string,
  plan: { id: string; firstYear: number },
  form: PointsForm,
  now: Date,
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const checked = validatePointsForm(form, plan.firstYear);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    const before = await repo.storedPoints(tx, plan.id);
    await repo.savePoints(tx, plan.id, actorId, checked.points, now);
    await appendAudit(tx, {
      actorId,
      action: 'plan-review-points-update',
      entityType: 'development_plan',
      entityId: plan.id,
      before: before.length ? { points: before } : null,
      after: { points: checked.points },
    });
    return { ok: true as const };
  });
}

/**
 * Whether this person may take back this review: only the one who recorded it, and only while it
 * is still the latest of its priority or action, so a mistake can go but the history cannot be rewritten.
 */
export function mayRemove(review: { createdBy: string | null; id: string }, actorId: string, latestId: string | null) {
  return review.createdBy === actorId && latestId === review.id;
}

/** Removes the author's own mistaken latest review, audited with what it said. */
export async function removeOwnLatestReview(
  db: Db,
  actorId: string,
  review: repo.ProgressReview,
): Promise<'removed' | 'forbidden'> {
  return db.transaction(async (tx) => {
    const latest = await repo.lockLatestReviewId(tx, review.priorityId, review.actionId);
    if (!mayRemove(review, actorId, latest)) return 'forbidden' as const;
    const evidence = await repo.reviewEvidenceIds(tx, review.id);
    await repo.deleteReview(tx, review.id);
    const { createdAt, ...before } = review;
    await appendAudit(tx, {
      actorId,
      action: 'progress-review-delete',
      entityType: 'progress_review',
      entityId: review.id,
      before: { ...before, evidence },
    });
    return 'removed' as const;
  });
}
