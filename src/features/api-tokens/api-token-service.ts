import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { todayInWales } from '../../lib/clock.ts';
import { API_TOKEN_LIFETIMES, isApiScope, type ApiScope } from '../../policy/api-scopes.ts';
import { isRole, type CurrentUser, type RoleAssignment, type ScopeType } from '../../policy/roles.ts';
import * as repo from './api-token-repository.ts';
import { hashApiToken, looksLikeApiToken, newApiToken } from './api-token-secret.ts';

export const MAX_NAME_LENGTH = 100;
/** Enough for a person's few systems; a cap keeps a scripted loop from filling the table. */
export const MAX_USABLE_TOKENS = 10;
const DAY_MS = 86_400_000;
// Stamping last use on every request would make every API call a write; a minute is plenty to tell
// a token in use from one forgotten.
const TOUCH_INTERVAL_MS = 60_000;

export type NewTokenInput = { name: string; scopes: readonly string[]; lifetimeDays: string };
export type NewTokenResult = { ok: true; id: string; token: string } | { ok: false; errors: FieldErrors };

const err = (key: string) => `pages.apiTokens.errors.${key}`;

function check(input: NewTokenInput): { errors: FieldErrors; scopes: ApiScope[]; days: number } {
  const errors: FieldErrors = {};
  if (input.name === '') errors.name = err('nameMissing');
  else if (input.name.length > MAX_NAME_LENGTH) errors.name = err('nameTooLong');
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) errors.scopes = err('scopesMissing');
  else if (!scopes.every(isApiScope)) errors.scopes = err('scopesUnknown');
  const days = Number(input.lifetimeDays);
  if (!(API_TOKEN_LIFETIMES as readonly number[]).includes(days)) errors.lifetimeDays = err('lifetimeMissing');
  return { errors, scopes: scopes.filter(isApiScope), days };
}

/** Makes a token for the person: the token itself is returned to be shown once, and only its hash is kept. */
export async function createApiToken(db: Db, userId: string, input: NewTokenInput, now: Date): Promise<NewTokenResult> {
  const { errors, scopes, days } = check(input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const token = newApiToken();
  return db.transaction(async (tx) => {
    if ((await repo.countUsableApiTokens(tx, userId, now)) >= MAX_USABLE_TOKENS)
      return { ok: false as const, errors: { name: err('tooMany') } };
    const expiresAt = new Date(now.getTime() + days * DAY_MS);
    const { id } = await repo.insertApiToken(tx, {
      userId,
      tokenHash: hashApiToken(token),
      name: input.name,
      scopes,
      createdAt: now,
      expiresAt,
    });
    // Never the token or its hash: the audit log must not become a way into the API.
    await appendAudit(tx, {
      actorId: userId,
      action: 'api-token-create',
      entityType: 'api_token',
      entityId: id,
      after: { name: input.name, scopes, expiresAt: expiresAt.toISOString() },
    });
    return { ok: true as const, id, token };
  });
}

/** Revokes one of the person's tokens at once. False when the id names no unrevoked token of theirs. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await repo.revokeApiToken(tx, userId, tokenId, now);
    if (!revoked) return false;
    await appendAudit(tx, {
      actorId: userId,
      action: 'api-token-revoke',
      entityType: 'api_token',
      entityId: revoked.id,
      before: { name: revoked.name, scopes: revoked.scopes, expiresAt: revoked.expiresAt.toISOString() },
    });
    return true;
  });
}

export type ApiTokenHolder = { user: CurrentUser; tokenId: string; scopes: ApiScope[] };

/**
 * Who a bearer token acts as, or null when it is malformed, unknown (a tampered token hashes to
 * nothing we hold), revoked, expired, or its owner's account is no longer active. The owner comes
 * with their roles as they are now, so the token never sees more than the owner may today.
 */
export async function authenticateApiToken(db: Db, token: string, now: Date): Promise<ApiTokenHolder | null> {
  if (!looksLikeApiToken(token)) return null;
  const found = await repo.findApiTokenWithOwner(db, hashApiToken(token), todayInWales(now));
  if (!found || found.revokedAt || found.expiresAt.getTime() <= now.getTime()) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS)
    await repo.touchApiToken(db, found.id, now);
  const assignments: RoleAssignment[] = found.assignments
    .filter((a) => isRole(a.role))
    .map((a) => ({ role: a.role as RoleAssignment['role'], scopeType: a.scopeType as ScopeType, scopeId: a.scopeId }));
  return {
    user: { id: found.userId, email: found.email, displayName: found.displayName, assignments },
    tokenId: found.id,
    scopes: found.scopes.filter(isApiScope),
  };
}
