import { and, asc, desc, eq, getTableColumns, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  cycles,
  inspectionRecommendations,
  inspections,
  priorities,
  recommendationPriorities,
} from '../../db/schema/index.ts';
import { visibleCondition, type ItemAccess } from '../../sharing/share-repository.ts';

export type Inspection = typeof inspections.$inferSelect;
export type Recommendation = typeof inspectionRecommendations.$inferSelect;

export async function findInspection(db: Db, schoolNumber: string): Promise<Inspection | null> {
  const [row] = await db.select().from(inspections).where(eq(inspections.schoolNumber, schoolNumber));
  return row ?? null;
}

/** Holds the inspection's row, so recommendations are numbered (and renumbered) one change at a time. */
export async function lockInspection(db: Db, id: string): Promise<void> {
  await db.select({ id: inspections.id }).from(inspections).where(eq(inspections.id, id)).for('update');
}

/** The school's first inspection record; null if another request recorded one first. */
export async function insertInspection(
  db: Db,
  values: { schoolNumber: string; inspectedOn: string; reportUrl: string; createdBy: string },
): Promise<Inspection | null> {
  const [row] = await db.insert(inspections).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Saves only if nobody saved since `version`; null on a conflict. */
export async function updateInspection(
  db: Db,
  id: string,
  version: number,
  values: { inspectedOn: string; reportUrl: string },
  now: Date,
): Promise<Inspection | null> {
  const [row] = await db
    .update(inspections)
    .set({ ...values, updatedAt: now, version: sql`${inspections.version} + 1` })
    .where(and(eq(inspections.id, id), eq(inspections.version, version)))
    .returning();
  return row ?? null;
}

export async function recommendationsOf(db: Db, inspectionId: string): Promise<Recommendation[]> {
  return db
    .select()
    .from(inspectionRecommendations)
    .where(eq(inspectionRecommendations.inspectionId, inspectionId))
    .orderBy(asc(inspectionRecommendations.number));
}

/** A recommendation of this school's inspection, or null (another school's is not there for it). */
export async function findRecommendation(db: Db, schoolNumber: string, id: string): Promise<Recommendation | null> {
  const [row] = await db
    .select(getTableColumns(inspectionRecommendations))
    .from(inspectionRecommendations)
    .innerJoin(inspections, eq(inspections.id, inspectionRecommendations.inspectionId))
    .where(and(eq(inspectionRecommendations.id, id), eq(inspections.schoolNumber, schoolNumber)));
  return row ?? null;
}

export async function lastNumber(db: Db, inspectionId: string): Promise<number> {
  const [row] = await db
    .select({ number: inspectionRecommendations.number })
    .from(inspectionRecommendations)
    .where(eq(inspectionRecommendations.inspectionId, inspectionId))
    .orderBy(desc(inspectionRecommendations.number))
    .limit(1);
  return row?.number ?? 0;
}

export async function insertRecommendation(
  db: Db,
  values: { inspectionId: string; number: number; text: string; language: string; createdBy: string },
): Promise<Recommendation> {
  const [row] = await db.insert(inspectionRecommendations).values(values).returning();
  return row!;
}

/** Saves only if nobody saved since `version`; null on a conflict. */
export async function updateRecommendation(
  db: Db,
  id: string,
  version: number,
  values: { text: string; language: string },
  now: Date,
): Promise<Recommendation | null> {
  const [row] = await db
    .update(inspectionRecommendations)
    .set({ ...values, updatedAt: now, version: sql`${inspectionRecommendations.version} + 1` })
    .where(and(eq(inspectionRecommendations.id, id), eq(inspectionRecommendations.version, version)))
    .returning();
  return row ?? null;
}

/** Removes one and closes the gap it leaves, so the rest stay R1..Rn (under lockInspection). */
export async function deleteRecommendation(db: Db, rec: Recommendation): Promise<boolean> {
  const deleted = await db
    .delete(inspectionRecommendations)
    .where(eq(inspectionRecommendations.id, rec.id))
    .returning({ id: inspectionRecommendations.id });
  if (deleted.length === 0) return false;
  await db
    .update(inspectionRecommendations)
    .set({ number: sql`${inspectionRecommendations.number} - 1` })
    .where(
      and(
        eq(inspectionRecommendations.inspectionId, rec.inspectionId),
        gt(inspectionRecommendations.number, rec.number),
      ),
    );
  return true;
}

export async function linkedPriorityIds(db: Db, recommendationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: recommendationPriorities.priorityId })
    .from(recommendationPriorities)
    .where(eq(recommendationPriorities.recommendationId, recommendationId));
  return rows.map((r) => r.id);
}

export async function replaceLinks(db: Db, recommendationId: string, priorityIds: string[]): Promise<void> {
  await db.delete(recommendationPriorities).where(eq(recommendationPriorities.recommendationId, recommendationId));
  if (priorityIds.length)
    await db
      .insert(recommendationPriorities)
      .values(priorityIds.map((priorityId) => ({ recommendationId, priorityId })));
}

const priorityWithYear = {
  id: priorities.id,
  title: priorities.title,
  language: priorities.language,
  otherLanguage: priorities.otherLanguage,
  state: priorities.state,
  academicYear: cycles.academicYear,
};

/**
 * The priorities linked to these recommendations that the reader may see (filtered in SQL: staff see
 * all, anyone else what was shared with them), with their progress: actions done of all actions.
 */
export async function linkedPriorities(db: Db, recommendationIds: string[], access: ItemAccess) {
  if (recommendationIds.length === 0) return [];
  return db
    .select({
      recommendationId: recommendationPriorities.recommendationId,
      ...priorityWithYear,
      actionsDone: sql<number>`(select count(*)::int from plan_actions a where a.priority_id = ${priorities.id} and a.status = 'done')`,
      actionsTotal: sql<number>`(select count(*)::int from plan_actions a where a.priority_id = ${priorities.id})`,
    })
    .from(recommendationPriorities)
    .innerJoin(priorities, eq(priorities.id, recommendationPriorities.priorityId))
    .innerJoin(cycles, eq(cycles.id, priorities.cycleId))
    .where(
      and(
        inArray(recommendationPriorities.recommendationId, recommendationIds),
        visibleCondition('priority', priorities.id, access),
      ),
    )
    .orderBy(desc(cycles.academicYear), asc(priorities.title));
}

/** The most priorities offered at once: a school has a handful a year. */
export const CHOICE_LIMIT = 500;

/** Every priority of the school, any year, newest year first: what a recommendation may be linked to. */
export async function priorityChoices(db: Db, schoolNumber: string) {
  return db
    .select(priorityWithYear)
    .from(priorities)
    .innerJoin(cycles, eq(cycles.id, priorities.cycleId))
    .where(eq(priorities.schoolNumber, schoolNumber))
    .orderBy(desc(cycles.academicYear), asc(priorities.title))
    .limit(CHOICE_LIMIT);
}

/** How many of these ids are this school's priorities (the rest belong to another school or to none). */
export async function countSchoolPriorities(db: Db, schoolNumber: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ id: priorities.id })
    .from(priorities)
    .where(and(eq(priorities.schoolNumber, schoolNumber), inArray(priorities.id, ids)));
  return rows.length;
}
