import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { SchoolContext } from '../../policy/school-policy.ts';
import type { ItemAccess } from '../../sharing/share-repository.ts';
import { buildSnapshot, type SnapshotPriority } from './plan-snapshot.ts';
import * as repo from './plan-repository.ts';
import type { OtherLanguage } from '../../lib/paired-text.ts';

/** A priority of the live plan: as a revision would freeze it, with its other-language versions (issue 16). */
export type LivePriority = Omit<SnapshotPriority, 'actions'> & {
  otherLanguage?: OtherLanguage;
  criteriaOtherLanguage?: OtherLanguage[];
  actions: (SnapshotPriority['actions'][number] & { otherLanguage?: OtherLanguage; ownerUserId?: string | null })[];
};

/** Priorities the plan is made of; drafts are shown beside it, not in it. */
export const PLAN_STATES = ['agreed', 'in_progress'] as const;
export const DRAFT_STATES = ['draft'] as const;
export const MAX_SUMMARY_LENGTH = 5000;

/** A plan covers three school years; the first may be this one or one of the two before. */
export function firstYearChoices(currentYear: number): number[] {
  return [currentYear, currentYear - 1, currentYear - 2];
}

export type StartResult = { ok: true; plan: repo.DevelopmentPlan } | { ok: false; errors: Record<string, string> };

export async function startPlan(
  db: Db,
  actorId: string,
  school: SchoolContext,
  firstYear: number,
  currentYear: number,
  language: string,
): Promise<StartResult> {
  if (!firstYearChoices(currentYear).includes(firstYear))
    return { ok: false, errors: { firstYear: 'pages.plan.errors.firstYear' } };
  return db.transaction(async (tx) => {
    const existing = await repo.currentPlan(tx, school.number, currentYear);
    if (existing) return { ok: true as const, plan: existing };
    const plan =
      (await repo.insertPlan(tx, { schoolNumber: school.number, firstYear, language })) ??
      (await repo.currentPlan(tx, school.number, currentYear))!;
    await appendAudit(tx, {
      actorId,
      action: 'plan-create',
      entityType: 'development_plan',
      entityId: plan.id,
      after: { school: school.number, firstYear },
    });
    return { ok: true as const, plan };
  });
}

export type SummaryResult =
  | { ok: true; plan: repo.DevelopmentPlan }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'conflict'; current: repo.DevelopmentPlan };

/** Saves the plain-language summary, refusing to overwrite anyone who saved since `version`. */
export async function saveSummary(
  db: Db,
  actorId: string,
  plan: repo.DevelopmentPlan,
  version: number,
  summary: string,
  language: string,
  now: Date,
): Promise<SummaryResult> {
  if (summary.length > MAX_SUMMARY_LENGTH)
    return { ok: false, reason: 'invalid', errors: { summary: 'pages.plan.errors.summaryTooLong' } };
  return db.transaction(async (tx) => {
    const updated = await repo.updatePlanSummary(tx, plan.id, version, summary, language, now);
    if (!updated)
      return { ok: false as const, reason: 'conflict' as const, current: (await repo.findPlan(tx, plan.id))! };
    await appendAudit(tx, {
      actorId,
      action: 'plan-summary-update',
      entityType: 'development_plan',
      entityId: plan.id,
      before: { summary: plan.summary },
      after: { summary },
    });
    return { ok: true as const, plan: updated };
  });
}

/** Priorities in these states with their success criteria and actions, in the shape a revision keeps. */
export async function planPriorities(
  db: Db,
  cycleId: string | null,
  states: readonly string[],
  access: ItemAccess,
): Promise<LivePriority[]> {
  return (await prioritiesInStates(db, cycleId, [states], access))[0]!;
}

/**
 * The plan's priorities and, when `withDrafts`, the drafts beside it, read together: one query of
 * each kind for both (the plan page showed them with two of each, issue 15's benchmark).
 */
export async function planAndDrafts(db: Db, cycleId: string | null, access: ItemAccess, withDrafts: boolean) {
  const [inPlan, drafts] = await prioritiesInStates(
    db,
    cycleId,
    withDrafts ? [PLAN_STATES, DRAFT_STATES] : [PLAN_STATES],
    access,
  );
  return { inPlan: inPlan!, drafts: drafts ?? [] };
}

/** For each list of states, the priorities in them (`createdAt` kept for the progress review's dates). */
async function prioritiesInStates(
  db: Db,
  cycleId: string | null,
  stateSets: readonly (readonly string[])[],
  access: ItemAccess,
): Promise<(LivePriority & { createdAt: Date })[][]> {
  if (!cycleId) return stateSets.map(() => []);
  const priorities = await repo.cyclePriorities(db, cycleId, stateSets.flat(), access);
  const ids = priorities.map((p) => p.id);
  const [criteria, actions] = await Promise.all([repo.criteriaFor(db, ids), repo.actionsFor(db, ids)]);
  const built = buildSnapshot(
    { firstYear: 0, summary: '', language: 'en' },
    0,
    priorities,
    criteria,
    actions,
  ).priorities;
  // The other-language versions beside the plan's texts, for its reader (issue 16); criteria in the snapshot's order.
  const other = new Map<string, OtherLanguage>([...priorities, ...actions].map((r) => [r.id, r.otherLanguage]));
  const created = new Map(priorities.map((p) => [p.id, p.createdAt]));
  const ownerIds = new Map(actions.map((a) => [a.id, a.ownerUserId]));
  const live = built.map((p) => ({
    ...p,
    createdAt: created.get(p.id)!,
    otherLanguage: other.get(p.id) ?? {},
    criteriaOtherLanguage: criteria.filter((c) => c.priorityId === p.id).map((c) => c.otherLanguage),
    actions: p.actions.map((a) => ({
      ...a,
      otherLanguage: other.get(a.id) ?? {},
      ownerUserId: ownerIds.get(a.id) ?? null,
    })),
  }));
  return stateSets.map((states) => live.filter((p) => states.includes(p.state)));
}
