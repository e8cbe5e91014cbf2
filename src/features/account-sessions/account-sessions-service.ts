import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import * as repo from '../../sessions/session-repository.ts';
import { hashToken, type SessionSettings } from '../../sessions/session-service.ts';

/** Where the person is signed in now; the current session is marked, and no token or hash leaves here. */
export async function activeSessions(
  db: Db,
  userId: string,
  currentToken: string,
  settings: SessionSettings,
  now: Date,
) {
  const idleCutoff = new Date(now.getTime() - settings.idleMinutes * 60_000);
  return repo.listActiveSessions(db, userId, hashToken(currentToken), now, idleCutoff);
}

/**
 * Signs out one of the person's other sessions. False when the id names no session of theirs:
 * someone else's session, one already ended, or the current one (signing out is for that).
 */
export async function endOtherSession(
  db: Db,
  userId: string,
  currentToken: string,
  sessionId: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ended = await repo.deleteOtherSession(tx, userId, sessionId, hashToken(currentToken));
    if (!ended) return false;
    await appendAudit(tx, {
      actorId: userId,
      action: 'session-end',
      entityType: 'user',
      entityId: userId,
      before: { sessionId: ended.id, startedAt: ended.createdAt },
    });
    return true;
  });
}

/** Signs out every session of the person but the current one; how many were ended. */
export async function endOtherSessions(db: Db, userId: string, currentToken: string): Promise<number> {
  return db.transaction(async (tx) => {
    const count = await repo.deleteOtherSessions(tx, userId, hashToken(currentToken));
    if (count > 0)
      await appendAudit(tx, {
        actorId: userId,
        action: 'sessions-end-others',
        entityType: 'user',
        entityId: userId,
        after: { sessionsEnded: count },
      });
    return count;
  });
}
