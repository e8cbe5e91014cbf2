import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { actionToForm, validateActionForm, type ActionForm } from './action-form.ts';
import { OUTSIDE, type Person } from '../action-owners/owner-choice.ts';
import * as repo from './plan-repository.ts';
import { costLinesOf, replaceCostLines } from './cost-repository.ts';
import type { CostLine } from './cost-lines.ts';
import { tellNewOwner } from '../action-owners/assignment-service.ts';
import { releaseSupport, syncActionSupport } from './action-support-service.ts';

/** The school's active collaboratives (one may broker the support an action asks) and the time now. */
export type SupportContext = { collaboratives: readonly { id: string }[]; now: Date };

/** An action with its cost lines. */
export type CostedAction = repo.PlanAction & { costs: CostLine[] };

export type ActionSaveResult =
  | { ok: true; action: repo.PlanAction }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'conflict'; current: CostedAction }
  | { ok: false; reason: 'gone' };

export async function addAction(
  db: Db,
  actorId: string,
  priority: repo.Priority,
  form: ActionForm,
  people: readonly Person[],
  language: string,
  support: SupportContext,
): Promise<ActionSaveResult> {
  const checked = validateActionForm(form, people, support.collaboratives);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  return db.transaction(async (tx) => {
    const action = await repo.insertAction(tx, priority.id, { ...checked.values, language });
    await replaceCostLines(tx, action.id, checked.costLines);
    await appendAudit(tx, {
      actorId,
      action: 'plan-action-create',
      entityType: 'plan_action',
      entityId: action.id,
      after: { priorityId: priority.id, ...checked.values, costs: checked.costLines },
    });
    await tellNewOwner(tx, {
      actorId,
      table: 'plan',
      actionId: action.id,
      description: action.description,
      before: null,
      after: action.ownerUserId,
    });
    await syncActionSupport(tx, actorId, action, checked.broker, support.now);
    return { ok: true as const, action };
  });
}

/** Saves an edit made from `version`; if someone saved since, nothing is written and theirs is returned. */
export async function editAction(
  db: Db,
  actorId: string,
  action: repo.PlanAction,
  version: number,
  form: ActionForm,
  people: readonly Person[],
  language: string,
  now: Date,
  collaboratives: readonly { id: string }[] = [],
): Promise<ActionSaveResult> {
  const checked = validateActionForm(form, people, collaboratives);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  return db.transaction(async (tx) => {
    const updated = await repo.updateAction(tx, action.id, version, { ...checked.values, language }, now);
    if (!updated) {
      const current = await repo.findAction(tx, action.id);
      return current
        ? {
            ok: false as const,
            reason: 'conflict' as const,
            current: { ...current, costs: await costLinesOf(tx, current.id) },
          }
        : { ok: false as const, reason: 'gone' as const };
    }
    const costsBefore = await costLinesOf(tx, action.id);
    await replaceCostLines(tx, action.id, checked.costLines);
    const { id, priorityId, createdAt, updatedAt, version: v, ...before } = action;
    await appendAudit(tx, {
      actorId,
      action: 'plan-action-update',
      entityType: 'plan_action',
      entityId: action.id,
      before: { ...before, costs: costsBefore },
      after: { ...checked.values, costs: checked.costLines },
    });
    await tellNewOwner(tx, {
      actorId,
      table: 'plan',
      actionId: action.id,
      description: updated.description,
      before: action.ownerUserId,
      after: updated.ownerUserId,
    });
    await syncActionSupport(tx, actorId, updated, checked.broker, now);
    return { ok: true as const, action: updated };
  });
}

export async function removeAction(db: Db, actorId: string, action: repo.PlanAction, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const costs = await costLinesOf(tx, action.id);
    // Before the row goes (its link would go with it): lets go of the request as asking nobody would.
    await releaseSupport(tx, actorId, action.id, now);
    const removed = await repo.deleteAction(tx, action.id);
    if (removed) {
      const { createdAt, updatedAt, ...before } = action;
      await appendAudit(tx, {
        actorId,
        action: 'plan-action-delete',
        entityType: 'plan_action',
        entityId: action.id,
        before: { ...before, costs },
      });
    }
    return removed;
  });
}

const FORM_FIELDS = [
  'description',
  'owner',
  'startOn',
  'dueOn',
  'milestones',
  'costs',
  'professionalLearning',
  'supportFrom',
  'supportDetail',
  'status',
] as const;
export type ActionFormField = (typeof FORM_FIELDS)[number];

/** Where what someone else saved differs from what this person typed: the rows of the conflict page. */
export function actionDifferences(
  theirs: CostedAction,
  yours: ActionForm,
  people: readonly Person[] = [],
): { field: ActionFormField; theirs: ActionForm[ActionFormField]; yours: ActionForm[ActionFormField] }[] {
  // Who leads it is compared as it reads: the person's name, or the name typed.
  const named = (f: ActionForm): ActionForm => {
    const person = f.ownerUserId !== OUTSIDE ? people.find((p) => p.id === f.ownerUserId) : undefined;
    return { ...f, owner: person ? person.displayName : f.owner };
  };
  const saved = named({ ...actionToForm(theirs, people), owner: theirs.owner });
  yours = named(yours);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return FORM_FIELDS.filter((f) => !same(saved[f], yours[f])).map((field) => ({
    field,
    theirs: saved[field],
    yours: yours[field],
  }));
}
