import { appendAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/client.ts';
import { ACTION_STATUSES, isOneOf } from '../../reference/reference-data.ts';
import type { Saved } from './cycle-service.ts';
import * as repo from './priority-repository.ts';
import { tellNewOwner } from '../action-owners/assignment-service.ts';
import { checkAction, checkImpact, type ActionForm, type ImpactForm } from './se-forms.ts';
import type { Person } from '../action-owners/owner-choice.ts';

/** Who acted, in which language, and when. */
type Actor = { actorId: string; language: string; now: Date };

/** An action of the LA's plan for one priority: added, or edited at `version`. */
export async function saveAction(
  db: Db,
  who: Actor,
  priorityId: string,
  form: ActionForm,
  people: readonly Person[],
  existing?: { row: repo.LaAction; version: number },
): Promise<Saved<repo.LaAction>> {
  const checked = checkAction(form, people);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  const values = { ...checked.values, language: who.language };
  return db.transaction(async (tx) => {
    if (!existing) {
      const row = await repo.insertAction(tx, { ...values, priorityId });
      await appendAudit(tx, {
        actorId: who.actorId,
        action: 'la-action-create',
        entityType: 'la_plan_action',
        entityId: row.id,
        after: { ...values, priorityId },
      });
      await tellNewOwner(tx, {
        actorId: who.actorId,
        table: 'la',
        actionId: row.id,
        description: row.description,
        before: null,
        after: row.ownerUserId,
      });
      return { ok: true as const, row };
    }
    const row = await repo.updateAction(tx, existing.row.id, existing.version, values, who.now);
    if (!row) return { ok: false as const, reason: 'conflict' as const, current: existing.row };
    const { description, owner, ownerUserId, dueOn, status, language } = existing.row;
    await appendAudit(tx, {
      actorId: who.actorId,
      action: 'la-action-update',
      entityType: 'la_plan_action',
      entityId: row.id,
      before: { description, owner, ownerUserId, dueOn, status, language },
      after: values,
    });
    await tellNewOwner(tx, {
      actorId: who.actorId,
      table: 'la',
      actionId: row.id,
      description: row.description,
      before: ownerUserId,
      after: row.ownerUserId,
    });
    return { ok: true as const, row };
  });
}

/** The quick status change from the priority's page. */
export async function moveAction(
  db: Db,
  actorId: string,
  action: repo.LaAction,
  version: number,
  status: string,
  now: Date,
): Promise<Saved<repo.LaAction>> {
  if (!isOneOf(ACTION_STATUSES, status))
    return { ok: false, reason: 'invalid', errors: { status: 'laSelfEvaluation.errors.statusInvalid' } };
  return db.transaction(async (tx) => {
    const row = await repo.updateAction(tx, action.id, version, { status }, now);
    if (!row) return { ok: false as const, reason: 'conflict' as const, current: action };
    await appendAudit(tx, {
      actorId,
      action: 'la-action-status',
      entityType: 'la_plan_action',
      entityId: row.id,
      before: { status: action.status },
      after: { status },
    });
    return { ok: true as const, row };
  });
}

/** The priority's one impact review: written once, then edited at `version`. */
export async function saveImpact(
  db: Db,
  who: Actor,
  priorityId: string,
  form: ImpactForm,
  existing: { row: repo.LaImpact; version: number } | null,
): Promise<Saved<repo.LaImpact | null>> {
  const checked = checkImpact(form);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  const values = { ...checked.values, language: who.language };
  return db.transaction(async (tx) => {
    const row = existing
      ? await repo.updateImpact(tx, existing.row.id, existing.version, values, who.now)
      : await repo.insertImpact(tx, { ...values, priorityId, createdBy: who.actorId });
    if (!row)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: existing?.row ?? (await repo.findImpact(tx, priorityId)),
      };
    const before = existing
      ? { whatChanged: existing.row.whatChanged, reviewedOn: existing.row.reviewedOn, language: existing.row.language }
      : undefined;
    await appendAudit(tx, {
      actorId: who.actorId,
      action: 'la-impact-save',
      entityType: 'la_impact_review',
      entityId: row.id,
      before,
      after: { ...values, priorityId },
    });
    return { ok: true as const, row };
  });
}
