import { and, asc, desc, eq, gt, gte, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { reused } from '../db/reused-query.ts';
import { roleAssignments, sessions, users } from '../db/schema/index.ts';

export async function insertSession(
  db: Db,
  row: {
    idHash: string;
    userId: string;
    createdAt: Date;
    lastSeenAt: Date;
    expiresAt: Date;
    userAgent: string | null;
    address: string | null;
  },
): Promise<void> {
  await db.insert(sessions).values(row);
}

/**
 * The session with its active user and the role assignments still in force on `today` (YYYY-MM-DD in
 * Wales): a role with an end date counts up to and including that day, and never after.
 */
export async function findSessionWithUser(db: Db, idHash: string, today: string) {
  const [row] = await reused(db, 'session_with_user', (db) =>
    db
      .select({
        idHash: sessions.idHash,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
      })
      .from(sessions)
      .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.active, true)))
      .where(eq(sessions.idHash, sql.placeholder('idHash'))),
  ).execute({ idHash });
  if (!row) return null;
  return { ...row, assignments: await assignmentsInForce(db, row.userId, today) };
}

/**
 * A person's role assignments still in force on `today` (YYYY-MM-DD in Wales): a role with an end
 * date counts up to and including that day, and never after (the daily end-roles job then removes
 * it, so lists and audiences read from the table forget it too). Sessions and API tokens alike.
 */
export async function assignmentsInForce(db: Db, userId: string, today: string) {
  return reused(db, 'assignments_in_force', (db) =>
    db
      .select({ role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, sql.placeholder('userId')),
          or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, sql.placeholder('today'))),
        ),
      ),
  ).execute({ userId, today });
}

export async function touchSession(db: Db, idHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date, idleCutoff: Date): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)));
}

/** A user's sessions still in use (neither expired nor idle too long), most recently active first; never their hashes. */
export async function listActiveSessions(db: Db, userId: string, currentHash: string, now: Date, idleCutoff: Date) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      address: sessions.address,
      current: sql<boolean>`${sessions.idHash} = ${currentHash}`,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleCutoff)))
    .orderBy(desc(sessions.lastSeenAt), asc(sessions.createdAt));
}

/** Ends one of the user's other sessions; null when no such session of theirs exists (or it is the current one). */
export async function deleteOtherSession(db: Db, userId: string, sessionId: string, currentHash: string) {
  const [row] = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), ne(sessions.idHash, currentHash)))
    .returning({ id: sessions.id, createdAt: sessions.createdAt });
  return row ?? null;
}

/** Ends every session of the user but the current one; how many it ended. */
export async function deleteOtherSessions(db: Db, userId: string, currentHash: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.idHash, currentHash)))
    .returning({ id: sessions.id });
  return rows.length;
}
