import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { twoFactorRecoveryCodes, users, userTwoFactor } from '../../db/schema/index.ts';

export async function findTwoFactor(db: Db, userId: string) {
  const [row] = await db
    .select({
      secretEncrypted: userTwoFactor.secretEncrypted,
      confirmedAt: userTwoFactor.confirmedAt,
      recentFailures: userTwoFactor.recentFailures,
      firstFailureAt: userTwoFactor.firstFailureAt,
    })
    .from(userTwoFactor)
    .where(eq(userTwoFactor.userId, userId));
  return row ?? null;
}

export async function findUserEmail(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}

/** False when two-factor was already on (another tab confirmed first). */
export async function insertTwoFactor(
  db: Db,
  row: { userId: string; secretEncrypted: string; confirmedAt: Date; lastUsedStep: number },
): Promise<boolean> {
  const rows = await db
    .insert(userTwoFactor)
    .values(row)
    .onConflictDoNothing()
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

export async function deleteTwoFactor(db: Db, userId: string): Promise<void> {
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await db.delete(userTwoFactor).where(eq(userTwoFactor.userId, userId));
}

/** Records the code's time step as used; false when that step or a later one was used already (a replay). */
export async function advanceStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(userTwoFactor)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(userTwoFactor.userId, userId),
        or(isNull(userTwoFactor.lastUsedStep), lt(userTwoFactor.lastUsedStep, step)),
      ),
    )
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

/** Spends an unused recovery code; false when there is none with this hash. */
export async function spendRecoveryCode(db: Db, userId: string, codeHash: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(twoFactorRecoveryCodes.userId, userId),
        eq(twoFactorRecoveryCodes.codeHash, codeHash),
        isNull(twoFactorRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: twoFactorRecoveryCodes.id });
  return rows.length > 0;
}

export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[], at: Date): Promise<void> {
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await db.insert(twoFactorRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: at })));
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt)));
  return row?.count ?? 0;
}

/** Counts a wrong code, starting the count again when the window has passed; the count now. */
export async function countFailure(db: Db, userId: string, now: Date, windowStart: Date): Promise<number> {
  const stale = sql`(${userTwoFactor.firstFailureAt} is null or ${userTwoFactor.firstFailureAt} < ${windowStart.toISOString()}::timestamptz)`;
  const [row] = await db
    .update(userTwoFactor)
    .set({
      recentFailures: sql`case when ${stale} then 1 else ${userTwoFactor.recentFailures} + 1 end`,
      firstFailureAt: sql`case when ${stale} then ${now.toISOString()}::timestamptz else ${userTwoFactor.firstFailureAt} end`,
    })
    .where(eq(userTwoFactor.userId, userId))
    .returning({ failures: userTwoFactor.recentFailures });
  return row?.failures ?? 0;
}

export async function clearFailures(db: Db, userId: string): Promise<void> {
  await db
    .update(userTwoFactor)
    .set({ recentFailures: 0, firstFailureAt: null })
    .where(eq(userTwoFactor.userId, userId));
}
