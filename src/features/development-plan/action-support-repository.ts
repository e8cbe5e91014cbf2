import { aliasedTable, and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reused } from '../../db/reused-query.ts';
import {
  collaboratives,
  planActions,
  planActionSupport,
  priorities,
  schools,
  supportAgreements,
  supportRequests,
} from '../../db/schema/index.ts';

export type LinkedRequest = typeof supportRequests.$inferSelect;

/**
 * The priority's school, holding the priority's row until the transaction ends: two actions of the
 * priority saved at once queue here, so they cannot both find no open request and each raise one.
 */
export async function lockPriorityOf(db: Db, priorityId: string): Promise<string> {
  const [row] = await db
    .select({ schoolNumber: priorities.schoolNumber })
    .from(priorities)
    .where(eq(priorities.id, priorityId))
    .for('update');
  return row!.schoolNumber;
}

/** The request an action's support became, if any. */
export async function linkedRequest(db: Db, actionId: string): Promise<LinkedRequest | null> {
  const [row] = await db
    .select({ request: supportRequests })
    .from(planActionSupport)
    .innerJoin(supportRequests, eq(supportRequests.id, planActionSupport.requestId))
    .where(eq(planActionSupport.actionId, actionId));
  return row?.request ?? null;
}

/** The oldest open request on the priority brokered by this broker (null: the school's LA): the one to join. */
export async function openRequestFor(
  db: Db,
  priorityId: string,
  brokerCollaborativeId: string | null,
): Promise<LinkedRequest | null> {
  const [row] = await db
    .select()
    .from(supportRequests)
    .where(
      and(
        eq(supportRequests.priorityId, priorityId),
        eq(supportRequests.status, 'open'),
        brokerCollaborativeId === null
          ? isNull(supportRequests.brokerCollaborativeId)
          : eq(supportRequests.brokerCollaborativeId, brokerCollaborativeId),
      ),
    )
    .orderBy(asc(supportRequests.createdAt), asc(supportRequests.id))
    .limit(1);
  return row ?? null;
}

export async function insertLink(db: Db, actionId: string, requestId: string): Promise<void> {
  await db.insert(planActionSupport).values({ actionId, requestId });
}

export async function deleteLink(db: Db, actionId: string): Promise<void> {
  await db.delete(planActionSupport).where(eq(planActionSupport.actionId, actionId));
}

/** How many actions still ask for support through this request. */
export async function linkCount(db: Db, requestId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(planActionSupport)
    .where(eq(planActionSupport.requestId, requestId));
  return row?.n ?? 0;
}

/** Adds a joining action's need to an open request's, so the broker reads everything asked. */
export async function appendNeed(db: Db, requestId: string, need: string, now: Date): Promise<LinkedRequest | null> {
  const [row] = await db
    .update(supportRequests)
    .set({
      need: sql`${supportRequests.need} || ${'\n\n' + need}`,
      updatedAt: now,
      version: sql`${supportRequests.version} + 1`,
    })
    .where(and(eq(supportRequests.id, requestId), eq(supportRequests.status, 'open')))
    .returning();
  return row ?? null;
}

const supporter = aliasedTable(schools, 'supporting_school');

/** For the plan page and the action form: each action's request, its broker and, once matched, the agreement. */
export async function supportOfActions(db: Db, actionIds: string[]) {
  if (!actionIds.length) return [];
  // The plan page asks for all its actions: built once (src/db/reused-query.ts).
  return reused(db, 'support_of_actions', (db) =>
    db
      .select({
        actionId: planActionSupport.actionId,
        requestId: supportRequests.id,
        status: supportRequests.status,
        brokerCollaborativeId: supportRequests.brokerCollaborativeId,
        brokerEn: collaboratives.nameEn,
        brokerCy: collaboratives.nameCy,
        supportingSchoolName: supporter.name,
        what: supportAgreements.what,
        whatLanguage: supportAgreements.language,
        startsOn: supportAgreements.startsOn,
        endsOn: supportAgreements.endsOn,
      })
      .from(planActionSupport)
      .innerJoin(supportRequests, eq(supportRequests.id, planActionSupport.requestId))
      .leftJoin(collaboratives, eq(collaboratives.id, supportRequests.brokerCollaborativeId))
      .leftJoin(supportAgreements, eq(supportAgreements.requestId, supportRequests.id))
      .leftJoin(supporter, eq(supporter.number, supportAgreements.supportingSchoolNumber))
      .where(sql`${planActionSupport.actionId} = any(${sql.placeholder('ids')}::uuid[])`),
  ).execute({ ids: actionIds });
}
export type ActionSupportRow = Awaited<ReturnType<typeof supportOfActions>>[number];

/** Actions asking for support that no request answers yet: what loaded data (the demo) still has to raise. */
export async function actionsAskingWithoutRequest(db: Db) {
  return db
    .select({
      id: planActions.id,
      priorityId: planActions.priorityId,
      description: planActions.description,
      supportDetail: planActions.supportDetail,
      supportFrom: planActions.supportFrom,
      language: planActions.language,
      otherLanguage: planActions.otherLanguage,
      ownerUserId: planActions.ownerUserId,
      schoolNumber: priorities.schoolNumber,
    })
    .from(planActions)
    .innerJoin(priorities, eq(priorities.id, planActions.priorityId))
    .leftJoin(planActionSupport, eq(planActionSupport.actionId, planActions.id))
    .where(and(inArray(planActions.supportFrom, ['la', 'collaborative']), isNull(planActionSupport.actionId)))
    .orderBy(asc(planActions.createdAt), asc(planActions.id));
}
