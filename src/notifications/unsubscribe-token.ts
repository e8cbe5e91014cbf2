// The token in an email's unsubscribe link (issue 12, RFC 8058): it names one person and the kinds
// of notification the email carried, signed with the key derived for this use alone
// (src/lib/secrets.ts), so the link works without signing in and cannot be forged for someone else.
// It does not expire: a link in a months-old email should still stop the emails, and using it
// twice changes nothing.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isEventKind, type EventKind } from './event-kinds.ts';

export type UnsubscribeClaim = { userId: string; kinds: EventKind[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export function unsubscribeToken(key: Buffer, claim: UnsubscribeClaim): string {
  const kinds = [...new Set(claim.kinds)].sort();
  if (kinds.length === 0) throw new Error('an unsubscribe token names at least one kind');
  const payload = Buffer.from(`${claim.userId}:${kinds.join(',')}`).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

/** The claim, or null for anything not signed by this key or not naming a person and known kinds. */
export function readUnsubscribeToken(key: Buffer, token: string): UnsubscribeClaim | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, kindList, rest] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
  if (!userId || !UUID.test(userId) || !kindList || rest !== undefined) return null;
  const kinds = kindList.split(',');
  if (!kinds.every(isEventKind)) return null;
  return { userId, kinds };
}
