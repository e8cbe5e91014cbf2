import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import {
  decoyPasswordHash,
  hashPassword,
  passwordProblem,
  verifyPassword,
  type PasswordProblem,
} from '../../lib/passwords.ts';
import { deleteOtherSessions, deleteUserSessions } from '../../sessions/session-repository.ts';
import { endSession, hashToken, startSession, type SessionSettings } from '../../sessions/session-service.ts';
import type { Clock } from '../../lib/clock.ts';
import * as repo from './auth-repository.ts';
import * as throttle from './sign-in-throttle-service.ts';
import { secondStepFor, startChallenge, type ChallengePurpose } from '../../sessions/sign-in-challenge-service.ts';

export {
  delayFor,
  FAILURE_WINDOW_MS,
  LOCK_AFTER_FAILURES,
  LOCK_MS,
  MAX_DELAY_MS,
  SLOW_AFTER_FAILURES,
} from './sign-in-throttle-service.ts';

export type SignInResult =
  | { ok: true; token: string; userId: string }
  /** The password was right; a code (or setting two-factor up) comes before any session. */
  | { ok: 'second-step'; challengeToken: string; purpose: ChallengePurpose }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number };

export type AuthDeps = {
  db: Db;
  sessions: SessionSettings;
  delay: (ms: number) => Promise<void>;
  clock: Clock;
  /** Whether wide-reach roles must use two-factor (config.twoFactorRequired). */
  twoFactorRequired?: boolean;
};

/** `client` is the address the attempt came from: lockouts are per account and client (sign-in-throttle-service.ts). */
export async function signIn(
  deps: AuthDeps,
  email: string,
  password: string,
  client: string,
  userAgent?: string,
  nextPath = '/',
): Promise<SignInResult> {
  const now = deps.clock.now();
  const emailKey = email.trim().toLowerCase();
  const user = await repo.findUserByEmail(deps.db, emailKey);
  const attempt = { emailKey, client, userId: user?.id ?? null, now };
  const gate = await throttle.gate(deps.db, attempt);
  if (gate.lockedMinutes !== null) return { ok: false, reason: 'locked', minutes: gate.lockedMinutes };
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (user && user.active && user.passwordHash && valid) {
    const secondStep = await secondStepFor(deps.db, user.id, deps.twoFactorRequired ?? false);
    if (secondStep) {
      const challengeToken = await deps.db.transaction(async (tx) => {
        await throttle.recordSuccess(tx, { ...attempt, userId: user.id });
        return startChallenge(tx, user.id, secondStep, nextPath, now);
      });
      if (gate.delayMs > 0) await deps.delay(gate.delayMs);
      return { ok: 'second-step', challengeToken, purpose: secondStep };
    }
    const token = await deps.db.transaction(async (tx) => {
      await throttle.recordSuccess(tx, { ...attempt, userId: user.id });
      const sessionToken = await startSession(tx, user.id, deps.sessions, now, { userAgent, address: client });
      await appendAudit(tx, { actorId: user.id, action: 'sign-in', entityType: 'user', entityId: user.id });
      return sessionToken;
    });
    if (gate.delayMs > 0) await deps.delay(gate.delayMs);
    return { ok: true, token, userId: user.id };
  }
  const outcome = await deps.db.transaction((tx) => throttle.recordFailure(tx, attempt, gate.known));
  if (outcome.locked) return { ok: false, reason: 'locked', minutes: throttle.LOCK_MS / 60_000 };
  await deps.delay(outcome.delayMs);
  return { ok: false, reason: 'invalid' };
}

export type ChangePasswordResult =
  | { ok: true }
  | {
      ok: false;
      field: 'currentPassword' | 'newPassword' | 'confirmPassword';
      problem: PasswordProblem | 'wrongCurrent';
    };

export async function changePassword(
  db: Db,
  userId: string,
  input: { currentPassword: string; newPassword: string; confirmPassword: string },
  currentSessionToken: string,
  now: Date,
): Promise<ChangePasswordResult> {
  const user = await repo.findUserById(db, userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, field: 'currentPassword', problem: 'wrongCurrent' };
  }
  const problem = passwordProblem(input.newPassword, { email: user.email, confirmation: input.confirmPassword });
  if (problem) return { ok: false, field: problem === 'mismatch' ? 'confirmPassword' : 'newPassword', problem };
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.setPasswordHash(tx, userId, passwordHash, now);
    // Whoever may have learnt the old password is signed out everywhere but here.
    const otherSessionsEnded = await deleteOtherSessions(tx, userId, hashToken(currentSessionToken));
    await appendAudit(tx, {
      actorId: userId,
      action: 'password-change',
      entityType: 'user',
      entityId: userId,
      after: { otherSessionsEnded },
    });
  });
  return { ok: true };
}

export async function findPasswordToken(db: Db, token: string, now: Date) {
  return repo.findUsableToken(db, hashToken(token), now);
}

export type SetPasswordResult =
  | { ok: true }
  | { ok: false; reason: 'invalid-token' }
  | { ok: false; field: 'password' | 'confirmPassword'; problem: PasswordProblem };

/** Uses a one-time link: sets the password, spends the token and signs out every other session. */
export async function setPasswordWithToken(
  db: Db,
  token: string,
  password: string,
  confirmation: string,
  now: Date,
): Promise<SetPasswordResult> {
  const found = await repo.findUsableToken(db, hashToken(token), now);
  if (!found) return { ok: false, reason: 'invalid-token' };
  const problem = passwordProblem(password, { email: found.email, confirmation });
  if (problem) return { ok: false, field: problem === 'mismatch' ? 'confirmPassword' : 'password', problem };
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Re-read under lock: two tabs submitting one link must not both succeed.
    const stillUsable = await repo.findUsableToken(tx, found.tokenHash, now);
    if (!stillUsable) return { ok: false as const, reason: 'invalid-token' as const };
    await repo.markTokenUsed(tx, found.tokenHash, now);
    await repo.setPasswordHash(tx, found.userId, passwordHash, now);
    await deleteUserSessions(tx, found.userId);
    await appendAudit(tx, {
      actorId: found.userId,
      action: 'password-set',
      entityType: 'user',
      entityId: found.userId,
    });
    return { ok: true as const };
  });
}

/** Ends this session and records who signed out (null when the session had already lapsed), in one transaction. */
export async function signOut(db: Db, sessionToken: string, userId: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await endSession(tx, sessionToken);
    await appendAudit(tx, { actorId: userId, action: 'sign-out', entityType: 'user', entityId: userId });
  });
}
