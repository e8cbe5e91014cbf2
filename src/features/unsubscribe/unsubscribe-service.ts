// One-click unsubscribe (RFC 8058) from a notification email: the kinds the email carried are set
// to "only in the service" for the person the signed token names, audited, and anything of those
// kinds still waiting for an email stays unsent. Using the link again changes nothing more.
import { appendAudit } from '../../audit/audit-repository.ts';
import type { Db } from '../../db/client.ts';
import { defaultCadence } from '../../notifications/event-kinds.ts';
import type { UnsubscribeClaim } from '../../notifications/unsubscribe-token.ts';
import * as repo from './unsubscribe-repository.ts';

/** False when the person no longer exists (the token was good, but there is no one to change). */
export async function unsubscribe(db: Db, claim: UnsubscribeClaim, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await repo.userExists(tx, claim.userId))) return false;
    const before = await repo.chosenCadences(tx, claim.userId, claim.kinds);
    for (const kind of claim.kinds) await repo.setCadence(tx, claim.userId, kind, 'in_service', now);
    await repo.keepWaitingInService(tx, claim.userId, claim.kinds);
    await appendAudit(tx, {
      // The person themselves, acting from their email without signing in.
      actorId: claim.userId,
      action: 'notification-unsubscribe',
      entityType: 'notification_preference',
      entityId: claim.userId,
      before: Object.fromEntries(claim.kinds.map((kind) => [kind, before.get(kind) ?? defaultCadence(kind)])),
      after: Object.fromEntries(claim.kinds.map((kind) => [kind, 'in_service'])),
    });
    return true;
  });
}
