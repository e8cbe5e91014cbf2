import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { signInClientFailures, signInFailures, signInKnownClients } from '../../db/schema/index.ts';

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** The account's failures since `windowStart` (0 when its count is older). */
export async function accountFailures(db: Db, emailKey: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .select({ failures: signInFailures.failures })
    .from(signInFailures)
    .where(and(eq(signInFailures.emailKey, emailKey), gt(signInFailures.firstFailureAt, windowStart)));
  return row?.failures ?? 0;
}

/** When this account is locked for this client, until when. */
export async function pairLockedUntil(db: Db, emailKey: string, client: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: signInClientFailures.lockedUntil })
    .from(signInClientFailures)
    .where(
      and(
        eq(signInClientFailures.emailKey, emailKey),
        eq(signInClientFailures.client, client),
        gt(signInClientFailures.lockedUntil, now),
      ),
    );
  return row?.lockedUntil ?? null;
}

export async function isKnownClient(db: Db, userId: string, client: string, since: Date): Promise<boolean> {
  const [row] = await db
    .select({ userId: signInKnownClients.userId })
    .from(signInKnownClients)
    .where(
      and(
        eq(signInKnownClients.userId, userId),
        eq(signInKnownClients.client, client),
        gt(signInKnownClients.lastSuccessAt, since),
      ),
    );
  return row !== undefined;
}

/**
 * One more failure for the account, counted in one statement so that instances answering at
 * the same moment never lose a count; a count older than the window starts again at 1.
 */
export async function countAccountFailure(db: Db, emailKey: string, now: Date, windowStart: Date): Promise<number> {
  const stale = sql`${signInFailures.firstFailureAt} <= ${at(windowStart)}`;
  const [row] = await db
    .insert(signInFailures)
    .values({ emailKey, failures: 1, firstFailureAt: now })
    .onConflictDoUpdate({
      target: signInFailures.emailKey,
      set: {
        failures: sql`case when ${stale} then 1 else ${signInFailures.failures} + 1 end`,
        firstFailureAt: sql`case when ${stale} then excluded.first_failure_at else ${signInFailures.firstFailureAt} end`,
      },
    })
    .returning({ failures: signInFailures.failures });
  return row!.failures;
}

/** The same for the account and one client; a stale count also drops a lock that has run out. */
export async function countPairFailure(
  db: Db,
  emailKey: string,
  client: string,
  now: Date,
  windowStart: Date,
): Promise<number> {
  const t = signInClientFailures;
  const stale = sql`${t.firstFailureAt} <= ${at(windowStart)} and (${t.lockedUntil} is null or ${t.lockedUntil} <= ${at(now)})`;
  const [row] = await db
    .insert(t)
    .values({ emailKey, client, failures: 1, firstFailureAt: now })
    .onConflictDoUpdate({
      target: [t.emailKey, t.client],
      set: {
        failures: sql`case when ${stale} then 1 else ${t.failures} + 1 end`,
        firstFailureAt: sql`case when ${stale} then excluded.first_failure_at else ${t.firstFailureAt} end`,
        lockedUntil: sql`case when ${stale} then null else ${t.lockedUntil} end`,
      },
    })
    .returning({ failures: t.failures });
  return row!.failures;
}

/** Locks the pair until `until`; true only for the request that locked it (so it is audited once). */
export async function lockPair(db: Db, emailKey: string, client: string, now: Date, until: Date): Promise<boolean> {
  const t = signInClientFailures;
  const locked = await db
    .update(t)
    .set({ lockedUntil: until })
    .where(and(eq(t.emailKey, emailKey), eq(t.client, client), or(isNull(t.lockedUntil), lt(t.lockedUntil, now))))
    .returning({ emailKey: t.emailKey });
  return locked.length > 0;
}

/** Forgets pairs whose count and lock have both run out. */
export async function pruneStalePairs(db: Db, now: Date, windowStart: Date): Promise<void> {
  const t = signInClientFailures;
  await db.delete(t).where(and(lt(t.firstFailureAt, windowStart), or(isNull(t.lockedUntil), lt(t.lockedUntil, now))));
}

/** A successful sign-in: the account's count and this client's start again; the client is known. */
export async function recordSuccess(
  db: Db,
  emailKey: string,
  client: string,
  userId: string,
  now: Date,
  forgetBefore: Date,
): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.emailKey, emailKey));
  await db
    .delete(signInClientFailures)
    .where(and(eq(signInClientFailures.emailKey, emailKey), eq(signInClientFailures.client, client)));
  await db
    .delete(signInKnownClients)
    .where(and(eq(signInKnownClients.userId, userId), lt(signInKnownClients.lastSuccessAt, forgetBefore)));
  await db
    .insert(signInKnownClients)
    .values({ userId, client, lastSuccessAt: now })
    .onConflictDoUpdate({
      target: [signInKnownClients.userId, signInKnownClients.client],
      set: { lastSuccessAt: now },
    });
}
