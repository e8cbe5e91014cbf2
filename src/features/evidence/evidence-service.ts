import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { LearnerDataFlag } from '../../lib/learner-data-check.ts';
import { searchKey } from '../../lib/search-text.ts';
import { recordEvent } from '../../notifications/events-repository.ts';
import type { SchoolCan, SchoolContext } from '../../policy/school-policy.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { startCycle } from '../school-cycle/cycle-service.ts';
import type { StoredFile } from './attachment-store.ts';
import { TAG_FIELDS } from './evidence-filter.ts';
import { mayEditEvidence } from './evidence-policy.ts';
import * as repo from './evidence-repository.ts';

const searchTextOf = (values: { title: string; body: string }) => searchKey(`${values.title} ${values.body}`);
const fileSummary = (f: { fileName: string; sha256: string; sizeBytes: number }) => ({
  fileName: f.fileName,
  sha256: f.sha256,
  sizeBytes: f.sizeBytes,
});

/**
 * Records an item in the school's current cycle, starting the cycle if there is none yet:
 * evidence gathering is never blocked by paperwork. A leader's own item needs no review.
 */
export async function createEvidence(
  db: Db,
  actorId: string,
  school: SchoolContext,
  can: SchoolCan,
  values: repo.EvidenceValues,
  files: StoredFile[],
  confirmedFlags: LearnerDataFlag[],
  now: Date,
) {
  const { cycle } = await startCycle(db, actorId, school, academicYearOf(now), values.language);
  return db.transaction(async (tx) => {
    const item = await repo.insertEvidence(tx, {
      ...values,
      schoolNumber: school.number,
      cycleId: cycle.id,
      createdBy: actorId,
      curated: can.curate,
      searchText: searchTextOf(values),
    });
    const attachments = await repo.insertAttachments(
      tx,
      files.map((f) => ({ ...f, evidenceId: item.id, createdBy: actorId })),
    );
    await appendAudit(tx, {
      actorId,
      action: 'evidence-create',
      entityType: 'evidence',
      entityId: item.id,
      after: {
        school: school.number,
        cycle: cycle.id,
        ...values,
        curated: item.curated,
        attachments: attachments.map(fileSummary),
        learnerDataConfirmed: confirmedFlags.map((f) => f.reason),
      },
    });
    // A practitioner's item waits for a leader to review it; a leader's own needs no review.
    if (!item.curated)
      await recordEvent(tx, {
        kind: 'evidence_to_review',
        actorId,
        subject: { type: 'evidence', id: item.id },
        link: `/schools/${school.number}/evidence/${item.id}`,
        schoolNumber: school.number,
        laCode: school.laCode || null,
        params: { school: school.name, title: item.title },
      });
    return item;
  });
}

export type UpdateResult =
  | { ok: true; item: repo.Evidence }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'conflict'; current: repo.Evidence };

const CHANGEABLE = [
  'source',
  'observedOn',
  'firstHand',
  'fromBeyond',
  'title',
  'body',
  'language',
  ...TAG_FIELDS,
] as const;

/** Saves an edit unless someone saved since `version`; adds and removes attachments in the same step. */
export async function updateEvidence(
  db: Db,
  actorId: string,
  can: SchoolCan,
  item: repo.Evidence,
  version: number,
  values: repo.EvidenceValues,
  change: { add: StoredFile[]; remove: string[]; confirmedFlags: LearnerDataFlag[] },
  now: Date,
): Promise<UpdateResult> {
  if (!mayEditEvidence(actorId, can, item)) return { ok: false, reason: 'forbidden' };
  return db.transaction(async (tx) => {
    const updated = await repo.updateEvidence(
      tx,
      item.id,
      version,
      // Search keeps finding it by its other-language version too (issue 16), which this form leaves as it is.
      {
        ...values,
        searchText: searchTextOf({
          title: [values.title, item.otherLanguage.title ?? ''].join(' ').trim(),
          body: [values.body, item.otherLanguage.body ?? ''].join(' ').trim(),
        }),
      },
      now,
    );
    if (!updated) {
      const current = await repo.findEvidence(tx, item.schoolNumber, item.id, { all: true });
      return { ok: false as const, reason: 'conflict' as const, current: current!.item };
    }
    const removed = await repo.deleteAttachments(tx, item.id, change.remove);
    const added = await repo.insertAttachments(
      tx,
      change.add.map((f) => ({ ...f, evidenceId: item.id, createdBy: actorId })),
    );
    const before = Object.fromEntries(CHANGEABLE.map((f) => [f, item[f]]));
    await appendAudit(tx, {
      actorId,
      action: 'evidence-update',
      entityType: 'evidence',
      entityId: item.id,
      before,
      after: {
        ...values,
        attachmentsAdded: added.map(fileSummary),
        attachmentsRemoved: removed.map(fileSummary),
        learnerDataConfirmed: change.confirmedFlags.map((f) => f.reason),
      },
    });
    return { ok: true as const, item: updated };
  });
}

export type StateResult = { ok: true } | { ok: false; reason: 'forbidden' | 'conflict' };

/** A leader marks the item as reviewed (curated): from then on only leaders change it. */
export async function markReviewed(
  db: Db,
  actorId: string,
  can: SchoolCan,
  item: repo.Evidence,
  version: number,
  now: Date,
): Promise<StateResult> {
  if (!can.curate) return { ok: false, reason: 'forbidden' };
  return db.transaction(async (tx) => {
    if (!(await repo.updateEvidence(tx, item.id, version, { curated: true }, now)))
      return { ok: false as const, reason: 'conflict' as const };
    await appendAudit(tx, {
      actorId,
      action: 'evidence-review',
      entityType: 'evidence',
      entityId: item.id,
      before: { curated: item.curated },
      after: { curated: true },
    });
    return { ok: true as const };
  });
}

/** Archives an item (out of lists and of others' sight, kept for the record) or brings it back. */
export async function setArchived(
  db: Db,
  actorId: string,
  can: SchoolCan,
  item: repo.Evidence,
  version: number,
  archived: boolean,
  now: Date,
): Promise<StateResult> {
  if (!can.edit) return { ok: false, reason: 'forbidden' };
  return db.transaction(async (tx) => {
    if (!(await repo.updateEvidence(tx, item.id, version, { archived }, now)))
      return { ok: false as const, reason: 'conflict' as const };
    await appendAudit(tx, {
      actorId,
      action: archived ? 'evidence-archive' : 'evidence-restore',
      entityType: 'evidence',
      entityId: item.id,
      before: { archived: item.archived },
      after: { archived },
    });
    return { ok: true as const };
  });
}
