import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { passwordTokens, users } from '../../db/schema/index.ts';

/**
 * Holds the account's row until the transaction ends: requests for one account run one after
 * another, so two at once cannot both count the links below the limit (PostgreSQL runs them side by side).
 */
export async function lockAccount(db: Db, userId: string): Promise<void> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
}

export async function countLinksSince(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(passwordTokens)
    .where(and(eq(passwordTokens.userId, userId), gt(passwordTokens.createdAt, since)));
  return row?.count ?? 0;
}

/** The new link replaces any earlier one still waiting (an administrator's or an earlier reset's). */
export async function insertResetToken(
  db: Db,
  row: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .update(passwordTokens)
    .set({ usedAt: row.createdAt })
    .where(and(eq(passwordTokens.userId, row.userId), isNull(passwordTokens.usedAt)));
  await db.insert(passwordTokens).values(row);
}
