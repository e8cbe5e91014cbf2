// Half-signed-in: after the right password, someone with two-factor (or whose role requires it)
// holds a challenge, not a session. It opens only the second step, lasts CHALLENGE_MINUTES, allows
// MAX_CHALLENGE_FAILURES wrong codes, and is spent by the step that completes it. Shared by the
// password sign-in (which starts it) and two-factor (which completes it).
import type { Db } from '../db/client.ts';
import { appendAudit } from '../audit/audit-repository.ts';
import { mustUseTwoFactor } from '../policy/two-factor-policy.ts';
import * as repo from './sign-in-challenge-repository.ts';
import { hashToken, newToken, startSession, type SessionClient, type SessionSettings } from './session-service.ts';

export type { ChallengePurpose } from './sign-in-challenge-repository.ts';

export const CHALLENGE_COOKIE = 'cyd_sign_in_step';
export const CHALLENGE_MINUTES = 10;
export const MAX_CHALLENGE_FAILURES = 5;

/** What stands between a right password and a session: nothing, a code, or setting two-factor up. */
export async function secondStepFor(db: Db, userId: string, required: boolean): Promise<repo.ChallengePurpose | null> {
  if (await repo.hasTwoFactor(db, userId)) return 'verify';
  return mustUseTwoFactor(await repo.rolesOf(db, userId), required) ? 'enrol' : null;
}

export async function startChallenge(
  db: Db,
  userId: string,
  purpose: repo.ChallengePurpose,
  nextPath: string,
  now: Date,
): Promise<string> {
  const token = newToken();
  await repo.insertChallenge(db, {
    tokenHash: hashToken(token),
    userId,
    purpose,
    nextPath,
    createdAt: now,
    expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
  });
  return token;
}

export type LiveChallenge = NonNullable<Awaited<ReturnType<typeof repo.findLiveChallenge>>>;

/** The challenge a cookie names, if it is unexpired and unspent. */
export function findChallenge(db: Db, token: string | undefined, now: Date): Promise<LiveChallenge | null> {
  if (!token) return Promise.resolve(null);
  return repo.findLiveChallenge(db, hashToken(token), now);
}

/** Counts a wrong code; at the limit the challenge is spent and the password must be given again. */
export async function failChallenge(db: Db, challenge: LiveChallenge): Promise<{ ended: boolean }> {
  const failures = await repo.countChallengeFailure(db, challenge.tokenHash);
  if (failures < MAX_CHALLENGE_FAILURES) return { ended: false };
  await repo.deleteChallenge(db, challenge.tokenHash);
  return { ended: true };
}

/**
 * Spends the challenge and starts the session (inside the caller's transaction, beside whatever
 * the second step changed). Null when the challenge was spent meanwhile: two tabs, one sign-in.
 */
export async function completeChallenge(
  tx: Db,
  challenge: LiveChallenge,
  settings: SessionSettings,
  now: Date,
  client: SessionClient = {},
): Promise<string | null> {
  if (!(await repo.deleteChallenge(tx, challenge.tokenHash))) return null;
  const token = await startSession(tx, challenge.userId, settings, now, client);
  await appendAudit(tx, {
    actorId: challenge.userId,
    action: 'sign-in',
    entityType: 'user',
    entityId: challenge.userId,
    after: { secondStep: challenge.purpose },
  });
  return token;
}

export async function abandonChallenge(db: Db, token: string): Promise<void> {
  await repo.deleteChallenge(db, hashToken(token));
}
