import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { passwordTokens, users } from '../../db/schema/index.ts';

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row ?? null;
}

export async function findUserById(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string, at: Date): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, updatedAt: at, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}

/** An unused, unexpired token with its active user, locked for the duration of the transaction. */
export async function findUsableToken(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({
      tokenHash: passwordTokens.tokenHash,
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
    })
    .from(passwordTokens)
    .innerJoin(users, and(eq(users.id, passwordTokens.userId), eq(users.active, true)))
    .where(
      and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)),
    )
    .for('update', { of: passwordTokens });
  return row ?? null;
}

export async function markTokenUsed(db: Db, tokenHash: string, at: Date): Promise<void> {
  await db.update(passwordTokens).set({ usedAt: at }).where(eq(passwordTokens.tokenHash, tokenHash));
}
