import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  cycles,
  evidence,
  impactEvidence,
  impactGroupFigures,
  impactReviews,
  priorities,
  successCriteria,
} from '../../db/schema/index.ts';
import { visibleCondition, type ItemAccess } from '../../sharing/share-repository.ts';

export type ImpactReview = typeof impactReviews.$inferSelect;
export type Figure = Omit<typeof impactGroupFigures.$inferSelect, 'id' | 'reviewId'>;
export type Priority = typeof priorities.$inferSelect;

export async function findCycleId(db: Db, schoolNumber: string, academicYear: number): Promise<string | null> {
  const [row] = await db
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.schoolNumber, schoolNumber), eq(cycles.academicYear, academicYear)));
  return row?.id ?? null;
}

/** The cycle's priorities in these states that the reader may see, with when (if ever) their impact was reviewed. */
export async function prioritiesWithReviews(db: Db, cycleId: string, states: readonly string[], access: ItemAccess) {
  return db
    .select({
      id: priorities.id,
      title: priorities.title,
      state: priorities.state,
      learners: priorities.learners,
      language: priorities.language,
      otherLanguage: priorities.otherLanguage,
      reviewId: impactReviews.id,
      reviewedOn: impactReviews.reviewedOn,
      figures: sql<number>`(select count(*)::int from ${impactGroupFigures} f where f.review_id = ${impactReviews.id})`,
    })
    .from(priorities)
    .leftJoin(impactReviews, eq(impactReviews.priorityId, priorities.id))
    .where(
      and(
        eq(priorities.cycleId, cycleId),
        inArray(priorities.state, [...states]),
        visibleCondition('priority', priorities.id, access),
      ),
    )
    .orderBy(asc(priorities.createdAt), asc(priorities.title));
}

/** One of the school's priorities, if the reader may see it. */
export async function findVisiblePriority(
  db: Db,
  schoolNumber: string,
  id: string,
  access: ItemAccess,
): Promise<Priority | null> {
  const [row] = await db
    .select()
    .from(priorities)
    .where(
      and(
        eq(priorities.id, id),
        eq(priorities.schoolNumber, schoolNumber),
        visibleCondition('priority', priorities.id, access),
      ),
    );
  return row ?? null;
}

/** The priority's success criteria, each with its other-language version (issue 16). */
export async function criteriaTexts(db: Db, priorityId: string) {
  return db
    .select({ text: successCriteria.text, otherLanguage: successCriteria.otherLanguage })
    .from(successCriteria)
    .where(eq(successCriteria.priorityId, priorityId))
    .orderBy(asc(successCriteria.position));
}

export async function findReview(db: Db, priorityId: string): Promise<ImpactReview | null> {
  const [row] = await db.select().from(impactReviews).where(eq(impactReviews.priorityId, priorityId));
  return row ?? null;
}

export async function reviewFigures(db: Db, reviewId: string): Promise<Figure[]> {
  return db
    .select({
      learnerGroup: impactGroupFigures.learnerGroup,
      measure: impactGroupFigures.measure,
      baseline: impactGroupFigures.baseline,
      latest: impactGroupFigures.latest,
      commentary: impactGroupFigures.commentary,
    })
    .from(impactGroupFigures)
    .where(eq(impactGroupFigures.reviewId, reviewId))
    .orderBy(asc(impactGroupFigures.learnerGroup), asc(impactGroupFigures.measure));
}

const evidenceColumns = {
  id: evidence.id,
  title: evidence.title,
  source: evidence.source,
  observedOn: evidence.observedOn,
  firstHand: evidence.firstHand,
  learnerGroups: evidence.learnerGroups,
  language: evidence.language,
  otherLanguage: evidence.otherLanguage,
};

/** The evidence a review points to, as far as the reader may see it. */
export async function reviewEvidence(db: Db, reviewId: string, access: ItemAccess) {
  return db
    .select(evidenceColumns)
    .from(impactEvidence)
    .innerJoin(evidence, eq(evidence.id, impactEvidence.evidenceId))
    .where(and(eq(impactEvidence.reviewId, reviewId), visibleCondition('evidence', evidence.id, access)))
    .orderBy(desc(evidence.observedOn));
}

export async function reviewEvidenceIds(db: Db, reviewId: string): Promise<string[]> {
  const rows = await db
    .select({ id: impactEvidence.evidenceId })
    .from(impactEvidence)
    .where(eq(impactEvidence.reviewId, reviewId));
  return rows.map((r) => r.id);
}

/** The cycle's evidence to choose from (newest first), plus anything already chosen. */
export async function evidenceChoices(db: Db, cycleId: string, chosen: string[], limit = 200) {
  const recent = await db
    .select(evidenceColumns)
    .from(evidence)
    .where(and(eq(evidence.cycleId, cycleId), eq(evidence.archived, false)))
    .orderBy(desc(evidence.observedOn), desc(evidence.createdAt))
    .limit(limit);
  const missing = chosen.filter((id) => !recent.some((e) => e.id === id));
  const extra = missing.length
    ? await db
        .select(evidenceColumns)
        .from(evidence)
        .where(and(eq(evidence.cycleId, cycleId), inArray(evidence.id, missing)))
    : [];
  return [...recent, ...extra];
}

/** Which of these ids are evidence of this cycle: the only ones a review may point to. */
export async function cycleEvidenceIds(db: Db, cycleId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: evidence.id })
    .from(evidence)
    .where(and(eq(evidence.cycleId, cycleId), inArray(evidence.id, ids)));
  return rows.map((r) => r.id);
}

export type ReviewValues = { whatChanged: string; reviewedOn: string; language: string };

export async function insertReview(db: Db, priorityId: string, values: ReviewValues): Promise<ImpactReview | null> {
  const [row] = await db
    .insert(impactReviews)
    .values({ priorityId, ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Saves only if nobody saved since `version`; null on a conflict. */
export async function updateReview(
  db: Db,
  id: string,
  version: number,
  values: ReviewValues,
  now: Date,
): Promise<ImpactReview | null> {
  const [row] = await db
    .update(impactReviews)
    .set({ ...values, updatedAt: now, version: sql`${impactReviews.version} + 1` })
    .where(and(eq(impactReviews.id, id), eq(impactReviews.version, version)))
    .returning();
  return row ?? null;
}

export async function replaceFigures(db: Db, reviewId: string, figures: Figure[]): Promise<void> {
  await db.delete(impactGroupFigures).where(eq(impactGroupFigures.reviewId, reviewId));
  if (figures.length) await db.insert(impactGroupFigures).values(figures.map((f) => ({ ...f, reviewId })));
}

export async function replaceEvidence(db: Db, reviewId: string, evidenceIds: string[]): Promise<void> {
  await db.delete(impactEvidence).where(eq(impactEvidence.reviewId, reviewId));
  if (evidenceIds.length)
    await db.insert(impactEvidence).values(evidenceIds.map((evidenceId) => ({ reviewId, evidenceId })));
}

/**
 * What the "no group left behind" check needs, for the priorities under review and the evidence
 * the reader may see: the groups they name, and the groups reviews have figures or evidence for.
 */
export async function impactSignals(db: Db, cycleId: string, states: readonly string[], access: ItemAccess) {
  const visiblePriorities = and(
    eq(priorities.cycleId, cycleId),
    inArray(priorities.state, [...states]),
    visibleCondition('priority', priorities.id, access),
  );
  const visibleEvidence = and(
    eq(evidence.cycleId, cycleId),
    eq(evidence.archived, false),
    visibleCondition('evidence', evidence.id, access),
  );
  const [learners, evidenceTags, figureGroups, reviewEvidenceTags] = await Promise.all([
    db.select({ learners: priorities.learners }).from(priorities).where(visiblePriorities),
    db.select({ tags: evidence.learnerGroups }).from(evidence).where(visibleEvidence),
    db
      .selectDistinct({ group: impactGroupFigures.learnerGroup })
      .from(impactGroupFigures)
      .innerJoin(impactReviews, eq(impactReviews.id, impactGroupFigures.reviewId))
      .innerJoin(priorities, eq(priorities.id, impactReviews.priorityId))
      .where(visiblePriorities),
    db
      .select({ tags: evidence.learnerGroups })
      .from(impactEvidence)
      .innerJoin(impactReviews, eq(impactReviews.id, impactEvidence.reviewId))
      .innerJoin(priorities, eq(priorities.id, impactReviews.priorityId))
      .innerJoin(evidence, eq(evidence.id, impactEvidence.evidenceId))
      .where(and(visiblePriorities, visibleEvidence)),
  ]);
  return {
    priorityLearners: learners.map((r) => r.learners),
    evidenceTags: evidenceTags.map((r) => r.tags),
    figureGroups: figureGroups.map((r) => r.group),
    reviewEvidenceTags: reviewEvidenceTags.map((r) => r.tags),
  };
}
