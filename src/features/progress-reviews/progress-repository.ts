import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reused } from '../../db/reused-query.ts';
import {
  evidence,
  planActions,
  planReviewPoints,
  priorities,
  progressReviewEvidence,
  progressReviews,
  users,
} from '../../db/schema/index.ts';
import { visibleCondition, type ItemAccess } from '../../sharing/share-repository.ts';
import type { StoredPoint } from './review-points.ts';

export type Priority = typeof priorities.$inferSelect;
export type PlanAction = typeof planActions.$inferSelect;
export type ProgressReview = typeof progressReviews.$inferSelect;
export type ReviewValues = Pick<
  ProgressReview,
  'schoolNumber' | 'priorityId' | 'actionId' | 'reviewedOn' | 'rating' | 'comment' | 'language' | 'createdBy'
>;

// A priority the reader may see, and an action with its priority, found as the impact review and
// the plan find them (another school's is as good as missing).
export { findVisiblePriority as findPriority } from '../impact/impact-repository.ts';
export { findSchoolAction as findAction } from '../development-plan/plan-repository.ts';

export async function actionsOf(db: Db, priorityId: string) {
  return db
    .select({
      id: planActions.id,
      description: planActions.description,
      language: planActions.language,
      otherLanguage: planActions.otherLanguage,
    })
    .from(planActions)
    .where(eq(planActions.priorityId, priorityId))
    .orderBy(asc(planActions.createdAt));
}

export async function insertReview(db: Db, values: ReviewValues): Promise<ProgressReview> {
  const [row] = await db.insert(progressReviews).values(values).returning();
  return row!;
}

export async function linkEvidence(db: Db, reviewId: string, evidenceIds: string[]): Promise<void> {
  if (evidenceIds.length)
    await db.insert(progressReviewEvidence).values(evidenceIds.map((evidenceId) => ({ reviewId, evidenceId })));
}

/** Which of these ids are the school's own evidence: the only items a review may point to. */
export async function schoolEvidenceIds(db: Db, schoolNumber: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: evidence.id })
    .from(evidence)
    .where(and(eq(evidence.schoolNumber, schoolNumber), inArray(evidence.id, ids)));
  return rows.map((r) => r.id);
}

/** The school's evidence to choose from, newest first. */
export async function evidenceChoices(db: Db, schoolNumber: string, limit = 100) {
  return db
    .select({
      id: evidence.id,
      title: evidence.title,
      observedOn: evidence.observedOn,
      language: evidence.language,
      otherLanguage: evidence.otherLanguage,
    })
    .from(evidence)
    .where(and(eq(evidence.schoolNumber, schoolNumber), eq(evidence.archived, false)))
    .orderBy(desc(evidence.observedOn), desc(evidence.createdAt))
    .limit(limit);
}

/** Every review of a priority and of its actions, newest first, with who recorded it and the action's words. */
export async function reviewsOf(db: Db, priorityId: string) {
  return db
    .select({
      id: progressReviews.id,
      actionId: progressReviews.actionId,
      reviewedOn: progressReviews.reviewedOn,
      rating: progressReviews.rating,
      comment: progressReviews.comment,
      language: progressReviews.language,
      otherLanguage: progressReviews.otherLanguage,
      createdAt: progressReviews.createdAt,
      createdBy: progressReviews.createdBy,
      authorName: users.displayName,
      actionDescription: planActions.description,
      actionLanguage: planActions.language,
    })
    .from(progressReviews)
    .leftJoin(users, eq(users.id, progressReviews.createdBy))
    .leftJoin(planActions, eq(planActions.id, progressReviews.actionId))
    .where(eq(progressReviews.priorityId, priorityId))
    .orderBy(desc(progressReviews.reviewedOn), desc(progressReviews.createdAt));
}

/** The evidence these reviews point to, as far as the reader may open it. */
export async function reviewEvidence(db: Db, reviewIds: string[], access: ItemAccess) {
  if (reviewIds.length === 0) return [];
  return db
    .select({
      reviewId: progressReviewEvidence.reviewId,
      id: evidence.id,
      title: evidence.title,
      language: evidence.language,
      otherLanguage: evidence.otherLanguage,
    })
    .from(progressReviewEvidence)
    .innerJoin(evidence, eq(evidence.id, progressReviewEvidence.evidenceId))
    .where(and(inArray(progressReviewEvidence.reviewId, reviewIds), visibleCondition('evidence', evidence.id, access)))
    .orderBy(asc(evidence.title));
}

/** The priority-level reviews of these priorities (not their actions'), oldest first. */
export async function priorityRatings(db: Db, priorityIds: string[]) {
  if (priorityIds.length === 0) return [];
  // Built once (src/db/reused-query.ts): the plan page asks for it on every view.
  return reused(db, 'priority_ratings', (db) =>
    db
      .select({
        priorityId: progressReviews.priorityId,
        reviewedOn: progressReviews.reviewedOn,
        rating: progressReviews.rating,
      })
      .from(progressReviews)
      .where(
        and(
          sql`${progressReviews.priorityId} = any(${sql.placeholder('ids')}::uuid[])`,
          isNull(progressReviews.actionId),
        ),
      )
      .orderBy(asc(progressReviews.reviewedOn), asc(progressReviews.createdAt)),
  ).execute({ ids: priorityIds });
}

export async function storedPoints(db: Db, planId: string): Promise<StoredPoint[]> {
  return db
    .select({ academicYear: planReviewPoints.academicYear, term: planReviewPoints.term, dueOn: planReviewPoints.dueOn })
    .from(planReviewPoints)
    .where(eq(planReviewPoints.planId, planId));
}

/** Sets each of these review points, replacing the date the school had set before. */
export async function savePoints(
  db: Db,
  planId: string,
  actorId: string,
  points: StoredPoint[],
  now: Date,
): Promise<void> {
  for (const p of points)
    await db
      .insert(planReviewPoints)
      .values({
        planId,
        academicYear: p.academicYear,
        term: p.term,
        dueOn: p.dueOn,
        createdBy: actorId,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [planReviewPoints.planId, planReviewPoints.academicYear, planReviewPoints.term],
        set: { dueOn: p.dueOn, createdBy: actorId, updatedAt: now },
      });
}

/** One of the school's reviews, with the priority it belongs to. */
export async function findReview(db: Db, schoolNumber: string, id: string) {
  const [row] = await db
    .select({ review: progressReviews, priority: priorities })
    .from(progressReviews)
    .innerJoin(priorities, eq(priorities.id, progressReviews.priorityId))
    .where(and(eq(progressReviews.id, id), eq(progressReviews.schoolNumber, schoolNumber)));
  return row ?? null;
}

const latestOf = (db: Db, priorityId: string, actionId: string | null) =>
  db
    .select({ id: progressReviews.id })
    .from(progressReviews)
    .where(
      and(
        eq(progressReviews.priorityId, priorityId),
        actionId ? eq(progressReviews.actionId, actionId) : isNull(progressReviews.actionId),
      ),
    )
    .orderBy(desc(progressReviews.reviewedOn), desc(progressReviews.createdAt))
    .limit(1);

/** The latest review of the same priority (or the same action), by date reviewed then by when it was recorded. */
export async function latestReviewId(db: Db, priorityId: string, actionId: string | null): Promise<string | null> {
  const [row] = await latestOf(db, priorityId, actionId);
  return row?.id ?? null;
}

/** The same, holding its row until the transaction ends, so two removals of one review queue. */
export async function lockLatestReviewId(db: Db, priorityId: string, actionId: string | null): Promise<string | null> {
  const [row] = await latestOf(db, priorityId, actionId).for('update');
  return row?.id ?? null;
}

export async function reviewEvidenceIds(db: Db, reviewId: string): Promise<string[]> {
  const rows = await db
    .select({ id: progressReviewEvidence.evidenceId })
    .from(progressReviewEvidence)
    .where(eq(progressReviewEvidence.reviewId, reviewId));
  return rows.map((r) => r.id);
}

export async function deleteReview(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(progressReviews).where(eq(progressReviews.id, id)).returning({ id: progressReviews.id });
  return rows.length > 0;
}
