import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { dateToParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { EMPTY_ACTION_FORM, validateActionForm } from '../development-plan/action-form.ts';
import { syncActionSupport } from '../development-plan/action-support-service.ts';
import * as planRepo from '../development-plan/plan-repository.ts';
import type { EnquiryCan } from '../../policy/enquiry-policy.ts';
import * as repo from './enquiry-repository.ts';
import { recordEnquiryEvent } from './enquiry-service.ts';

type PackKey = { itemType: repo.PackType; itemId: string };
const keyOf = (k: PackKey) => `${k.itemType}:${k.itemId}`;

/**
 * Sets the pack to the items chosen. Adding widens who sees the host's items, so only the
 * headteacher adds (DOMAIN.md section 7 rule 2); any host leader may take items out.
 */
export async function updatePack(
  db: Db,
  actorId: string,
  can: EnquiryCan,
  enquiryId: string,
  candidates: PackKey[],
  chosen: string[],
) {
  return db.transaction(async (tx) => {
    const current = (await repo.packItemKeys(tx, enquiryId)) as PackKey[];
    const currentKeys = new Set(current.map(keyOf));
    const added = candidates.filter((c) => chosen.includes(keyOf(c)) && !currentKeys.has(keyOf(c)));
    const removed = current.filter((c) => !chosen.includes(keyOf(c)));
    if ((added.length && !can.addPackItem) || (removed.length && !can.removePackItem)) return { ok: false as const };
    await repo.insertPackItems(tx, enquiryId, actorId, added);
    await repo.deletePackItems(tx, enquiryId, removed);
    if (added.length)
      await appendAudit(tx, {
        actorId,
        action: 'enquiry-pack-add',
        entityType: 'peer_enquiry',
        entityId: enquiryId,
        after: { items: added },
      });
    // New items in the pack are something for the team to read.
    if (added.length)
      await recordEnquiryEvent(tx, 'enquiry_pack_ready', actorId, (await repo.findEnquiryRow(tx, enquiryId))!);
    if (removed.length)
      await appendAudit(tx, {
        actorId,
        action: 'enquiry-pack-remove',
        entityType: 'peer_enquiry',
        entityId: enquiryId,
        before: { items: removed },
      });
    return { ok: true as const, added: added.length, removed: removed.length };
  });
}

export async function createNote(
  db: Db,
  actorId: string,
  enquiryId: string,
  values: repo.NoteValues,
  confirmedFlags: string[],
) {
  return db.transaction(async (tx) => {
    const note = await repo.insertNote(tx, { ...values, enquiryId, authorId: actorId });
    await appendAudit(tx, {
      actorId,
      action: 'enquiry-note-create',
      entityType: 'enquiry_note',
      entityId: note.id,
      after: { enquiry: enquiryId, ...values, learnerDataConfirmed: confirmedFlags },
    });
    return note;
  });
}

export type NoteSaved = { ok: true; note: repo.EnquiryNote } | { ok: false; current: repo.EnquiryNote };

/** Saves the author's edit unless they (in another window) saved since `version`. */
export async function editNote(
  db: Db,
  actorId: string,
  note: repo.EnquiryNote,
  version: number,
  values: repo.NoteValues,
  confirmedFlags: string[],
  now: Date,
): Promise<NoteSaved> {
  return db.transaction(async (tx) => {
    const updated = await repo.updateNote(tx, note.id, version, values, now);
    if (!updated) return { ok: false as const, current: (await repo.findNote(tx, note.enquiryId, note.id))! };
    const { observedOn, activity, hostColleague, body } = note;
    await appendAudit(tx, {
      actorId,
      action: 'enquiry-note-update',
      entityType: 'enquiry_note',
      entityId: note.id,
      before: { observedOn, activity, hostColleague, body },
      after: { ...values, learnerDataConfirmed: confirmedFlags },
    });
    return { ok: true as const, note: updated };
  });
}

export async function addEnquiryFinding(
  db: Db,
  actorId: string,
  enquiryId: string,
  values: { kind: string; text: string; language: string },
) {
  return db.transaction(async (tx) => {
    const finding = await repo.insertFinding(tx, { ...values, enquiryId, createdBy: actorId });
    await appendAudit(tx, {
      actorId,
      action: 'enquiry-finding-create',
      entityType: 'enquiry_finding',
      entityId: finding.id,
      after: { enquiry: enquiryId, ...values },
    });
    return finding;
  });
}

/**
 * Follow-up support becomes an action on a priority of the host's plan, supported by the
 * collaborative, in the same transaction (DOMAIN.md section 5). Like any action asking its
 * collaborative (issue 15), it raises or joins a support request the enquiry's collaborative brokers.
 */
export async function addFollowUp(
  db: Db,
  actorId: string,
  enquiryId: string,
  priority: planRepo.Priority,
  input: { description: string; supportingSchool: string; dueOn: DateParts; owner: string; supportDetail: string },
  language: string,
  collaborativeId: string,
  now: Date,
) {
  const checked = validateActionForm(
    {
      ...EMPTY_ACTION_FORM,
      description: input.description,
      owner: input.owner,
      dueOn: input.dueOn,
      startOn: dateToParts(null),
      supportFrom: 'collaborative',
      supportDetail: input.supportDetail,
    },
    [],
    [{ id: collaborativeId }],
  );
  if (!checked.ok) return { ok: false as const, errors: checked.errors };
  return db.transaction(async (tx) => {
    const action = await planRepo.insertAction(tx, priority.id, { ...checked.values, language });
    await appendAudit(tx, {
      actorId,
      action: 'plan-action-create',
      entityType: 'plan_action',
      entityId: action.id,
      after: { priorityId: priority.id, ...checked.values, peerEnquiry: enquiryId },
    });
    await syncActionSupport(tx, actorId, action, checked.broker, now);
    const followUp = await repo.insertFollowUp(tx, {
      enquiryId,
      description: input.description,
      supportingSchoolNumber: input.supportingSchool || null,
      dueOn: checked.values.dueOn ?? null,
      planActionId: action.id,
      language,
      createdBy: actorId,
    });
    await appendAudit(tx, {
      actorId,
      action: 'enquiry-follow-up-create',
      entityType: 'enquiry_follow_up',
      entityId: followUp.id,
      after: {
        enquiry: enquiryId,
        description: input.description,
        supportingSchool: input.supportingSchool || null,
        dueOn: followUp.dueOn,
        planAction: action.id,
      },
    });
    await recordEnquiryEvent(tx, 'enquiry_follow_up_agreed', actorId, (await repo.findEnquiryRow(tx, enquiryId))!);
    return { ok: true as const, followUp, action };
  });
}
