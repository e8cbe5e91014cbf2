// The token in an email's unsubscribe link (issue 12, RFC 8058): it names one person and the kinds
// of notification the email carried, signed with the key derived for this use alone
// (src/lib/secrets.ts), so the link works without signing in and cannot be forged for someone else.
// It does not expire: a link in a months-old email should still stop the emails, and using it
// twice changes nothing. It is compact (the user id's 16 bytes and a bit per kind, ~70 characters
// in all) because it travels as one path segment, which Fastify caps at 100 characters.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { EVENT_KIND_NAMES, type EventKind } from './event-kinds.ts';

export type UnsubscribeClaim = { userId: string; kinds: EventKind[] };

/**
 * Each kind's bit in a token. Append only: a kind keeps its place for as long as any email with a
 * link may be read, so a new kind goes at the end and a retired one stays (reading it then finds
 * no such kind and refuses the token). The unit test checks every kind has a place.
 */
export const KIND_BITS: readonly string[] = [
  'shared_with_you',
  'revision_awaiting_approval',
  'revision_approved',
  'evidence_to_review',
  'support_requested',
  'support_matched',
  'support_closed',
  'enquiry_reviewer_invited',
  'enquiry_pack_ready',
  'enquiry_on_site_day',
  'enquiry_report_drafted',
  'enquiry_follow_up_agreed',
  'meeting_arranged',
  'meeting_changed',
  'plan_round_opened',
  'plan_round_deadline_near',
  'plan_submitted',
  'plan_comments_sent',
  'plan_sent_back',
  'plan_marked_final',
  'national_priorities_published',
  'national_support_published',
  'concern_review_due',
  'approval_waiting',
  'action_assigned',
  'action_due_soon',
  'action_overdue',
  'governor_question_asked',
  'governor_question_answered',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const known = new Set<string>(EVENT_KIND_NAMES);

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export function unsubscribeToken(key: Buffer, claim: UnsubscribeClaim): string {
  if (!UUID.test(claim.userId)) throw new Error('an unsubscribe token names a user id');
  if (claim.kinds.length === 0) throw new Error('an unsubscribe token names at least one kind');
  const bits = Buffer.alloc(Math.ceil(KIND_BITS.length / 8));
  for (const kind of claim.kinds) {
    const index = KIND_BITS.indexOf(kind);
    if (index < 0) throw new Error(`kind ${kind} has no place in KIND_BITS`);
    bits[index >> 3]! |= 1 << (index & 7);
  }
  const payload = Buffer.concat([Buffer.from(claim.userId.replace(/-/g, ''), 'hex'), bits]).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

/** The claim, or null for anything not signed by this key or not naming known kinds. */
export function readUnsubscribeToken(key: Buffer, token: string): UnsubscribeClaim | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length <= 16) return null;
  const hex = bytes.subarray(0, 16).toString('hex');
  const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const kinds: EventKind[] = [];
  for (let index = 0; index < (bytes.length - 16) * 8; index++) {
    if (!(bytes[16 + (index >> 3)]! & (1 << (index & 7)))) continue;
    const kind = KIND_BITS[index];
    if (kind === undefined || !known.has(kind)) return null;
    kinds.push(kind as EventKind);
  }
  return kinds.length > 0 ? { userId, kinds: kinds.sort() } : null;
}
