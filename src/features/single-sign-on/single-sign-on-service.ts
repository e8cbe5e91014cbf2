// Who a single sign-on is (issue 14): a link kept by the provider's (issuer, subject), made once
// from an active account whose email the provider says it has verified. Never the email's domain:
// Hwb is one national tenant, and every school's staff share hwbcymru.net.
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { startSession, type SessionClient, type SessionSettings } from '../../sessions/session-service.ts';
import { findAccountByEmail } from '../users/user-repository.ts';
import * as repo from './single-sign-on-repository.ts';

/** Who the provider says the person is. The email is only a hint for a first link, never who they are. */
export type ProviderIdentity = { issuer: string; subject: string; email: string | null; emailVerified: boolean };

export type SingleSignOnResult = { ok: true; token: string; userId: string } | { ok: false; reason: 'not-linked' };

export type SingleSignOnDeps = { db: Db; sessions: SessionSettings; now: Date; client?: SessionClient };

/**
 * Signs the person in through their link, making it first when an active account has the provider's
 * verified email. Anyone else is refused and nothing is created: accounts are made by the people
 * who give roles, not by signing in.
 */
export async function signInWithProvider(
  deps: SingleSignOnDeps,
  identity: ProviderIdentity,
): Promise<SingleSignOnResult> {
  const { db, now } = deps;
  return db.transaction(async (tx) => {
    let link = await repo.findLink(tx, identity.issuer, identity.subject);
    if (!link) {
      if (!identity.email || !identity.emailVerified) return { ok: false as const, reason: 'not-linked' as const };
      const user = await findAccountByEmail(tx, identity.email);
      if (!user?.active) return { ok: false as const, reason: 'not-linked' as const };
      const made = await repo.insertLink(tx, { userId: user.id, ...identity, now });
      if (made)
        await appendAudit(tx, {
          actorId: user.id,
          action: 'sso-link',
          entityType: 'user',
          entityId: user.id,
          after: { linkId: made.id, issuer: identity.issuer },
        });
      link = await repo.findLink(tx, identity.issuer, identity.subject);
    }
    // A deactivated account keeps its link, but may no more sign in by it than by password.
    if (!link?.active) return { ok: false as const, reason: 'not-linked' as const };
    await repo.touchLink(tx, link.id, now);
    const token = await startSession(tx, link.userId, deps.sessions, now, deps.client);
    await appendAudit(tx, {
      actorId: link.userId,
      action: 'sso-sign-in',
      entityType: 'user',
      entityId: link.userId,
      after: { linkId: link.id, issuer: identity.issuer },
    });
    return { ok: true as const, token, userId: link.userId };
  });
}

/** The person's own links, for their account page. */
export async function linkedSignIns(db: Db, userId: string) {
  return repo.listLinks(db, userId);
}

/** Removes one of the person's links; false when the id names none of theirs. */
export async function removeLink(db: Db, userId: string, linkId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await repo.deleteLink(tx, userId, linkId);
    if (!removed) return false;
    await appendAudit(tx, {
      actorId: userId,
      action: 'sso-unlink',
      entityType: 'user',
      entityId: userId,
      before: { linkId: removed.id, issuer: removed.issuer, linkedAt: removed.linkedAt },
    });
    return true;
  });
}
