import { appendAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/client.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { CYCLE_STAGES, isOneOf } from '../../reference/reference-data.ts';
import * as repo from './cycle-repository.ts';
import { ANSWER_FIELDS, checkAnswers, type AnswersForm } from './se-forms.ts';

export type Saved<T> =
  | { ok: true; row: T }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'conflict'; current: T };

/** Starts the LA's cycle for a year; starting it twice gives the one cycle. */
export async function startCycle(db: Db, actorId: string, laCode: string, academicYear: number, language: string) {
  return db.transaction(async (tx) => {
    const cycle = await repo.insertCycle(tx, { laCode, academicYear, createdBy: actorId, language });
    if (!cycle) return (await repo.findCycle(tx, laCode, academicYear))!;
    await appendAudit(tx, {
      actorId,
      action: 'la-cycle-start',
      entityType: 'la_cycle',
      entityId: cycle.id,
      after: { laCode, academicYear },
    });
    return cycle;
  });
}

/** The answers to the three questions, never overwriting anyone who saved since `version`. */
export async function saveAnswers(
  db: Db,
  actorId: string,
  cycle: repo.LaCycle,
  version: number,
  form: AnswersForm,
  language: string,
  now: Date,
): Promise<Saved<repo.LaCycle>> {
  const checked = checkAnswers(form);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  return db.transaction(async (tx) => {
    const row = await repo.updateCycle(tx, cycle.id, version, { ...checked.values, language }, now);
    if (!row)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await repo.findCycle(tx, cycle.laCode, cycle.academicYear))!,
      };
    const before = Object.fromEntries(ANSWER_FIELDS.map((f) => [f, cycle[f]]));
    await appendAudit(tx, {
      actorId,
      action: 'la-cycle-answers-update',
      entityType: 'la_cycle',
      entityId: cycle.id,
      before,
      after: { ...checked.values, language },
    });
    return { ok: true as const, row };
  });
}

export async function moveStage(
  db: Db,
  actorId: string,
  cycle: repo.LaCycle,
  version: number,
  stage: string,
  now: Date,
): Promise<Saved<repo.LaCycle>> {
  if (!isOneOf(CYCLE_STAGES, stage))
    return { ok: false, reason: 'invalid', errors: { stage: 'laSelfEvaluation.errors.stageInvalid' } };
  return db.transaction(async (tx) => {
    const row = await repo.updateCycle(tx, cycle.id, version, { stage }, now);
    if (!row)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await repo.findCycle(tx, cycle.laCode, cycle.academicYear))!,
      };
    await appendAudit(tx, {
      actorId,
      action: 'la-cycle-stage',
      entityType: 'la_cycle',
      entityId: cycle.id,
      before: { stage: cycle.stage },
      after: { stage },
    });
    return { ok: true as const, row };
  });
}
