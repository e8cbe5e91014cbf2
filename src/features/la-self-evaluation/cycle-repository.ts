import { ownerName } from '../action-owners/owner-name-repository.ts';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  laCycles,
  laEvidence,
  laFindings,
  laImpactReviews,
  laPriorityActions,
  laPriorities,
} from '../../db/schema/index.ts';

export type LaCycle = typeof laCycles.$inferSelect;
export type CycleAnswers = Pick<LaCycle, 'howWellAnswer' | 'howKnowAnswer' | 'howImproveAnswer'>;

export async function findCycle(db: Db, laCode: string, academicYear: number): Promise<LaCycle | null> {
  const [row] = await db
    .select()
    .from(laCycles)
    .where(and(eq(laCycles.laCode, laCode), eq(laCycles.academicYear, academicYear)));
  return row ?? null;
}

/** Inserts the year's cycle unless it exists (two officers pressing start at once make one cycle). */
export async function insertCycle(db: Db, values: typeof laCycles.$inferInsert): Promise<LaCycle | null> {
  const [row] = await db.insert(laCycles).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Updates only if nobody saved since `version` was read; null on a conflict. */
export async function updateCycle(
  db: Db,
  id: string,
  version: number,
  values: Partial<CycleAnswers> & { stage?: string; language?: string },
  now: Date,
) {
  const [row] = await db
    .update(laCycles)
    .set({ ...values, updatedAt: now, version: sql`${laCycles.version} + 1` })
    .where(and(eq(laCycles.id, id), eq(laCycles.version, version)))
    .returning();
  return row ?? null;
}

export async function cycleCounts(db: Db, cycleId: string) {
  const count = sql<number>`count(*)::int`;
  const [[evidence], [findings], [priorities]] = await Promise.all([
    db.select({ n: count }).from(laEvidence).where(eq(laEvidence.cycleId, cycleId)),
    db.select({ n: count }).from(laFindings).where(eq(laFindings.cycleId, cycleId)),
    db.select({ n: count }).from(laPriorities).where(eq(laPriorities.cycleId, cycleId)),
  ]);
  return { evidence: evidence!.n, findings: findings!.n, priorities: priorities!.n };
}

/** The cycle's priorities with their actions not yet done (soonest due first) and whether impact is reviewed. */
export async function prioritiesWithOpenActions(db: Db, cycleId: string) {
  const list = await db
    .select({
      id: laPriorities.id,
      title: laPriorities.title,
      state: laPriorities.state,
      nifTheme: laPriorities.nifTheme,
      language: laPriorities.language,
      otherLanguage: laPriorities.otherLanguage,
      reviewedOn: laImpactReviews.reviewedOn,
    })
    .from(laPriorities)
    .leftJoin(laImpactReviews, eq(laImpactReviews.priorityId, laPriorities.id))
    .where(eq(laPriorities.cycleId, cycleId))
    .orderBy(asc(laPriorities.createdAt));
  const actions = list.length
    ? await db
        .select({
          id: laPriorityActions.id,
          priorityId: laPriorityActions.priorityId,
          description: laPriorityActions.description,
          owner: ownerName(laPriorityActions),
          dueOn: laPriorityActions.dueOn,
          status: laPriorityActions.status,
          language: laPriorityActions.language,
          otherLanguage: laPriorityActions.otherLanguage,
        })
        .from(laPriorityActions)
        .where(
          and(
            inArray(
              laPriorityActions.priorityId,
              list.map((p) => p.id),
            ),
            ne(laPriorityActions.status, 'done'),
          ),
        )
        .orderBy(sql`${laPriorityActions.dueOn} asc nulls last`, asc(laPriorityActions.createdAt))
    : [];
  return list.map((p) => ({ ...p, openActions: actions.filter((a) => a.priorityId === p.id) }));
}
