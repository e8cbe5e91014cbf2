import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { laCycles, laImpactReviews, laPlanActions, laPriorities, nationalPriorities } from '../../db/schema/index.ts';

export type LaPriority = typeof laPriorities.$inferSelect;
export type LaAction = typeof laPlanActions.$inferSelect;
export type LaImpact = typeof laImpactReviews.$inferSelect;
export type PriorityValues = Pick<LaPriority, 'title' | 'description' | 'nifTheme' | 'nationalPriorities' | 'successMeasure' | 'state' | 'findingIds' | 'language'>;
export type ActionValues = Pick<LaAction, 'description' | 'owner' | 'dueOn' | 'status' | 'language'>;

export async function nationalPriorityList(db: Db) {
  return db.select().from(nationalPriorities).orderBy(asc(nationalPriorities.supporting), asc(nationalPriorities.code));
}

export async function listPriorities(db: Db, cycleId: string) {
  return db.select().from(laPriorities).where(eq(laPriorities.cycleId, cycleId)).orderBy(asc(laPriorities.createdAt));
}

/** A priority of this LA (in any of its cycles), or null. */
export async function findPriority(db: Db, laCode: string, id: string): Promise<LaPriority | null> {
  const [row] = await db.select({ p: laPriorities }).from(laPriorities).innerJoin(laCycles, eq(laCycles.id, laPriorities.cycleId)).where(and(eq(laPriorities.id, id), eq(laCycles.laCode, laCode)));
  return row?.p ?? null;
}

export async function insertPriority(db: Db, values: typeof laPriorities.$inferInsert) {
  const [row] = await db.insert(laPriorities).values(values).returning();
  return row!;
}

export async function updatePriority(db: Db, id: string, version: number, values: PriorityValues) {
  const [row] = await db
    .update(laPriorities)
    .set({ ...values, updatedAt: new Date(), version: sql`${laPriorities.version} + 1` })
    .where(and(eq(laPriorities.id, id), eq(laPriorities.version, version)))
    .returning();
  return row ?? null;
}

export async function listActions(db: Db, priorityId: string) {
  return db.select().from(laPlanActions).where(eq(laPlanActions.priorityId, priorityId)).orderBy(sql`${laPlanActions.dueOn} asc nulls last`, asc(laPlanActions.createdAt));
}

export async function findAction(db: Db, priorityId: string, id: string): Promise<LaAction | null> {
  const [row] = await db.select().from(laPlanActions).where(and(eq(laPlanActions.id, id), eq(laPlanActions.priorityId, priorityId)));
  return row ?? null;
}

export async function insertAction(db: Db, values: typeof laPlanActions.$inferInsert) {
  const [row] = await db.insert(laPlanActions).values(values).returning();
  return row!;
}

export async function updateAction(db: Db, id: string, version: number, values: Partial<ActionValues>) {
  const [row] = await db
    .update(laPlanActions)
    .set({ ...values, updatedAt: new Date(), version: sql`${laPlanActions.version} + 1` })
    .where(and(eq(laPlanActions.id, id), eq(laPlanActions.version, version)))
    .returning();
  return row ?? null;
}

export async function findImpact(db: Db, priorityId: string): Promise<LaImpact | null> {
  const [row] = await db.select().from(laImpactReviews).where(eq(laImpactReviews.priorityId, priorityId));
  return row ?? null;
}

/** The first review of a priority; null when someone else wrote one first. */
export async function insertImpact(db: Db, values: typeof laImpactReviews.$inferInsert) {
  const [row] = await db.insert(laImpactReviews).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateImpact(db: Db, id: string, version: number, values: Pick<LaImpact, 'whatChanged' | 'reviewedOn' | 'language'>) {
  const [row] = await db
    .update(laImpactReviews)
    .set({ ...values, updatedAt: new Date(), version: sql`${laImpactReviews.version} + 1` })
    .where(and(eq(laImpactReviews.id, id), eq(laImpactReviews.version, version)))
    .returning();
  return row ?? null;
}
