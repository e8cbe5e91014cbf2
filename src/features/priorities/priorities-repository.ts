import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { cycles, findings, nationalPriorities, priorities, priorityFindings } from '../../db/schema/index.ts';
import { visibleCondition, type ItemAccess } from '../../sharing/share-repository.ts';

export type Priority = typeof priorities.$inferSelect;
export type PriorityValues = Pick<
  Priority,
  'title' | 'description' | 'nifTheme' | 'learners' | 'successMeasure' | 'nationalPriorities' | 'origin' | 'language'
>;

const earlier = alias(priorities, 'earlier_priority');
const earlierCycle = alias(cycles, 'earlier_cycle');
const findingCount = sql<number>`(select count(*)::int from ${priorityFindings} where ${priorityFindings.priorityId} = ${priorities.id})`;
const withOrigins = { carriedFromYear: earlierCycle.academicYear, findingCount };

/** The cycle's priorities the reader may see, with how many findings each rests on and where it was carried from. */
export async function prioritiesOfCycle(db: Db, cycleId: string, access: ItemAccess, filter: { national: string }) {
  return db
    .select({
      id: priorities.id,
      title: priorities.title,
      nifTheme: priorities.nifTheme,
      state: priorities.state,
      learners: priorities.learners,
      successMeasure: priorities.successMeasure,
      nationalPriorities: priorities.nationalPriorities,
      carriedFromId: priorities.carriedFromId,
      language: priorities.language,
      otherLanguage: priorities.otherLanguage,
      ...withOrigins,
    })
    .from(priorities)
    .leftJoin(earlier, eq(earlier.id, priorities.carriedFromId))
    .leftJoin(earlierCycle, eq(earlierCycle.id, earlier.cycleId))
    .where(
      and(
        eq(priorities.cycleId, cycleId),
        visibleCondition('priority', priorities.id, access),
        filter.national ? sql`${filter.national} = any(${priorities.nationalPriorities})` : undefined,
      ),
    )
    .orderBy(asc(priorities.createdAt));
}

export async function findPriority(db: Db, schoolNumber: string, id: string, access: ItemAccess) {
  const [row] = await db
    .select({ priority: priorities, ...withOrigins })
    .from(priorities)
    .leftJoin(earlier, eq(earlier.id, priorities.carriedFromId))
    .leftJoin(earlierCycle, eq(earlierCycle.id, earlier.cycleId))
    .where(
      and(
        eq(priorities.id, id),
        eq(priorities.schoolNumber, schoolNumber),
        visibleCondition('priority', priorities.id, access),
      ),
    );
  return row ? { ...row.priority, carriedFromYear: row.carriedFromYear, findingCount: row.findingCount } : null;
}
export type PriorityDetail = NonNullable<Awaited<ReturnType<typeof findPriority>>>;

/** The findings a priority rests on, and whether this reader may see each. */
export async function linkedFindings(db: Db, priorityId: string, access: ItemAccess) {
  const condition = visibleCondition('finding', findings.id, access);
  return db
    .select({
      id: findings.id,
      kind: findings.kind,
      title: findings.title,
      language: findings.language,
      otherLanguage: findings.otherLanguage,
      visible: sql<boolean>`${condition ?? sql`true`}`,
    })
    .from(priorityFindings)
    .innerJoin(findings, eq(findings.id, priorityFindings.findingId))
    .where(eq(priorityFindings.priorityId, priorityId))
    .orderBy(asc(findings.kind), asc(findings.title));
}

export async function linkedFindingIds(db: Db, priorityId: string): Promise<string[]> {
  const rows = await db
    .select({ id: priorityFindings.findingId })
    .from(priorityFindings)
    .where(eq(priorityFindings.priorityId, priorityId));
  return rows.map((r) => r.id);
}

/** Findings a leader may link: the cycle's, and any the priority already rests on (a carried-forward one keeps last year's). */
export async function findingChoices(db: Db, schoolNumber: string, cycleId: string, alreadyLinked: string[]) {
  return db
    .select({
      id: findings.id,
      kind: findings.kind,
      title: findings.title,
      nifTheme: findings.nifTheme,
      language: findings.language,
      otherLanguage: findings.otherLanguage,
    })
    .from(findings)
    .where(
      and(
        eq(findings.schoolNumber, schoolNumber),
        alreadyLinked.length
          ? or(eq(findings.cycleId, cycleId), inArray(findings.id, alreadyLinked))
          : eq(findings.cycleId, cycleId),
      ),
    )
    .orderBy(asc(findings.kind), asc(findings.createdAt));
}

export async function findingsOfSchool(db: Db, schoolNumber: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: findings.id, title: findings.title, nifTheme: findings.nifTheme })
    .from(findings)
    .where(and(eq(findings.schoolNumber, schoolNumber), inArray(findings.id, ids)));
}

export async function nationalPriorityList(db: Db) {
  return db
    .select()
    .from(nationalPriorities)
    .orderBy(asc(nationalPriorities.supporting), asc(nationalPriorities.publishedOn), asc(nationalPriorities.code));
}

export async function insertPriority(
  db: Db,
  values: PriorityValues & { schoolNumber: string; cycleId: string; createdBy: string },
) {
  const [row] = await db.insert(priorities).values(values).returning();
  return row!;
}

/** Updates only if nobody saved since `version` was read; returns the new row, or null on a conflict. */
export async function updatePriority(
  db: Db,
  id: string,
  version: number,
  values: Partial<PriorityValues> & { state?: string },
  now: Date,
) {
  const [row] = await db
    .update(priorities)
    .set({ ...values, updatedAt: now, version: sql`${priorities.version} + 1` })
    .where(and(eq(priorities.id, id), eq(priorities.version, version)))
    .returning();
  return row ?? null;
}

export async function findPriorityById(db: Db, id: string): Promise<Priority | null> {
  const [row] = await db.select().from(priorities).where(eq(priorities.id, id));
  return row ?? null;
}

export async function replacePriorityFindings(db: Db, priorityId: string, findingIds: string[]) {
  await db.delete(priorityFindings).where(eq(priorityFindings.priorityId, priorityId));
  if (findingIds.length)
    await db.insert(priorityFindings).values(findingIds.map((findingId) => ({ priorityId, findingId })));
}
