import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reused } from '../../db/reused-query.ts';
import { planActions, planOutlineActions, planOutlinePriorities } from '../../db/schema/index.ts';
import type { OutlineInput, OutlineTerm } from './outline-form.ts';

export type OutlineEntry = typeof planOutlinePriorities.$inferSelect & {
  actions: { term: OutlineTerm; description: string; otherLanguage: Record<string, string> }[];
};

async function withActions(db: Db, rows: (typeof planOutlinePriorities.$inferSelect)[]): Promise<OutlineEntry[]> {
  if (rows.length === 0) return [];
  // Built once (src/db/reused-query.ts): the plan page asks for it on every view.
  const actions = await reused(db, 'outline_actions_of', (db) =>
    db
      .select()
      .from(planOutlineActions)
      .where(sql`${planOutlineActions.outlinePriorityId} = any(${sql.placeholder('ids')}::uuid[])`)
      .orderBy(asc(planOutlineActions.position)),
  ).execute({ ids: rows.map((r) => r.id) });
  return rows.map((r) => ({
    ...r,
    actions: actions
      .filter((a) => a.outlinePriorityId === r.id)
      .map((a) => ({ term: a.term as OutlineTerm, description: a.description, otherLanguage: a.otherLanguage })),
  }));
}

/** The plan's outline (years two and three), by year then as written, each with its intended actions. */
export async function planOutline(db: Db, planId: string): Promise<OutlineEntry[]> {
  const rows = await db
    .select()
    .from(planOutlinePriorities)
    .where(eq(planOutlinePriorities.planId, planId))
    .orderBy(asc(planOutlinePriorities.academicYear), asc(planOutlinePriorities.createdAt));
  return withActions(db, rows);
}

/** One of this school's outline entries, or null (another school's is as good as missing). */
export async function findSchoolOutline(db: Db, schoolNumber: string, id: string): Promise<OutlineEntry | null> {
  const rows = await db
    .select()
    .from(planOutlinePriorities)
    .where(and(eq(planOutlinePriorities.id, id), eq(planOutlinePriorities.schoolNumber, schoolNumber)));
  return (await withActions(db, rows))[0] ?? null;
}

async function writeActions(db: Db, outlinePriorityId: string, actions: OutlineInput['actions']) {
  await db.delete(planOutlineActions).where(eq(planOutlineActions.outlinePriorityId, outlinePriorityId));
  if (actions.length)
    await db
      .insert(planOutlineActions)
      .values(
        actions.map((a, position) => ({ outlinePriorityId, term: a.term, description: a.description, position })),
      );
}

export async function insertOutline(
  db: Db,
  values: { planId: string; schoolNumber: string; academicYear: number; language: string; createdBy: string },
  input: OutlineInput,
) {
  const { actions, ...fields } = input;
  const [row] = await db
    .insert(planOutlinePriorities)
    .values({ ...values, ...fields })
    .returning();
  await writeActions(db, row!.id, actions);
  return row!;
}

/** Saves only if nobody saved since `version`; null on a conflict. */
export async function updateOutline(
  db: Db,
  id: string,
  version: number,
  input: OutlineInput,
  language: string,
  now: Date,
) {
  const { actions, ...fields } = input;
  const [row] = await db
    .update(planOutlinePriorities)
    .set({ ...fields, language, updatedAt: now, version: sql`${planOutlinePriorities.version} + 1` })
    .where(and(eq(planOutlinePriorities.id, id), eq(planOutlinePriorities.version, version)))
    .returning();
  if (row) await writeActions(db, id, actions);
  return row ?? null;
}

export async function deleteOutline(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(planOutlinePriorities)
    .where(eq(planOutlinePriorities.id, id))
    .returning({ id: planOutlinePriorities.id });
  return rows.length > 0;
}

export type ActionFilter = { leadUserId?: string; leadText?: string; status?: string };

/** The ids of these priorities' actions that match the filter. */
export async function matchingActionIds(db: Db, priorityIds: string[], filter: ActionFilter): Promise<Set<string>> {
  if (priorityIds.length === 0) return new Set();
  const rows = await db
    .select({ id: planActions.id })
    .from(planActions)
    .where(
      and(
        inArray(planActions.priorityId, priorityIds),
        filter.leadUserId ? eq(planActions.ownerUserId, filter.leadUserId) : undefined,
        filter.leadText !== undefined
          ? and(isNull(planActions.ownerUserId), eq(planActions.owner, filter.leadText))
          : undefined,
        filter.status ? eq(planActions.status, filter.status) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.id));
}
