import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { SchoolContext } from '../../policy/school-policy.ts';
import { CYCLE_STAGES, isOneOf } from '../../reference/reference-data.ts';
import * as repo from './cycle-repository.ts';

export const ANSWER_FIELDS = [
  'progressingAnswer',
  'paceAnswer',
  'howWellAnswer',
  'howKnowAnswer',
  'howImproveAnswer',
] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];
export const MAX_ANSWER_LENGTH = 10_000;

/** Starts a school's cycle for a year, carrying forward what is still open from its latest cycle. */
export async function startCycle(
  db: Db,
  actorId: string,
  school: SchoolContext,
  academicYear: number,
  language: string,
) {
  return db.transaction(async (tx) => {
    const existing = await repo.findCycle(tx, school.number, academicYear);
    if (existing) return { cycle: existing, carried: 0, created: false };
    const previous = await repo.latestCycle(tx, school.number);
    const cycle = await repo.insertCycle(tx, {
      schoolNumber: school.number,
      academicYear,
      createdBy: actorId,
      language,
    });
    const carried =
      previous && previous.academicYear < academicYear
        ? await repo.carryForward(tx, previous.id, cycle!.id, actorId)
        : 0;
    await appendAudit(tx, {
      actorId,
      action: 'cycle-start',
      entityType: 'cycle',
      entityId: cycle!.id,
      after: { school: school.number, academicYear, carriedPriorities: carried, from: previous?.id ?? null },
    });
    return { cycle: cycle!, carried, created: true };
  });
}

export type SaveResult =
  | { ok: true; cycle: repo.Cycle }
  | { ok: false; reason: 'conflict'; current: repo.Cycle }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> };

export function validateAnswers(input: Partial<Record<AnswerField, string>>) {
  const errors: Record<string, string> = {};
  for (const field of ANSWER_FIELDS)
    if ((input[field] ?? '').length > MAX_ANSWER_LENGTH) errors[field] = 'pages.cycle.errors.tooLong';
  return errors;
}

/** Saves the answers to the cycle's questions, refusing to overwrite anyone who saved since `version`. */
export async function saveAnswers(
  db: Db,
  actorId: string,
  cycle: repo.Cycle,
  version: number,
  input: Record<AnswerField, string>,
  language: string,
  now: Date,
): Promise<SaveResult> {
  const errors = validateAnswers(input);
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
  return db.transaction(async (tx) => {
    const updated = await repo.updateCycle(tx, cycle.id, version, { ...input, language }, now);
    if (!updated)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await repo.findCycle(tx, cycle.schoolNumber, cycle.academicYear))!,
      };
    const before = Object.fromEntries(ANSWER_FIELDS.map((f) => [f, cycle[f]]));
    await appendAudit(tx, {
      actorId,
      action: 'cycle-answers-update',
      entityType: 'cycle',
      entityId: cycle.id,
      before,
      after: input,
    });
    return { ok: true as const, cycle: updated };
  });
}

export async function moveStage(
  db: Db,
  actorId: string,
  cycle: repo.Cycle,
  version: number,
  stage: string,
  now: Date,
): Promise<SaveResult> {
  if (!isOneOf(CYCLE_STAGES, stage))
    return { ok: false, reason: 'invalid', errors: { stage: 'pages.cycle.errors.stage' } };
  return db.transaction(async (tx) => {
    const updated = await repo.updateCycle(tx, cycle.id, version, { stage }, now);
    if (!updated)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await repo.findCycle(tx, cycle.schoolNumber, cycle.academicYear))!,
      };
    await appendAudit(tx, {
      actorId,
      action: 'cycle-stage',
      entityType: 'cycle',
      entityId: cycle.id,
      before: { stage: cycle.stage },
      after: { stage },
    });
    return { ok: true as const, cycle: updated };
  });
}
