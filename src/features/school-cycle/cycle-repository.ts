import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cycles, planActions, priorities, priorityFindings, successCriteria } from '../../db/schema/index.ts';

export type Cycle = typeof cycles.$inferSelect;
export type CycleAnswers = Pick<
  Cycle,
  'progressingAnswer' | 'paceAnswer' | 'howWellAnswer' | 'howKnowAnswer' | 'howImproveAnswer' | 'language'
>;

export async function findCycle(db: Db, schoolNumber: string, academicYear: number): Promise<Cycle | null> {
  const [row] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.schoolNumber, schoolNumber), eq(cycles.academicYear, academicYear)));
  return row ?? null;
}

export async function latestCycle(db: Db, schoolNumber: string): Promise<Cycle | null> {
  const [row] = await db
    .select()
    .from(cycles)
    .where(eq(cycles.schoolNumber, schoolNumber))
    .orderBy(desc(cycles.academicYear))
    .limit(1);
  return row ?? null;
}

export async function listCycles(db: Db, schoolNumber: string) {
  return db
    .select({ id: cycles.id, academicYear: cycles.academicYear, stage: cycles.stage })
    .from(cycles)
    .where(eq(cycles.schoolNumber, schoolNumber))
    .orderBy(desc(cycles.academicYear));
}

export async function insertCycle(
  db: Db,
  values: { schoolNumber: string; academicYear: number; createdBy: string; language: string } & Partial<CycleAnswers>,
) {
  const [row] = await db.insert(cycles).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Updates only if nobody saved since `version` was read; returns the new row, or null on a conflict. */
export async function updateCycle(
  db: Db,
  id: string,
  version: number,
  values: Partial<CycleAnswers> & { stage?: string },
  now: Date,
) {
  const [row] = await db
    .update(cycles)
    .set({ ...values, updatedAt: now, version: sql`${cycles.version} + 1` })
    .where(and(eq(cycles.id, id), eq(cycles.version, version)))
    .returning();
  return row ?? null;
}

const OPEN_STATES = ['draft', 'agreed', 'in_progress'];

/**
 * Copies what is still open from one cycle into the next: unfinished priorities with their
 * findings links, success criteria and actions not yet done. The originals stay in the old cycle.
 */
export async function carryForward(tx: Db, fromCycleId: string, toCycleId: string, actorId: string): Promise<number> {
  const open = await tx
    .select()
    .from(priorities)
    .where(and(eq(priorities.cycleId, fromCycleId), inArray(priorities.state, OPEN_STATES)));
  for (const p of open) {
    const { id, createdAt, updatedAt, version, ...rest } = p;
    const [copy] = await tx
      .insert(priorities)
      .values({ ...rest, cycleId: toCycleId, carriedFromId: id, createdBy: actorId })
      .returning({ id: priorities.id });
    const links = await tx.select().from(priorityFindings).where(eq(priorityFindings.priorityId, id));
    if (links.length)
      await tx.insert(priorityFindings).values(links.map((l) => ({ priorityId: copy!.id, findingId: l.findingId })));
    const criteria = await tx.select().from(successCriteria).where(eq(successCriteria.priorityId, id));
    if (criteria.length)
      await tx
        .insert(successCriteria)
        .values(criteria.map((c) => ({ priorityId: copy!.id, text: c.text, position: c.position })));
    const actions = await tx
      .select()
      .from(planActions)
      .where(and(eq(planActions.priorityId, id), ne(planActions.status, 'done')));
    if (actions.length) {
      await tx.insert(planActions).values(
        actions.map(({ id: actionId, createdAt: c, updatedAt: u, version: v, ...a }) => ({
          ...a,
          priorityId: copy!.id,
        })),
      );
    }
  }
  return open.length;
}

export async function cycleCounts(db: Db, cycleId: string) {
  const result = (await db.execute(sql`
    select
      (select count(*)::int from evidence where cycle_id = ${cycleId} and not archived) as evidence,
      (select count(*)::int from findings where cycle_id = ${cycleId}) as findings,
      (select count(*)::int from priorities where cycle_id = ${cycleId}) as priorities
  `)) as unknown as { rows: { evidence: number; findings: number; priorities: number }[] };
  return result.rows[0]!;
}
