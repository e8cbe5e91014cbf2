import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { todayInWales } from '../lib/clock.ts';
import { isRole, type CurrentUser, type RoleAssignment, type ScopeType } from '../policy/roles.ts';
import * as repo from './session-repository.ts';
import { storedUserAgent } from './user-agent.ts';

export const SESSION_COOKIE = 'cyd_session';

export type SessionSettings = { idleMinutes: number; absoluteHours: number };

// Writing last_seen_at on every request would make every page a write; a minute's
// granularity is plenty for an idle timeout measured in tens of minutes.
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Where a sign-in came from, kept so a person can tell their sessions apart (the account page). */
export type SessionClient = { userAgent?: string | undefined; address?: string | undefined };

/** The browser and address of a request, for the session it starts. */
export const sessionClientOf = (request: { ip: string; headers: { 'user-agent'?: string | undefined } }) => ({
  userAgent: request.headers['user-agent'],
  address: request.ip,
});

export async function startSession(
  db: Db,
  userId: string,
  settings: SessionSettings,
  now: Date,
  client: SessionClient = {},
) {
  const token = newToken();
  await repo.insertSession(db, {
    idHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + settings.absoluteHours * 3600_000),
    userAgent: storedUserAgent(client.userAgent),
    // An address as the app sees it (behind a proxy, as TRUST_PROXY lets it read), never more than that.
    address: client.address ? client.address.slice(0, 64) : null,
  });
  return token;
}

/** The signed-in user for a cookie token, or null when absent, unknown, idle too long or past its absolute expiry. */
export async function resumeSession(
  db: Db,
  token: string,
  settings: SessionSettings,
  now: Date,
): Promise<CurrentUser | null> {
  const idHash = hashToken(token);
  const found = await repo.findSessionWithUser(db, idHash, todayInWales(now));
  if (!found) return null;
  const idleSince = now.getTime() - found.lastSeenAt.getTime();
  if (found.expiresAt.getTime() <= now.getTime() || idleSince > settings.idleMinutes * 60_000) {
    await repo.deleteSession(db, idHash);
    return null;
  }
  if (idleSince > TOUCH_INTERVAL_MS) await repo.touchSession(db, idHash, now);
  const assignments: RoleAssignment[] = found.assignments
    .filter((a) => isRole(a.role))
    .map((a) => ({ role: a.role as RoleAssignment['role'], scopeType: a.scopeType as ScopeType, scopeId: a.scopeId }));
  return { id: found.userId, email: found.email, displayName: found.displayName, assignments };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await repo.deleteSession(db, hashToken(token));
}
