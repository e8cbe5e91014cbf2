// Two-factor for password sign-in: turning it on (confirmed with a code, recovery codes shown once),
// checking a code at sign-in (a time-based code once per time step, or a recovery code once), turning
// it off, and new recovery codes. Wrong codes slow and then stop code entry, as wrong passwords do.
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { seal, unseal } from '../../lib/sealed-text.ts';
import { mustUseTwoFactor } from '../../policy/two-factor-policy.ts';
import type { SessionClient, SessionSettings } from '../../sessions/session-service.ts';
import { completeChallenge, failChallenge, type LiveChallenge } from '../../sessions/sign-in-challenge-service.ts';
import * as repo from './two-factor-repository.ts';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes.ts';
import { matchingStep, newSecret, normaliseCode } from './totp.ts';

/** Wrong codes to one account are counted over this window... */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** ...slowing each answer from this many... */
export const SLOW_AFTER_FAILURES = 3;
/** ...and refusing every code, right or wrong, from this many until the window has passed. */
export const LOCK_AFTER_FAILURES = 10;
const MAX_DELAY_MS = 5_000;
/** How long a set-up page's secret may wait for its confirming code. */
const SET_UP_MINUTES = 30;

export function delayFor(failures: number): number {
  return failures < SLOW_AFTER_FAILURES ? 0 : Math.min(MAX_DELAY_MS, (failures - SLOW_AFTER_FAILURES + 1) * 1000);
}

export type TwoFactorDeps = { db: Db; key: Buffer; delay: (ms: number) => Promise<void> };

const atRest = (userId: string) => `two-factor secret:${userId}`;
const inForm = (userId: string) => `two-factor set-up:${userId}`;

/** A new secret for the set-up page, and the same secret sealed to ride in its form (nothing is stored yet). */
export function beginSetUp(key: Buffer, userId: string, now: Date): { secret: string; sealed: string } {
  const secret = newSecret();
  return { secret, sealed: seal(key, JSON.stringify({ secret, issuedAt: now.getTime() }), inForm(userId)) };
}

/** The secret a set-up form carried, if it was sealed for this person and is still fresh. */
export function setUpSecret(key: Buffer, userId: string, sealed: string, now: Date): string | null {
  const plain = unseal(key, sealed, inForm(userId));
  if (!plain) return null;
  const { secret, issuedAt } = JSON.parse(plain) as { secret: string; issuedAt: number };
  return now.getTime() - issuedAt <= SET_UP_MINUTES * 60_000 ? secret : null;
}

export async function statusOf(db: Db, userId: string) {
  const found = await repo.findTwoFactor(db, userId);
  if (!found) return { on: false as const };
  return {
    on: true as const,
    since: found.confirmedAt,
    recoveryCodesLeft: await repo.countUnusedRecoveryCodes(db, userId),
  };
}

export type EnableResult =
  { ok: true; recoveryCodes: string[] } | { ok: false; problem: 'expired' | 'wrong' | 'alreadyOn' };

/** Turns two-factor on once a code from the new secret is right (inside the caller's transaction). */
async function enableIn(
  tx: Db,
  key: Buffer,
  userId: string,
  secret: string,
  input: string,
  now: Date,
): Promise<EnableResult> {
  const code = normaliseCode(input);
  const step = code ? matchingStep(secret, code, now) : null;
  if (step === null) return { ok: false, problem: 'wrong' };
  // The confirming code's step counts as used: it cannot then be replayed at sign-in.
  const inserted = await repo.insertTwoFactor(tx, {
    userId,
    secretEncrypted: seal(key, secret, atRest(userId)),
    confirmedAt: now,
    lastUsedStep: step,
  });
  if (!inserted) return { ok: false, problem: 'alreadyOn' };
  const recoveryCodes = newRecoveryCodes();
  await repo.replaceRecoveryCodes(
    tx,
    userId,
    recoveryCodes.map((c) => hashRecoveryCode(normaliseRecoveryCode(c)!)),
    now,
  );
  await appendAudit(tx, { actorId: userId, action: 'two-factor-on', entityType: 'user', entityId: userId });
  return { ok: true, recoveryCodes };
}

export async function enable(db: Db, key: Buffer, userId: string, sealed: string, input: string, now: Date) {
  const secret = setUpSecret(key, userId, sealed, now);
  if (!secret) return { ok: false as const, problem: 'expired' as const };
  return db.transaction((tx) => enableIn(tx, key, userId, secret, input, now));
}

class ChallengeSpent extends Error {}

/** Setting two-factor up during sign-in (a role that requires it): on success, the session starts too. */
export async function enableAtSignIn(
  deps: TwoFactorDeps & { sessions: SessionSettings },
  challenge: LiveChallenge,
  sealed: string,
  input: string,
  now: Date,
  client: SessionClient = {},
): Promise<
  (EnableResult & { ok: true; sessionToken: string }) | { ok: false; problem: 'expired' | 'wrong' | 'alreadyOn' }
> {
  const secret = setUpSecret(deps.key, challenge.userId, sealed, now);
  if (!secret) return { ok: false, problem: 'expired' };
  try {
    const result = await deps.db.transaction(async (tx) => {
      const enabled = await enableIn(tx, deps.key, challenge.userId, secret, input, now);
      if (!enabled.ok) return enabled;
      const sessionToken = await completeChallenge(tx, challenge, deps.sessions, now, client);
      if (!sessionToken) throw new ChallengeSpent();
      return { ...enabled, sessionToken };
    });
    if (!result.ok && result.problem === 'wrong') await failChallenge(deps.db, challenge);
    return result;
  } catch (error) {
    if (error instanceof ChallengeSpent) return { ok: false, problem: 'expired' };
    throw error;
  }
}

type Accepted = { kind: 'code' | 'recovery' } | null;

/** Whether the input is a right, unused code of this person's (spending it, inside the caller's transaction). */
async function acceptCode(
  tx: Db,
  key: Buffer,
  userId: string,
  secretEncrypted: string,
  input: string,
  now: Date,
): Promise<Accepted> {
  const code = normaliseCode(input);
  if (code) {
    const secret = unseal(key, secretEncrypted, atRest(userId));
    const step = secret ? matchingStep(secret, code, now) : null;
    return step !== null && (await repo.advanceStep(tx, userId, step)) ? { kind: 'code' } : null;
  }
  const recovery = normaliseRecoveryCode(input);
  if (!recovery || !(await repo.spendRecoveryCode(tx, userId, hashRecoveryCode(recovery), now))) return null;
  await appendAudit(tx, { actorId: userId, action: 'two-factor-recovery-use', entityType: 'user', entityId: userId });
  return { kind: 'recovery' };
}

export type CodeCheck<T> = { ok: true; value: T } | { ok: false; reason: 'wrong' | 'locked' | 'notOn' };

/**
 * Checks a code and, when it is right, does `then` in the same transaction (so a code is spent only
 * by an action that happened). A wrong one is counted, slowed, and at the limit locks code entry.
 */
async function withCode<T>(
  deps: TwoFactorDeps,
  userId: string,
  input: string,
  now: Date,
  then: (tx: Db) => Promise<T>,
): Promise<CodeCheck<T>> {
  const found = await repo.findTwoFactor(deps.db, userId);
  if (!found) return { ok: false, reason: 'notOn' };
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const inWindow = found.firstFailureAt !== null && found.firstFailureAt >= windowStart;
  if (inWindow && found.recentFailures >= LOCK_AFTER_FAILURES) return { ok: false, reason: 'locked' };
  try {
    const value = await deps.db.transaction(async (tx) => {
      const accepted = await acceptCode(tx, deps.key, userId, found.secretEncrypted, input, now);
      if (!accepted) return null;
      await repo.clearFailures(tx, userId);
      return { value: await then(tx) };
    });
    if (value) return { ok: true, value: value.value };
  } catch (error) {
    if (error instanceof ChallengeSpent) return { ok: false, reason: 'wrong' };
    throw error;
  }
  const failures = await deps.db.transaction(async (tx) => {
    const count = await repo.countFailure(tx, userId, now, windowStart);
    if (count === LOCK_AFTER_FAILURES)
      await appendAudit(tx, {
        actorId: null,
        action: 'two-factor-lock',
        entityType: 'user',
        entityId: userId,
        after: { failures: count },
      });
    return count;
  });
  await deps.delay(delayFor(failures));
  return { ok: false, reason: failures >= LOCK_AFTER_FAILURES ? 'locked' : 'wrong' };
}

/** The second step of a password sign-in: a right code spends the challenge and starts the session. */
export async function signInWithCode(
  deps: TwoFactorDeps & { sessions: SessionSettings },
  challenge: LiveChallenge,
  input: string,
  now: Date,
  client: SessionClient = {},
): Promise<CodeCheck<string> | { ok: false; reason: 'challengeEnded' }> {
  const result = await withCode(deps, challenge.userId, input, now, async (tx) => {
    const token = await completeChallenge(tx, challenge, deps.sessions, now, client);
    if (!token) throw new ChallengeSpent();
    return token;
  });
  if (result.ok || result.reason === 'notOn') return result;
  const { ended } = await failChallenge(deps.db, challenge);
  return ended || result.reason === 'locked'
    ? { ok: false, reason: result.reason === 'locked' ? 'locked' : 'challengeEnded' }
    : result;
}

export type TurnOffResult = CodeCheck<true> | { ok: false; reason: 'required' };

export async function turnOff(
  deps: TwoFactorDeps,
  user: { id: string; roles: string[] },
  required: boolean,
  input: string,
  now: Date,
): Promise<TurnOffResult> {
  if (mustUseTwoFactor(user.roles, required)) return { ok: false, reason: 'required' };
  return withCode(deps, user.id, input, now, async (tx) => {
    await repo.deleteTwoFactor(tx, user.id);
    await appendAudit(tx, { actorId: user.id, action: 'two-factor-off', entityType: 'user', entityId: user.id });
    return true as const;
  });
}

/** New recovery codes (the old ones stop working), shown once. */
export async function regenerateRecoveryCodes(deps: TwoFactorDeps, userId: string, input: string, now: Date) {
  return withCode(deps, userId, input, now, async (tx) => {
    const codes = newRecoveryCodes();
    await repo.replaceRecoveryCodes(
      tx,
      userId,
      codes.map((c) => hashRecoveryCode(normaliseRecoveryCode(c)!)),
      now,
    );
    await appendAudit(tx, {
      actorId: userId,
      action: 'two-factor-codes-renew',
      entityType: 'user',
      entityId: userId,
    });
    return codes;
  });
}
