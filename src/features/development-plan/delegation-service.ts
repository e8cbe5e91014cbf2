// The governing body delegates a governor to record its approval of the plan (the chair or the clerk
// records the delegation: governing-body-policy.ts, delegateApproval), and takes it back. Audited.
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import * as repo from '../../school/approval-delegation-repository.ts';

export type DelegateOutcome = { ok: true } | { ok: false; error: 'not-a-governor' };

/** Delegates a current governor of the body (delegating one already delegated changes nothing). */
export async function delegateApproval(
  db: Db,
  actorId: string,
  governingBodyId: string,
  userId: string,
  today: string,
): Promise<DelegateOutcome> {
  return db.transaction(async (tx) => {
    const governor = (await repo.bodyPeople(tx, governingBodyId, ['governor'], today)).find((p) => p.userId === userId);
    if (!governor) return { ok: false as const, error: 'not-a-governor' as const };
    const inserted = await repo.insertDelegation(tx, { governingBodyId, userId, createdBy: actorId });
    if (inserted)
      await appendAudit(tx, {
        actorId,
        action: 'approval-delegate',
        entityType: 'approval_delegation',
        entityId: inserted.id,
        after: { governingBodyId, userId },
      });
    return { ok: true as const };
  });
}

/** Ends a current delegation of this body; false when there was none (already ended, or another body's). */
export async function revokeApprovalDelegation(
  db: Db,
  actorId: string,
  governingBodyId: string,
  delegationId: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await repo.revokeDelegation(tx, governingBodyId, delegationId, actorId, now);
    if (!revoked) return false;
    await appendAudit(tx, {
      actorId,
      action: 'approval-delegate-revoke',
      entityType: 'approval_delegation',
      entityId: revoked.id,
      before: { governingBodyId, userId: revoked.userId },
      after: { revokedAt: now },
    });
    return true;
  });
}
