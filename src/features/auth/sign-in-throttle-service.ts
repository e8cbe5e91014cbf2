// Throttling sign-in the NCSC way (password guidance: "use account lockout, throttling or
// protective monitoring", without letting lockout become a way to deny service). Failures are
// counted twice, in the database so every instance sees them:
// - per account and client address: enough of them lock out that pair, and only that pair;
// - per account, from anywhere: they only slow the answers, up to a cap.
// A client the account has signed in from before is never locked out: it waits at most the cap.
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import * as repo from './sign-in-throttle-repository.ts';

/** Failures counted within this window; past it the count starts again. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** From this many failures to an account (from anywhere) each answer is slowed... */
export const SLOW_AFTER_FAILURES = 3;
/** ...and from this many from one client, that client is locked out of the account for LOCK_MS. */
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * 60_000;
/** The longest any answer is slowed, however many failures. */
export const MAX_DELAY_MS = 5_000;
/** A client counts as known for this long after its last successful sign-in. */
const KNOWN_CLIENT_MS = 90 * 24 * 3600_000;

export function delayFor(failures: number): number {
  return failures < SLOW_AFTER_FAILURES ? 0 : Math.min(MAX_DELAY_MS, (failures - SLOW_AFTER_FAILURES + 1) * 1000);
}

export type Attempt = { emailKey: string; client: string; userId: string | null; now: Date };
export type Gate = { lockedMinutes: number | null; delayMs: number; known: boolean };

const windowStart = (now: Date) => new Date(now.getTime() - FAILURE_WINDOW_MS);

/** Before checking the password: is this client locked out, and how long should the answer wait? */
export async function gate(db: Db, attempt: Attempt): Promise<Gate> {
  const { emailKey, client, userId, now } = attempt;
  const known =
    userId !== null && (await repo.isKnownClient(db, userId, client, new Date(now.getTime() - KNOWN_CLIENT_MS)));
  const delayMs = delayFor(await repo.accountFailures(db, emailKey, windowStart(now)));
  const lockedUntil = known ? null : await repo.pairLockedUntil(db, emailKey, client, now);
  if (lockedUntil)
    return { lockedMinutes: Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000), delayMs, known };
  return { lockedMinutes: null, delayMs, known };
}

export type FailureOutcome = { locked: boolean; delayMs: number };

/** Counts a failure (inside the caller's transaction); locks and audits when this client reaches the limit. */
export async function recordFailure(tx: Db, attempt: Attempt, known: boolean): Promise<FailureOutcome> {
  const { emailKey, client, userId, now } = attempt;
  const from = windowStart(now);
  const accountCount = await repo.countAccountFailure(tx, emailKey, now, from);
  const pairCount = await repo.countPairFailure(tx, emailKey, client, now, from);
  await repo.pruneStalePairs(tx, now, from);
  const locked = !known && pairCount >= LOCK_AFTER_FAILURES;
  if (locked && (await repo.lockPair(tx, emailKey, client, now, new Date(now.getTime() + LOCK_MS))) && userId) {
    await appendAudit(tx, {
      actorId: null,
      action: 'sign-in-locked',
      entityType: 'user',
      entityId: userId,
      after: { failures: pairCount, client },
    });
  }
  return { locked, delayMs: delayFor(accountCount) };
}

/** A successful sign-in (inside the caller's transaction): counts start again and the client is known. */
export async function recordSuccess(tx: Db, attempt: Attempt & { userId: string }): Promise<void> {
  const { emailKey, client, userId, now } = attempt;
  await repo.recordSuccess(tx, emailKey, client, userId, now, new Date(now.getTime() - KNOWN_CLIENT_MS));
}
