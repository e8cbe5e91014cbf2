import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { roleAssignments, signInChallenges, userTwoFactor } from '../db/schema/index.ts';

export type ChallengePurpose = 'verify' | 'enrol';

export async function hasTwoFactor(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: userTwoFactor.userId })
    .from(userTwoFactor)
    .where(eq(userTwoFactor.userId, userId));
  return row !== undefined;
}

export async function rolesOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  return rows.map((r) => r.role);
}

export async function insertChallenge(
  db: Db,
  row: {
    tokenHash: string;
    userId: string;
    purpose: ChallengePurpose;
    nextPath: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  // One half-signed-in state per person: a new password sign-in replaces any earlier one.
  await db.delete(signInChallenges).where(eq(signInChallenges.userId, row.userId));
  await db.delete(signInChallenges).where(lte(signInChallenges.expiresAt, row.createdAt));
  await db.insert(signInChallenges).values(row);
}

export async function findLiveChallenge(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({
      tokenHash: signInChallenges.tokenHash,
      userId: signInChallenges.userId,
      purpose: signInChallenges.purpose,
      nextPath: signInChallenges.nextPath,
      failures: signInChallenges.failures,
    })
    .from(signInChallenges)
    .where(and(eq(signInChallenges.tokenHash, tokenHash), gt(signInChallenges.expiresAt, now)));
  return row ? { ...row, purpose: row.purpose as ChallengePurpose } : null;
}

/** Deletes the challenge and says whether this call was the one that did (single use). */
export async function deleteChallenge(db: Db, tokenHash: string): Promise<boolean> {
  const rows = await db
    .delete(signInChallenges)
    .where(eq(signInChallenges.tokenHash, tokenHash))
    .returning({ tokenHash: signInChallenges.tokenHash });
  return rows.length > 0;
}

export async function countChallengeFailure(db: Db, tokenHash: string): Promise<number> {
  const [row] = await db
    .update(signInChallenges)
    .set({ failures: sql`${signInChallenges.failures} + 1` })
    .where(eq(signInChallenges.tokenHash, tokenHash))
    .returning({ failures: signInChallenges.failures });
  return row?.failures ?? 0;
}
