import { appendAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/client.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import type { State } from './concern-reference.ts';
import * as repo from './concern-repository.ts';
import { tellNewOwner } from '../action-owners/assignment-service.ts';
import {
  canExit,
  canIssueNotice,
  canMoveTo,
  canRecordIntervention,
  isOpenCase,
  stateAfterIntervention,
} from './concern-rules.ts';

/** The case's rules and their audit trail: every change, and every look at a case, leaves an entry. */
export type Outcome<T = null> =
  | { ok: true; value: T }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'conflict' | 'not-allowed' };
const ok = <T>(value: T) => ({ ok: true as const, value });
const refused = { ok: false as const, reason: 'not-allowed' as const };
const conflict = { ok: false as const, reason: 'conflict' as const };
const snapshot = (c: repo.ConcernCase) => ({
  state: c.state,
  source: c.source,
  grounds: c.grounds,
  openedOn: c.openedOn,
  exitedOn: c.exitedOn,
  exitReason: c.exitReason,
});

export type ViewAction = 'concern-case-view' | 'warning-notice-view' | 'warning-notice-download';

/** A look at a restricted record: who, what, when (the audit trail is the register of access). */
export async function recordView(
  db: Db,
  actorId: string,
  action: ViewAction,
  entity: { type: 'concern_case' | 'warning_notice'; id: string },
  caseId: string,
) {
  await db.transaction((tx) =>
    appendAudit(tx, { actorId, action, entityType: entity.type, entityId: entity.id, after: { case: caseId } }),
  );
}

export async function openCase(
  db: Db,
  actorId: string,
  laCode: string,
  values: { schoolNumber: string; source: string; grounds: string[]; summary: string; openedOn: string },
  language: string,
): Promise<Outcome<string>> {
  if (!(await repo.findLaSchool(db, laCode, values.schoolNumber)))
    return { ok: false, reason: 'invalid', errors: { school: 'concern.errors.school_notInLa' } };
  return db.transaction(async (tx) => {
    const row = await repo.insertCase(tx, { ...values, laCode, language, createdBy: actorId });
    await appendAudit(tx, {
      actorId,
      action: 'concern-case-open',
      entityType: 'concern_case',
      entityId: row.id,
      after: { school: row.schoolNumber, la: laCode, ...snapshot(row) },
    });
    return ok(row.id);
  });
}

/** Moves the case on (forward only); the version guards against two officers deciding at once. */
export async function moveState(
  db: Db,
  actorId: string,
  c: repo.ConcernCase,
  version: number,
  to: State,
  now: Date,
): Promise<Outcome> {
  if (!canMoveTo(c, to)) return refused;
  return db.transaction(async (tx) => {
    const updated = await repo.updateCase(tx, c.id, version, { state: to }, now);
    if (!updated) return conflict;
    await appendAudit(tx, {
      actorId,
      action: 'concern-case-state',
      entityType: 'concern_case',
      entityId: c.id,
      before: { state: c.state },
      after: { state: to },
    });
    return ok(null);
  });
}

export async function exitCase(
  db: Db,
  actorId: string,
  c: repo.ConcernCase,
  version: number,
  values: { exitedOn: string; exitReason: string },
  now: Date,
): Promise<Outcome> {
  if (!canExit(c)) return refused;
  return db.transaction(async (tx) => {
    const updated = await repo.updateCase(tx, c.id, version, { state: 'exited', ...values }, now);
    if (!updated) return conflict;
    await appendAudit(tx, {
      actorId,
      action: 'concern-case-exit',
      entityType: 'concern_case',
      entityId: c.id,
      before: snapshot(c),
      after: snapshot(updated),
    });
    return ok(null);
  });
}

type NoticeValues = Pick<
  repo.WarningNotice,
  | 'grounds'
  | 'reasons'
  | 'requiredAction'
  | 'compliancePeriodDays'
  | 'mindedTo'
  | 'mindedToDetail'
  | 'copiesTo'
  | 'issuedOn'
>;

/** Records the notice as given; an open case is then under warning notice. */
export async function issueNotice(
  db: Db,
  actorId: string,
  c: repo.ConcernCase,
  values: NoticeValues,
  language: string,
  now: Date,
): Promise<Outcome<string>> {
  if (!canIssueNotice(c)) return refused;
  return db
    .transaction(async (tx) => {
      const notice = await repo.insertNotice(tx, { ...values, caseId: c.id, language, createdBy: actorId });
      if (c.state === 'open' && !(await repo.updateCase(tx, c.id, c.version, { state: 'warning_notice' }, now))) {
        throw new StaleCase();
      }
      await appendAudit(tx, {
        actorId,
        action: 'warning-notice-issue',
        entityType: 'warning_notice',
        entityId: notice.id,
        after: { case: c.id, ...values, caseState: 'warning_notice' },
      });
      return ok(notice.id);
    })
    .catch((error: unknown) => (isRollback(error) ? conflict : Promise.reject(error)));
}

type InterventionValues = Pick<repo.ConcernIntervention, 'kind' | 'decidedOn' | 'details' | 'ministersConsentOn'>;

export async function recordIntervention(
  db: Db,
  actorId: string,
  c: repo.ConcernCase,
  values: InterventionValues,
  language: string,
  now: Date,
): Promise<Outcome> {
  if (!canRecordIntervention(c)) return refused;
  if (values.kind === 'interim_executive_board' && !values.ministersConsentOn) return refused;
  return db
    .transaction(async (tx) => {
      const row = await repo.insertIntervention(tx, { ...values, caseId: c.id, language, createdBy: actorId });
      const state = stateAfterIntervention(c.state);
      if (state !== c.state && !(await repo.updateCase(tx, c.id, c.version, { state }, now))) throw new StaleCase();
      await appendAudit(tx, {
        actorId,
        action: 'concern-intervention-create',
        entityType: 'concern_intervention',
        entityId: row.id,
        after: { case: c.id, ...values, caseState: state },
      });
      return ok(null);
    })
    .catch((error: unknown) => (isRollback(error) ? conflict : Promise.reject(error)));
}

type SupportValues = {
  action: string;
  owner: string;
  ownerUserId: string | null;
  reviewOn: string;
  status: string;
  reviewNotes: string;
};
const supportSnapshot = (i: repo.SupportItem) => ({
  action: i.action,
  owner: i.owner,
  ownerUserId: i.ownerUserId,
  reviewOn: i.reviewOn,
  status: i.status,
  reviewNotes: i.reviewNotes,
});

export async function addSupportItem(
  db: Db,
  actorId: string,
  c: repo.ConcernCase,
  values: SupportValues,
  language: string,
): Promise<Outcome> {
  if (!isOpenCase(c)) return refused;
  return db.transaction(async (tx) => {
    const row = await repo.insertSupportItem(tx, { ...values, caseId: c.id, language });
    await appendAudit(tx, {
      actorId,
      action: 'concern-support-item-create',
      entityType: 'concern_support_item',
      entityId: row.id,
      after: { case: c.id, ...supportSnapshot(row) },
    });
    await tellNewOwner(tx, {
      actorId,
      table: 'concern',
      actionId: row.id,
      description: row.action,
      before: null,
      after: row.ownerUserId,
    });
    return ok(null);
  });
}

export async function updateSupportItem(
  db: Db,
  actorId: string,
  c: repo.ConcernCase,
  item: repo.SupportItem,
  version: number,
  values: SupportValues,
  language: string,
  now: Date,
): Promise<Outcome | { ok: false; reason: 'stale'; current: repo.SupportItem }> {
  if (!isOpenCase(c)) return refused;
  return db.transaction(async (tx) => {
    const updated = await repo.updateSupportItem(tx, item.id, version, { ...values, language }, now);
    if (!updated)
      return {
        ok: false as const,
        reason: 'stale' as const,
        current: (await repo.findSupportItem(tx, c.id, item.id))!,
      };
    await appendAudit(tx, {
      actorId,
      action: 'concern-support-item-update',
      entityType: 'concern_support_item',
      entityId: item.id,
      before: supportSnapshot(item),
      after: supportSnapshot(updated),
    });
    await tellNewOwner(tx, {
      actorId,
      table: 'concern',
      actionId: item.id,
      description: updated.action,
      before: item.ownerUserId,
      after: updated.ownerUserId,
    });
    return ok(null);
  });
}

// A state change lost to someone else's (the case's version moved on): thrown to undo the transaction.
class StaleCase extends Error {}
const isRollback = (error: unknown) => error instanceof StaleCase;
