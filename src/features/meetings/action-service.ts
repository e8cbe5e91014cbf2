import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { dateToParts, parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { text } from '../../lib/forms.ts';
import { inOrder } from './meeting-form.ts';
import * as repo from './meeting-repository.ts';
import { tellNewOwner } from '../action-owners/assignment-service.ts';
import { checkOwner, ownerErrorKey, ownerFormFrom, ownerToForm, type Person } from '../action-owners/owner-choice.ts';

/** An agreed action as typed. */
export type ActionForm = {
  description: string;
  ownerUserId: string;
  owner: string;
  ownerSchool: string;
  dueOn: DateParts;
};
const E = (problem: string) => `meetings.actions.errors.${problem}`;
const ORDER = ['description', 'ownerUserId', 'owner', 'ownerSchool', 'dueOn-day'];

export function readActionForm(body: Record<string, unknown>): ActionForm {
  return {
    description: text(body.description),
    ...ownerFormFrom(body),
    ownerSchool: text(body.ownerSchool),
    dueOn: { day: text(body['dueOn-day']), month: text(body['dueOn-month']), year: text(body['dueOn-year']) },
  };
}

export const actionToForm = (a: repo.MeetingAction, people: readonly Person[]): ActionForm => ({
  description: a.description,
  ...ownerToForm(a, people),
  ownerSchool: a.ownerSchoolNumber ?? '',
  dueOn: dateToParts(a.dueOn),
});
export const EMPTY_ACTION_FORM: ActionForm = {
  description: '',
  ownerUserId: '',
  owner: '',
  ownerSchool: '',
  dueOn: dateToParts(null),
};

export function validateActionForm(
  form: ActionForm,
  memberNumbers: readonly string[],
  people: readonly Person[],
): { ok: true; values: Omit<repo.ActionValues, 'language'> } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!form.description) errors.description = E('descriptionMissing');
  else if (form.description.length > 1000) errors.description = E('descriptionTooLong');
  // The people of the collaborative's working space, or someone outside Cydwella by name.
  const owner = checkOwner(form, people, { required: true, maxLength: 200 });
  if (!owner.ok) errors[owner.field] = owner.field === 'ownerUserId' ? ownerErrorKey(owner.problem) : E(owner.problem);
  if (form.ownerSchool && !memberNumbers.includes(form.ownerSchool)) errors.ownerSchool = E('schoolNotMember');
  const due = parseDateParts(form.dueOn);
  if (!due.ok) errors['dueOn-day'] = E(`due_${due.problem}`);
  if (Object.keys(errors).length || !owner.ok || !due.ok) return { ok: false, errors: inOrder(errors, ORDER) };
  return {
    ok: true,
    values: {
      description: form.description,
      ...owner.values,
      ownerSchoolNumber: form.ownerSchool || null,
      dueOn: due.value,
    },
  };
}

const snapshot = (a: repo.MeetingAction) => ({
  description: a.description,
  owner: a.owner,
  ownerUserId: a.ownerUserId,
  ownerSchool: a.ownerSchoolNumber,
  dueOn: a.dueOn,
  status: a.status,
});

export type ActionResult =
  | { ok: true }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'conflict'; current: repo.MeetingAction };

export async function addAction(
  db: Db,
  actorId: string,
  memberNumbers: readonly string[],
  people: readonly Person[],
  meeting: repo.Meeting,
  form: ActionForm,
  language: string,
): Promise<ActionResult> {
  const checked = validateActionForm(form, memberNumbers, people);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  return db.transaction(async (tx) => {
    const action = await repo.insertAction(tx, { ...checked.values, language, meetingId: meeting.id });
    await appendAudit(tx, {
      actorId,
      action: 'meeting-action-create',
      entityType: 'meeting_action',
      entityId: action.id,
      after: { meeting: meeting.id, ...snapshot(action) },
    });
    await tellNewOwner(tx, {
      actorId,
      table: 'meeting',
      actionId: action.id,
      description: action.description,
      before: null,
      after: action.ownerUserId,
    });
    return { ok: true as const };
  });
}

export async function editAction(
  db: Db,
  actorId: string,
  memberNumbers: readonly string[],
  people: readonly Person[],
  action: repo.MeetingAction,
  version: number,
  form: ActionForm,
  language: string,
): Promise<ActionResult> {
  const checked = validateActionForm(form, memberNumbers, people);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  return db.transaction(async (tx) => {
    const updated = await repo.updateAction(tx, action.id, version, { ...checked.values, language });
    if (!updated)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await repo.findAction(tx, action.meetingId, action.id))!,
      };
    await appendAudit(tx, {
      actorId,
      action: 'meeting-action-update',
      entityType: 'meeting_action',
      entityId: action.id,
      before: snapshot(action),
      after: snapshot(updated),
    });
    await tellNewOwner(tx, {
      actorId,
      table: 'meeting',
      actionId: action.id,
      description: updated.description,
      before: action.ownerUserId,
      after: updated.ownerUserId,
    });
    return { ok: true as const };
  });
}

/** Marks an action done or open again; a stale page (someone changed it since) is a conflict. */
export async function setActionStatus(
  db: Db,
  actorId: string,
  action: repo.MeetingAction,
  version: number,
  done: boolean,
): Promise<ActionResult> {
  const status = done ? 'done' : 'open';
  if (action.status === status) return { ok: true };
  return db.transaction(async (tx) => {
    const updated = await repo.updateAction(tx, action.id, version, { status });
    if (!updated)
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: (await repo.findAction(tx, action.meetingId, action.id))!,
      };
    await appendAudit(tx, {
      actorId,
      action: done ? 'meeting-action-done' : 'meeting-action-reopen',
      entityType: 'meeting_action',
      entityId: action.id,
      before: { status: action.status },
      after: { status },
    });
    return { ok: true as const };
  });
}
