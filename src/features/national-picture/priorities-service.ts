import { appendAudit } from '../../audit/audit-repository.ts';
import { todayInWales } from '../../lib/clock.ts';
import type { Db } from '../../db/client.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { priorityFingerprint, validatePriorityForm, type PriorityForm } from './priorities-form.ts';
import { recordEvent } from '../../notifications/events-repository.ts';
import * as repo from './priorities-repository.ts';

export type PrioritySave =
  | { ok: true; priority: repo.NationalPriority }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'conflict'; current: repo.NationalPriority };

const snapshot = (p: repo.NationalPriority) => ({
  code: p.code,
  nameEn: p.nameEn,
  nameCy: p.nameCy,
  descriptionEn: p.descriptionEn,
  descriptionCy: p.descriptionCy,
  supporting: p.supporting,
  publishedOn: p.publishedOn,
  withdrawnOn: p.withdrawnOn,
});

/** WG publishes a new national priority, in both languages; the code must be new. */
export async function publishPriority(db: Db, actorId: string, form: PriorityForm): Promise<PrioritySave> {
  const validation = validatePriorityForm(form, true);
  if (!validation.ok) return { ok: false, reason: 'invalid', errors: validation.errors };
  return db.transaction(async (tx) => {
    const priority = await repo.insertPriority(tx, validation.code, validation.values);
    if (!priority)
      return { ok: false as const, reason: 'invalid' as const, errors: { code: 'national.publish.errors.codeTaken' } };
    await appendAudit(tx, {
      actorId,
      action: 'national-priority-publish',
      entityType: 'national_priority',
      entityId: priority.code,
      after: snapshot(priority),
    });
    await recordEvent(tx, {
      kind: 'national_priorities_published',
      actorId,
      subject: { type: 'national_priority', id: priority.code },
      link: '/national-priorities',
      params: { name: priority.nameEn, nameCy: priority.nameCy },
    });
    return { ok: true as const, priority };
  });
}

/** Saves an edit unless the priority changed since the form was loaded (`fingerprint`). */
export async function editPriority(
  db: Db,
  actorId: string,
  code: string,
  fingerprint: string,
  form: PriorityForm,
): Promise<PrioritySave | null> {
  const validation = validatePriorityForm(form, false);
  if (!validation.ok) return { ok: false, reason: 'invalid', errors: validation.errors };
  return db.transaction(async (tx) => {
    const before = await repo.findPriorityForUpdate(tx, code);
    if (!before) return null;
    if (priorityFingerprint(before) !== fingerprint)
      return { ok: false as const, reason: 'conflict' as const, current: before };
    const priority = await repo.updatePriority(tx, code, validation.values);
    await appendAudit(tx, {
      actorId,
      action: 'national-priority-update',
      entityType: 'national_priority',
      entityId: code,
      before: snapshot(before),
      after: snapshot(priority),
    });
    return { ok: true as const, priority };
  });
}

/**
 * Withdraws (today) or reinstates a priority. Items already linked to it keep the link; it is
 * simply no longer offered. Returns null when it was already in that state.
 */
export async function setPriorityWithdrawn(db: Db, actorId: string, code: string, withdraw: boolean, now: Date) {
  return db.transaction(async (tx) => {
    const before = await repo.findPriorityForUpdate(tx, code);
    if (!before) return null;
    const after = await repo.setPriorityWithdrawn(tx, code, withdraw ? todayInWales(now) : null);
    if (!after) return null;
    await appendAudit(tx, {
      actorId,
      action: withdraw ? 'national-priority-withdraw' : 'national-priority-reinstate',
      entityType: 'national_priority',
      entityId: code,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}
