import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { ownerName } from '../action-owners/owner-name-repository.ts';
import type { Db } from '../../db/client.ts';
import {
  laCycles,
  laFindings,
  laImpactReviews,
  laPriorities,
  laPriorityActions,
  laPriorityFindings,
  nationalPriorities,
} from '../../db/schema/index.ts';

type PriorityRow = typeof laPriorities.$inferSelect;
/** A priority with the findings it answers (la_priority_findings), in the order the findings list shows them. */
export type LaPriority = PriorityRow & { findingIds: string[] };
export type LaAction = typeof laPriorityActions.$inferSelect;
export type LaImpact = typeof laImpactReviews.$inferSelect;
export type PriorityValues = Pick<
  PriorityRow,
  'title' | 'description' | 'nifTheme' | 'nationalPriorities' | 'successMeasure' | 'state' | 'language'
>;
export type ActionValues = Pick<LaAction, 'description' | 'owner' | 'ownerUserId' | 'dueOn' | 'status' | 'language'>;

export async function nationalPriorityList(db: Db) {
  return db.select().from(nationalPriorities).orderBy(asc(nationalPriorities.supporting), asc(nationalPriorities.code));
}

export async function listPriorities(db: Db, cycleId: string) {
  return db.select().from(laPriorities).where(eq(laPriorities.cycleId, cycleId)).orderBy(asc(laPriorities.createdAt));
}

/** A priority of this LA (in any of its cycles), or null. */
export async function findPriority(db: Db, laCode: string, id: string): Promise<LaPriority | null> {
  const [row] = await db
    .select({ p: laPriorities })
    .from(laPriorities)
    .innerJoin(laCycles, eq(laCycles.id, laPriorities.cycleId))
    .where(and(eq(laPriorities.id, id), eq(laCycles.laCode, laCode)));
  if (!row) return null;
  return { ...row.p, findingIds: (await linkedFindings(db, row.p.id)).map((f) => f.id) };
}

/** The findings a priority answers, as the findings list orders them (by kind, oldest first). */
export async function linkedFindings(db: Db, priorityId: string) {
  return db
    .select({ id: laFindings.id, title: laFindings.title, kind: laFindings.kind, language: laFindings.language })
    .from(laPriorityFindings)
    .innerJoin(laFindings, eq(laFindings.id, laPriorityFindings.findingId))
    .where(eq(laPriorityFindings.priorityId, priorityId))
    .orderBy(asc(laFindings.kind), asc(laFindings.createdAt));
}

/** The priority answers exactly these findings from now on. */
export async function replacePriorityFindings(db: Db, priorityId: string, findingIds: string[]) {
  await db.delete(laPriorityFindings).where(eq(laPriorityFindings.priorityId, priorityId));
  if (findingIds.length)
    await db
      .insert(laPriorityFindings)
      .values([...new Set(findingIds)].map((findingId) => ({ priorityId, findingId })));
}

export async function insertPriority(db: Db, values: typeof laPriorities.$inferInsert) {
  const [row] = await db.insert(laPriorities).values(values).returning();
  return row!;
}

export async function updatePriority(db: Db, id: string, version: number, values: PriorityValues, now: Date) {
  const [row] = await db
    .update(laPriorities)
    .set({ ...values, updatedAt: now, version: sql`${laPriorities.version} + 1` })
    .where(and(eq(laPriorities.id, id), eq(laPriorities.version, version)))
    .returning();
  return row ?? null;
}

/** The priority's actions; the owner as pages show it (ownerName). */
export async function listActions(db: Db, priorityId: string) {
  return db
    .select({ ...getTableColumns(laPriorityActions), owner: ownerName(laPriorityActions) })
    .from(laPriorityActions)
    .where(eq(laPriorityActions.priorityId, priorityId))
    .orderBy(sql`${laPriorityActions.dueOn} asc nulls last`, asc(laPriorityActions.createdAt));
}

export async function findAction(db: Db, priorityId: string, id: string): Promise<LaAction | null> {
  const [row] = await db
    .select()
    .from(laPriorityActions)
    .where(and(eq(laPriorityActions.id, id), eq(laPriorityActions.priorityId, priorityId)));
  return row ?? null;
}

export async function insertAction(db: Db, values: typeof laPriorityActions.$inferInsert) {
  const [row] = await db.insert(laPriorityActions).values(values).returning();
  return row!;
}

export async function updateAction(db: Db, id: string, version: number, values: Partial<ActionValues>, now: Date) {
  const [row] = await db
    .update(laPriorityActions)
    .set({ ...values, updatedAt: now, version: sql`${laPriorityActions.version} + 1` })
    .where(and(eq(laPriorityActions.id, id), eq(laPriorityActions.version, version)))
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

export async function updateImpact(
  db: Db,
  id: string,
  version: number,
  values: Pick<LaImpact, 'whatChanged' | 'reviewedOn' | 'language'>,
  now: Date,
) {
  const [row] = await db
    .update(laImpactReviews)
    .set({ ...values, updatedAt: now, version: sql`${laImpactReviews.version} + 1` })
    .where(and(eq(laImpactReviews.id, id), eq(laImpactReviews.version, version)))
    .returning();
  return row ?? null;
}
