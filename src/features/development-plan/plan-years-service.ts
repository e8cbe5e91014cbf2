import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { SchoolContext } from '../../policy/school-policy.ts';
import type { OutlineInput } from './outline-form.ts';
import * as outlines from './outline-repository.ts';
import * as planRepo from './plan-repository.ts';
import { planRollForward, type RollPlan } from './roll-forward.ts';
import * as roll from './roll-forward-repository.ts';

/** The plan's three school years: year one in detail, years two and three in outline. */
export const planYears = (firstYear: number) => [firstYear, firstYear + 1, firstYear + 2];
export const outlineYears = (firstYear: number) => [firstYear + 1, firstYear + 2];

const outlineAudit = (entry: { academicYear: number; continuesPriorityId: string | null } & OutlineInput) => ({
  academicYear: entry.academicYear,
  continues: entry.continuesPriorityId,
  title: entry.title,
  summary: entry.summary,
  actions: entry.actions.map((a) => `${a.term}: ${a.description}`),
});

export async function addOutline(
  db: Db,
  actorId: string,
  plan: planRepo.DevelopmentPlan,
  academicYear: number,
  input: OutlineInput,
  language: string,
) {
  return db.transaction(async (tx) => {
    const row = await outlines.insertOutline(
      tx,
      { planId: plan.id, schoolNumber: plan.schoolNumber, academicYear, language, createdBy: actorId },
      input,
    );
    await appendAudit(tx, {
      actorId,
      action: 'plan-outline-add',
      entityType: 'plan_outline_priority',
      entityId: row.id,
      after: outlineAudit({ ...input, academicYear }),
    });
    return row;
  });
}

export type OutlineEditResult = { ok: true } | { ok: false; reason: 'conflict'; current: outlines.OutlineEntry | null };

export async function editOutline(
  db: Db,
  actorId: string,
  entry: outlines.OutlineEntry,
  version: number,
  input: OutlineInput,
  language: string,
  now: Date,
): Promise<OutlineEditResult> {
  return db.transaction(async (tx) => {
    const updated = await outlines.updateOutline(tx, entry.id, version, input, language, now);
    if (!updated)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: await outlines.findSchoolOutline(tx, entry.schoolNumber, entry.id),
      };
    await appendAudit(tx, {
      actorId,
      action: 'plan-outline-update',
      entityType: 'plan_outline_priority',
      entityId: entry.id,
      before: outlineAudit(entry),
      after: outlineAudit({ ...input, academicYear: entry.academicYear }),
    });
    return { ok: true as const };
  });
}

export async function removeOutline(db: Db, actorId: string, entry: outlines.OutlineEntry) {
  await db.transaction(async (tx) => {
    if (!(await outlines.deleteOutline(tx, entry.id))) return;
    await appendAudit(tx, {
      actorId,
      action: 'plan-outline-remove',
      entityType: 'plan_outline_priority',
      entityId: entry.id,
      before: outlineAudit(entry),
    });
  });
}

/** Rolling forward is due once the school year after the plan's year one has begun. */
export const rollForwardDue = (plan: { firstYear: number }, currentYear: number) => plan.firstYear < currentYear;

async function rollInput(db: Db, plan: planRepo.DevelopmentPlan, toCycleId: string | null) {
  const fromCycleId = await planRepo.findCycleId(db, plan.schoolNumber, plan.firstYear);
  return {
    fromYear: plan.firstYear,
    yearOne: fromCycleId ? await roll.cycleWork(db, fromCycleId) : [],
    alreadyCarried: toCycleId ? await roll.carriedInto(db, toCycleId) : {},
    outline: await outlines.planOutline(db, plan.id),
  };
}

/** What rolling forward would do, for the page that asks a leader to confirm it. */
export async function previewRollForward(db: Db, plan: planRepo.DevelopmentPlan): Promise<RollPlan> {
  const toCycleId = await planRepo.findCycleId(db, plan.schoolNumber, plan.firstYear + 1);
  return planRollForward(await rollInput(db, plan, toCycleId));
}

export type RollResult = { ok: true; plan: RollPlan } | { ok: false; reason: 'not-due' | 'conflict' };

/**
 * Rolls the plan forward a year (the rules: roll-forward.ts). A leader does it from the plan page,
 * rather than it happening when anyone starts the new cycle: the plan is the governing body's, the
 * school decides when its year one is over (often after the summer's review), and the cycle may
 * already have been started for self-evaluation long before. Priorities the cycle start already
 * carried are not carried twice.
 */
export async function rollPlanForward(
  db: Db,
  actorId: string,
  school: SchoolContext,
  plan: planRepo.DevelopmentPlan,
  currentYear: number,
  language: string,
  now: Date,
): Promise<RollResult> {
  if (!rollForwardDue(plan, currentYear)) return { ok: false, reason: 'not-due' };
  return db.transaction(async (tx) => {
    const fromYear = plan.firstYear;
    // Moving the window first holds the plan's row: a second roll waits, then finds it moved.
    const moved = await roll.movePlanWindow(tx, plan.id, fromYear, fromYear + 1, now);
    if (!moved) return { ok: false as const, reason: 'conflict' as const };
    const toCycleId = await roll.ensureCycle(tx, {
      schoolNumber: school.number,
      academicYear: fromYear + 1,
      createdBy: actorId,
      language,
    });
    const rolled = planRollForward(await rollInput(tx, plan, toCycleId));
    const copies = await roll.carriedInto(tx, toCycleId);
    for (const c of rolled.carry)
      copies[c.priorityId] = await roll.carryPriority(tx, c.priorityId, toCycleId, actorId, c.actionIds);
    for (const a of rolled.addToCarried)
      await roll.insertDatedActions(tx, copies[a.priorityId]!, a.actions, a.language);
    for (const d of rolled.newDrafts) {
      const id = await roll.insertDraftPriority(tx, {
        schoolNumber: school.number,
        cycleId: toCycleId,
        title: d.title,
        description: d.description,
        language: d.language,
        carriedFromId: d.carriedFromId,
        createdBy: actorId,
      });
      await roll.insertDatedActions(tx, id, d.actions, d.language);
    }
    for (const r of rolled.repoint) await roll.repointOutline(tx, r.outlineId, copies[r.priorityId]!);
    await roll.deleteOutlines(tx, rolled.consumed);
    await appendAudit(tx, {
      actorId,
      action: 'plan-roll-forward',
      entityType: 'development_plan',
      entityId: plan.id,
      before: { firstYear: fromYear },
      after: {
        firstYear: fromYear + 1,
        carriedPriorities: rolled.carry.length,
        carriedActions: rolled.carry.reduce((n, c) => n + c.actionIds.length, 0),
        draftsFromOutline: rolled.newDrafts.length,
        outlineIntoCarried: rolled.addToCarried.length,
      },
    });
    return { ok: true as const, plan: rolled };
  });
}
