import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens, users } from '../../db/schema/index.ts';
import { assignmentsInForce } from '../../sessions/session-repository.ts';

const t = apiTokens;

export async function insertApiToken(
  db: Db,
  row: { userId: string; tokenHash: string; name: string; scopes: string[]; createdAt: Date; expiresAt: Date },
) {
  const [inserted] = await db.insert(t).values(row).returning({ id: t.id });
  return inserted!;
}

/** A person's tokens, newest first; never their hashes. */
export async function listApiTokens(db: Db, userId: string) {
  return db
    .select({
      id: t.id,
      name: t.name,
      scopes: t.scopes,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
      revokedAt: t.revokedAt,
    })
    .from(t)
    .where(eq(t.userId, userId))
    .orderBy(desc(t.createdAt), desc(t.id));
}

/** How many of a person's tokens still work (neither revoked nor expired). */
export async function countUsableApiTokens(db: Db, userId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(and(eq(t.userId, userId), isNull(t.revokedAt), gt(t.expiresAt, now)));
  return row?.n ?? 0;
}

/** Revokes one of the person's own tokens; null when it is not theirs or was already revoked. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string, now: Date) {
  const [row] = await db
    .update(t)
    .set({ revokedAt: now })
    .where(and(eq(t.id, tokenId), eq(t.userId, userId), isNull(t.revokedAt)))
    .returning({ id: t.id, name: t.name, scopes: t.scopes, expiresAt: t.expiresAt });
  return row ?? null;
}

/**
 * The token by its hash with its owner, only while the owner's account is active, and the owner's
 * role assignments in force now: a removed or ended role or a deactivated account counts at once.
 */
export async function findApiTokenWithOwner(db: Db, tokenHash: string, today: string) {
  const [row] = await db
    .select({
      id: t.id,
      scopes: t.scopes,
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
      revokedAt: t.revokedAt,
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
    })
    .from(t)
    .innerJoin(users, and(eq(users.id, t.userId), eq(users.active, true)))
    .where(eq(t.tokenHash, tokenHash));
  if (!row) return null;
  return { ...row, assignments: await assignmentsInForce(db, row.userId, today) };
}

export async function touchApiToken(db: Db, tokenId: string, at: Date): Promise<void> {
  await db.update(t).set({ lastUsedAt: at }).where(eq(t.id, tokenId));
}
