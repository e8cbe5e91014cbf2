import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import * as repo from './feed-repository.ts';

/** Calendar apps cannot sign in: the address carries a secret, and only its SHA-256 is kept. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Makes the user's feed, or replaces it (the old address stops working). Returns the new secret, shown once. */
export async function issueFeed(db: Db, userId: string, language: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    const existing = await repo.findFeedOf(tx, userId);
    await repo.saveFeed(tx, userId, hashToken(token), language);
    // Never the token or its hash: the audit log must not become a way into someone's calendar.
    await appendAudit(tx, {
      actorId: userId,
      action: existing ? 'calendar-feed-reset' : 'calendar-feed-create',
      entityType: 'calendar_feed',
      entityId: userId,
      after: { language },
    });
  });
  return token;
}

export async function turnOffFeed(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (await repo.deleteFeed(tx, userId))
      await appendAudit(tx, {
        actorId: userId,
        action: 'calendar-feed-delete',
        entityType: 'calendar_feed',
        entityId: userId,
      });
  });
}

const addMonths = (date: Date, months: number) => {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** The window a feed covers: three months back, twelve ahead. */
export const feedWindow = (now: Date) => ({ from: addMonths(now, -3), to: addMonths(now, 12) });
