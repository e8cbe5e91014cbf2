import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { decoyPasswordHash, hashPassword, passwordProblem, verifyPassword, type PasswordProblem } from '../../lib/passwords.ts';
import { deleteOtherSessions, deleteUserSessions } from '../../sessions/session-repository.ts';
import { hashToken, startSession, type SessionSettings } from '../../sessions/sessions.ts';
import * as repo from './auth-repository.ts';

/** Failures counted within this window; past it the count starts again. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** From this many failures each answer is slowed... */
export const SLOW_AFTER_FAILURES = 3;
/** ...and from this many the account refuses sign-in for LOCK_MS. */
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * 60_000;
const MAX_DELAY_MS = 5_000;

export type SignInResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number };

export type AuthDeps = { db: Db; sessions: SessionSettings; delay: (ms: number) => Promise<void>; now?: () => Date };

export function delayFor(failures: number): number {
  return failures < SLOW_AFTER_FAILURES ? 0 : Math.min(MAX_DELAY_MS, (failures - SLOW_AFTER_FAILURES + 1) * 1000);
}

export async function signIn(deps: AuthDeps, email: string, password: string, userAgent?: string): Promise<SignInResult> {
  const now = deps.now?.() ?? new Date();
  const emailKey = email.trim().toLowerCase();
  const record = await repo.findFailures(deps.db, emailKey);
  const current = record && now.getTime() - record.firstFailureAt.getTime() < FAILURE_WINDOW_MS ? record : null;
  if (current?.lockedUntil && current.lockedUntil > now) {
    return { ok: false, reason: 'locked', minutes: Math.ceil((current.lockedUntil.getTime() - now.getTime()) / 60_000) };
  }
  const user = await repo.findUserByEmail(deps.db, emailKey);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (user && user.active && user.passwordHash && valid) {
    const token = await deps.db.transaction(async (tx) => {
      await repo.clearFailures(tx, emailKey);
      const sessionToken = await startSession(tx, user.id, deps.sessions, now, userAgent);
      await appendAudit(tx, { actorId: user.id, action: 'sign-in', entityType: 'user', entityId: user.id });
      return sessionToken;
    });
    return { ok: true, token, userId: user.id };
  }
  const failures = (current?.failures ?? 0) + 1;
  const locked = failures >= LOCK_AFTER_FAILURES;
  await deps.db.transaction(async (tx) => {
    await repo.saveFailures(tx, {
      emailKey,
      failures,
      firstFailureAt: current?.firstFailureAt ?? now,
      lockedUntil: locked ? new Date(now.getTime() + LOCK_MS) : null,
    });
    if (locked && user) {
      await appendAudit(tx, { actorId: null, action: 'sign-in-locked', entityType: 'user', entityId: user.id, after: { failures } });
    }
  });
  if (locked) return { ok: false, reason: 'locked', minutes: LOCK_MS / 60_000 };
  await deps.delay(delayFor(failures));
  return { ok: false, reason: 'invalid' };
}

export type ChangePasswordResult = { ok: true } | { ok: false; field: 'currentPassword' | 'newPassword' | 'confirmPassword'; problem: PasswordProblem | 'wrongCurrent' };

export async function changePassword(
  db: Db,
  userId: string,
  input: { currentPassword: string; newPassword: string; confirmPassword: string },
  currentSessionToken: string,
): Promise<ChangePasswordResult> {
  const user = await repo.findUserById(db, userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, field: 'currentPassword', problem: 'wrongCurrent' };
  }
  const problem = passwordProblem(input.newPassword, { email: user.email, confirmation: input.confirmPassword });
  if (problem) return { ok: false, field: problem === 'mismatch' ? 'confirmPassword' : 'newPassword', problem };
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.setPasswordHash(tx, userId, passwordHash, new Date());
    // Whoever may have learnt the old password is signed out everywhere but here.
    const otherSessionsEnded = await deleteOtherSessions(tx, userId, hashToken(currentSessionToken));
    await appendAudit(tx, { actorId: userId, action: 'password-change', entityType: 'user', entityId: userId, after: { otherSessionsEnded } });
  });
  return { ok: true };
}

export async function findPasswordToken(db: Db, token: string) {
  return repo.findUsableToken(db, hashToken(token), new Date());
}

export type SetPasswordResult = { ok: true } | { ok: false; reason: 'invalid-token' } | { ok: false; field: 'password' | 'confirmPassword'; problem: PasswordProblem };

/** Uses a one-time link: sets the password, spends the token and signs out every other session. */
export async function setPasswordWithToken(db: Db, token: string, password: string, confirmation: string): Promise<SetPasswordResult> {
  const now = new Date();
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
    await appendAudit(tx, { actorId: found.userId, action: 'password-set', entityType: 'user', entityId: found.userId });
    return { ok: true as const };
  });
}
