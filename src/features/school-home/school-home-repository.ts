import { and, asc, desc, eq, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { evidence, planActions, priorities, shares } from '../../db/schema/index.ts';
import { visibleCondition, type ItemAccess } from '../../sharing/share-repository.ts';

/** Priorities of the cycle counted by NIF theme and state, as the reader may see them. */
export async function priorityGrid(db: Db, cycleId: string, access: ItemAccess) {
  return db
    .select({ theme: priorities.nifTheme, state: priorities.state, count: sql<number>`count(*)::int` })
    .from(priorities)
    .where(and(eq(priorities.cycleId, cycleId), visibleCondition('priority', priorities.id, access)))
    .groupBy(priorities.nifTheme, priorities.state);
}

/** Actions not done and due by `until` (overdue ones first), on priorities the reader may see. */
export async function actionsDue(db: Db, cycleId: string, until: string, access: ItemAccess) {
  return db
    .select({
      id: planActions.id,
      description: planActions.description,
      owner: planActions.owner,
      dueOn: planActions.dueOn,
      status: planActions.status,
      priorityId: priorities.id,
      priorityTitle: priorities.title,
    })
    .from(planActions)
    .innerJoin(priorities, eq(priorities.id, planActions.priorityId))
    .where(
      and(
        eq(priorities.cycleId, cycleId),
        ne(planActions.status, 'done'),
        lte(planActions.dueOn, until),
        visibleCondition('priority', priorities.id, access),
      ),
    )
    .orderBy(asc(planActions.dueOn))
    .limit(20);
}

export async function newestEvidence(db: Db, cycleId: string, access: ItemAccess) {
  return db
    .select({
      id: evidence.id,
      title: evidence.title,
      source: evidence.source,
      observedOn: evidence.observedOn,
      firstHand: evidence.firstHand,
      language: evidence.language,
      otherLanguage: evidence.otherLanguage,
    })
    .from(evidence)
    .where(
      and(
        eq(evidence.cycleId, cycleId),
        eq(evidence.archived, false),
        visibleCondition('evidence', evidence.id, access),
      ),
    )
    .orderBy(desc(evidence.observedOn), desc(evidence.createdAt))
    .limit(5);
}

/** How many of the school's items are shared with each audience. */
export async function sharingSummary(db: Db, schoolNumber: string) {
  return db
    .select({ audience: shares.audience, itemType: shares.itemType, count: sql<number>`count(*)::int` })
    .from(shares)
    .where(eq(shares.schoolNumber, schoolNumber))
    .groupBy(shares.audience, shares.itemType);
}
