import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { ownerName } from '../action-owners/owner-name-repository.ts';
import type { Db } from '../../db/client.ts';
import { reused } from '../../db/reused-query.ts';
import type { CostLine } from './cost-lines.ts';
import { costLinesByAction } from './cost-repository.ts';
import { cycles, developmentPlans, planActions, priorities, shares, successCriteria } from '../../db/schema/index.ts';
import type { Audience } from '../../reference/reference-data.ts';
import { outputItemId, sharedWithAudiencesCondition, type ItemAccess } from '../../sharing/share-repository.ts';

export type DevelopmentPlan = typeof developmentPlans.$inferSelect;
export type PlanAction = typeof planActions.$inferSelect;
export type Priority = typeof priorities.$inferSelect;
export type ActionValues = Omit<
  typeof planActions.$inferInsert,
  'id' | 'priorityId' | 'createdAt' | 'updatedAt' | 'version'
>;

/** The plan whose three school years include `academicYear` (the newest, should two overlap). */
export async function currentPlan(db: Db, schoolNumber: string, academicYear: number): Promise<DevelopmentPlan | null> {
  // Every plan page and the school's home ask: built once (src/db/reused-query.ts).
  const [plan] = await reused(db, 'current_plan', (db) =>
    db
      .select()
      .from(developmentPlans)
      .where(
        and(
          eq(developmentPlans.schoolNumber, sql.placeholder('schoolNumber')),
          lte(developmentPlans.firstYear, sql.placeholder('year')),
          gte(developmentPlans.firstYear, sql.placeholder('earliest')),
        ),
      )
      .orderBy(desc(developmentPlans.firstYear))
      .limit(1),
  ).execute({ schoolNumber, year: academicYear, earliest: academicYear - 2 });
  return plan ?? null;
}

export async function findPlan(db: Db, id: string): Promise<DevelopmentPlan | null> {
  const [plan] = await db.select().from(developmentPlans).where(eq(developmentPlans.id, id));
  return plan ?? null;
}

export async function insertPlan(
  db: Db,
  values: { schoolNumber: string; firstYear: number; language: string },
): Promise<DevelopmentPlan | null> {
  const [plan] = await db.insert(developmentPlans).values(values).onConflictDoNothing().returning();
  return plan ?? null;
}

/** Saves only if nobody saved since `version`; null on a conflict. */
export async function updatePlanSummary(
  db: Db,
  id: string,
  version: number,
  summary: string,
  language: string,
  now: Date,
): Promise<DevelopmentPlan | null> {
  const [plan] = await db
    .update(developmentPlans)
    .set({
      summary,
      language,
      // Written over in the other language: the old other-language version is now the original's
      // language, so it no longer translates anything and is dropped (written again from the page).
      otherLanguage: sql`case when ${developmentPlans.language} = ${language} then ${developmentPlans.otherLanguage} else '{}'::jsonb end`,
      updatedAt: now,
      version: sql`${developmentPlans.version} + 1`,
    })
    .where(and(eq(developmentPlans.id, id), eq(developmentPlans.version, version)))
    .returning();
  return plan ?? null;
}

export async function findCycleId(db: Db, schoolNumber: string, academicYear: number): Promise<string | null> {
  const [row] = await db
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.schoolNumber, schoolNumber), eq(cycles.academicYear, academicYear)));
  return row?.id ?? null;
}

/** A cycle's priorities in these states, as the reader may see them, oldest first. */
export async function cyclePriorities(
  db: Db,
  cycleId: string,
  states: readonly string[],
  access: ItemAccess,
): Promise<Priority[]> {
  const inStates = sql`${priorities.state} = any(${sql.placeholder('states')}::text[])`;
  const query = (db: Db, visible?: SQL) =>
    db
      .select()
      .from(priorities)
      .where(and(eq(priorities.cycleId, sql.placeholder('cycleId')), inStates, visible))
      .orderBy(asc(priorities.createdAt), asc(priorities.title));
  const values = { cycleId, states: [...states] };
  // Built once (src/db/reused-query.ts), as the plan page asks for it on every view: one statement
  // for the school's staff (every priority), one for readers who see what is shared with them.
  if ('all' in access) return reused(db, 'cycle_priorities', (db) => query(db)).execute(values);
  return reused(db, 'cycle_priorities_shared', (db) =>
    query(db, sharedWithAudiencesCondition('priority', priorities.id)),
  ).execute({ ...values, audiences: access.audiences });
}

export async function criteriaFor(db: Db, priorityIds: string[]) {
  if (priorityIds.length === 0) return [];
  return reused(db, 'criteria_for', (db) =>
    db
      .select()
      .from(successCriteria)
      .where(sql`${successCriteria.priorityId} = any(${sql.placeholder('ids')}::uuid[])`)
      .orderBy(asc(successCriteria.position), asc(successCriteria.text)),
  ).execute({ ids: priorityIds });
}

/**
 * Actions by due date (undated last), then as written; the owner as pages show it (ownerName),
 * with the action's cost lines.
 */
/**
 * The columns of an action a plan shows and a revision keeps: not its stamps, whose parsing into
 * dates was a good part of reading 60 actions on the embedded database.
 */
const PLAN_ACTION_COLUMNS = {
  id: planActions.id,
  priorityId: planActions.priorityId,
  description: planActions.description,
  owner: ownerName(planActions),
  ownerUserId: planActions.ownerUserId,
  startOn: planActions.startOn,
  dueOn: planActions.dueOn,
  milestones: planActions.milestones,
  costPence: planActions.costPence,
  professionalLearning: planActions.professionalLearning,
  supportFrom: planActions.supportFrom,
  supportDetail: planActions.supportDetail,
  status: planActions.status,
  language: planActions.language,
  otherLanguage: planActions.otherLanguage,
};
export type PlanActionRow = { [K in keyof typeof PLAN_ACTION_COLUMNS]: PlanAction[K extends 'owner' ? 'owner' : K] } & {
  costs: CostLine[];
};

export async function actionsFor(db: Db, priorityIds: string[]): Promise<PlanActionRow[]> {
  if (priorityIds.length === 0) return [];
  const [actions, costs] = await Promise.all([
    // Every plan page and revision reads them: built once (src/db/reused-query.ts).
    reused(db, 'plan_actions_for', (db) =>
      db
        .select(PLAN_ACTION_COLUMNS)
        .from(planActions)
        .where(sql`${planActions.priorityId} = any(${sql.placeholder('ids')}::uuid[])`)
        .orderBy(sql`${planActions.dueOn} asc nulls last`, asc(planActions.createdAt)),
    ).execute({ ids: priorityIds }),
    costLinesByAction(db, priorityIds),
  ]);
  return actions.map((a) => ({ ...a, costs: costs.get(a.id) ?? [] }));
}

/** One of this school's priorities, or null (another school's is as good as missing). */
export async function findSchoolPriority(db: Db, schoolNumber: string, id: string): Promise<Priority | null> {
  const [row] = await db
    .select()
    .from(priorities)
    .where(and(eq(priorities.id, id), eq(priorities.schoolNumber, schoolNumber)));
  return row ?? null;
}

/** One of this school's actions, with the priority it serves. */
export async function findSchoolAction(db: Db, schoolNumber: string, id: string) {
  const [row] = await db
    .select({ action: planActions, priority: priorities })
    .from(planActions)
    .innerJoin(priorities, eq(priorities.id, planActions.priorityId))
    .where(and(eq(planActions.id, id), eq(priorities.schoolNumber, schoolNumber)));
  return row ?? null;
}

export async function insertAction(db: Db, priorityId: string, values: ActionValues): Promise<PlanAction> {
  const [row] = await db
    .insert(planActions)
    .values({ ...values, priorityId })
    .returning();
  return row!;
}

/** Saves only if nobody saved since `version`; null on a conflict. */
export async function updateAction(
  db: Db,
  id: string,
  version: number,
  values: ActionValues,
  now: Date,
): Promise<PlanAction | null> {
  const [row] = await db
    .update(planActions)
    .set({ ...values, updatedAt: now, version: sql`${planActions.version} + 1` })
    .where(and(eq(planActions.id, id), eq(planActions.version, version)))
    .returning();
  return row ?? null;
}

export async function findAction(db: Db, id: string): Promise<PlanAction | null> {
  const [row] = await db.select().from(planActions).where(eq(planActions.id, id));
  return row ?? null;
}

export async function deleteAction(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(planActions).where(eq(planActions.id, id)).returning({ id: planActions.id });
  return rows.length > 0;
}

export async function replaceCriteria(db: Db, priorityId: string, texts: string[]): Promise<void> {
  await db.delete(successCriteria).where(eq(successCriteria.priorityId, priorityId));
  if (texts.length)
    await db.insert(successCriteria).values(texts.map((text, position) => ({ priorityId, text, position })));
}

/** Takes a row lock on the priority so two criteria saves queue rather than interleave. */
export async function lockPriority(db: Db, id: string): Promise<void> {
  await db.select({ id: priorities.id }).from(priorities).where(eq(priorities.id, id)).for('update');
}

/** Whether the school shared one of its outputs (the SDP summary) with any of these audiences. */
export async function outputSharedWith(
  db: Db,
  schoolNumber: string,
  outputKind: string,
  audiences: Audience[],
): Promise<boolean> {
  if (audiences.length === 0) return false;
  const [row] = await db
    .select({ itemId: shares.itemId })
    .from(shares)
    .where(
      and(
        eq(shares.itemType, 'output'),
        eq(shares.itemId, outputItemId(schoolNumber, outputKind)),
        inArray(shares.audience, audiences),
      ),
    )
    .limit(1);
  return !!row;
}

/** Who each of these priorities is shared with, for the school's own staff. */
export async function priorityAudiences(db: Db, priorityIds: string[]) {
  if (priorityIds.length === 0) return [];
  return reused(db, 'priority_audiences', (db) =>
    db
      .selectDistinct({ itemId: shares.itemId, audience: shares.audience })
      .from(shares)
      .where(and(eq(shares.itemType, 'priority'), sql`${shares.itemId} = any(${sql.placeholder('ids')}::text[])`)),
  ).execute({ ids: priorityIds });
}
