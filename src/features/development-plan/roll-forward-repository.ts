import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  cycles,
  developmentPlans,
  planActions,
  planOutlinePriorities,
  priorities,
  priorityFindings,
  successCriteria,
} from '../../db/schema/index.ts';
import type { DatedAction } from './roll-forward.ts';

/** Every priority of a cycle with its actions' ids and statuses: what the roll-forward rules read. */
export async function cycleWork(db: Db, cycleId: string) {
  const rows = await db
    .select({ id: priorities.id, state: priorities.state })
    .from(priorities)
    .where(eq(priorities.cycleId, cycleId));
  if (rows.length === 0) return [];
  const actions = await db
    .select({ id: planActions.id, status: planActions.status, priorityId: planActions.priorityId })
    .from(planActions)
    .where(
      inArray(
        planActions.priorityId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((p) => ({ ...p, actions: actions.filter((a) => a.priorityId === p.id) }));
}

/** Carried priorities already in a cycle: the priority each came from -> its copy. */
export async function carriedInto(db: Db, cycleId: string): Promise<Record<string, string>> {
  const rows = await db
    .select({ id: priorities.id, from: priorities.carriedFromId })
    .from(priorities)
    .where(and(eq(priorities.cycleId, cycleId), isNotNull(priorities.carriedFromId)));
  return Object.fromEntries(rows.map((r) => [r.from!, r.id]));
}

/** The school's cycle for a year, started now if it was not. */
export async function ensureCycle(
  db: Db,
  values: { schoolNumber: string; academicYear: number; createdBy: string; language: string },
): Promise<string> {
  await db.insert(cycles).values(values).onConflictDoNothing();
  const [row] = await db
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.schoolNumber, values.schoolNumber), eq(cycles.academicYear, values.academicYear)));
  return row!.id;
}

/** Copies a priority into another cycle with its findings links, success criteria and the given actions. */
export async function carryPriority(
  db: Db,
  priorityId: string,
  toCycleId: string,
  actorId: string,
  actionIds: string[],
): Promise<string> {
  const [original] = await db.select().from(priorities).where(eq(priorities.id, priorityId));
  const { id, createdAt, updatedAt, version, ...rest } = original!;
  const [copy] = await db
    .insert(priorities)
    .values({ ...rest, cycleId: toCycleId, carriedFromId: id, createdBy: actorId })
    .returning({ id: priorities.id });
  const links = await db.select().from(priorityFindings).where(eq(priorityFindings.priorityId, id));
  if (links.length)
    await db.insert(priorityFindings).values(links.map((l) => ({ priorityId: copy!.id, findingId: l.findingId })));
  const criteria = await db.select().from(successCriteria).where(eq(successCriteria.priorityId, id));
  if (criteria.length)
    await db
      .insert(successCriteria)
      .values(criteria.map((c) => ({ priorityId: copy!.id, text: c.text, position: c.position })));
  if (actionIds.length) {
    const actions = await db.select().from(planActions).where(inArray(planActions.id, actionIds));
    await db
      .insert(planActions)
      .values(
        actions.map(({ id: _id, createdAt: _c, updatedAt: _u, version: _v, ...a }) => ({ ...a, priorityId: copy!.id })),
      );
  }
  return copy!.id;
}

export async function insertDraftPriority(
  db: Db,
  values: {
    schoolNumber: string;
    cycleId: string;
    title: string;
    description: string;
    language: string;
    carriedFromId: string | null;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await db
    .insert(priorities)
    .values({ ...values, state: 'draft' })
    .returning({ id: priorities.id });
  return row!.id;
}

export async function insertDatedActions(db: Db, priorityId: string, actions: DatedAction[], language: string) {
  if (actions.length)
    await db.insert(planActions).values(actions.map((a) => ({ ...a, priorityId, language, status: 'not_started' })));
}

export async function repointOutline(db: Db, outlineId: string, priorityId: string) {
  await db
    .update(planOutlinePriorities)
    .set({ continuesPriorityId: priorityId })
    .where(eq(planOutlinePriorities.id, outlineId));
}

export async function deleteOutlines(db: Db, ids: string[]) {
  if (ids.length) await db.delete(planOutlinePriorities).where(inArray(planOutlinePriorities.id, ids));
}

/** Moves the plan's three-year window to start at `toYear`, if nobody moved it since `fromYear`. */
export async function movePlanWindow(db: Db, planId: string, fromYear: number, toYear: number, now: Date) {
  const [row] = await db
    .update(developmentPlans)
    .set({ firstYear: toYear, updatedAt: now, version: sql`${developmentPlans.version} + 1` })
    .where(and(eq(developmentPlans.id, planId), eq(developmentPlans.firstYear, fromYear)))
    .returning();
  return row ?? null;
}
