import { describe, expect, it } from 'vitest';
import { derivePurposeKeys } from '../lib/secrets.ts';
import { EVENT_KIND_NAMES } from './event-kinds.ts';
import { KIND_BITS, readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.ts';

const keys = derivePurposeKeys('an operator secret of at least thirty-two characters');
const userId = '0b7a3c9e-5d2f-4a61-9c8e-1f2a3b4c5d6e';

describe('unsubscribe tokens', () => {
  it('reads back the person and the kinds it was made for', () => {
    const token = unsubscribeToken(keys.unsubscribeLinks, { userId, kinds: ['support_matched', 'support_requested'] });
    expect(readUnsubscribeToken(keys.unsubscribeLinks, token)).toEqual({
      userId,
      kinds: ['support_matched', 'support_requested'],
    });
  });

  it('refuses a token signed with another key, altered, or naming no known kind', () => {
    const token = unsubscribeToken(keys.unsubscribeLinks, { userId, kinds: ['support_requested'] });
    const [payload, signature] = token.split('.') as [string, string];
    const other = unsubscribeToken(keys.unsubscribeLinks, {
      userId: '1b7a3c9e-5d2f-4a61-9c8e-1f2a3b4c5d6e',
      kinds: ['support_requested'],
    });
    const forged = other.split('.')[0]!;
    expect(readUnsubscribeToken(keys.attachmentLinks, token)).toBeNull();
    expect(readUnsubscribeToken(keys.unsubscribeLinks, `${forged}.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(keys.unsubscribeLinks, `${payload}.${signature.slice(1)}x`)).toBeNull();
    expect(readUnsubscribeToken(keys.unsubscribeLinks, `${payload}.${signature}.x`)).toBeNull();
    expect(readUnsubscribeToken(keys.unsubscribeLinks, 'nonsense')).toBeNull();
    expect(readUnsubscribeToken(keys.unsubscribeLinks, '')).toBeNull();
  });

  it('fits in one path segment (Fastify allows 100 characters) even naming every kind', () => {
    const token = unsubscribeToken(keys.unsubscribeLinks, { userId, kinds: [...EVENT_KIND_NAMES] });
    expect(token.length).toBeLessThanOrEqual(100);
    expect(readUnsubscribeToken(keys.unsubscribeLinks, token)?.kinds).toEqual([...EVENT_KIND_NAMES].sort());
  });

  it('gives every kind a place, and never moves one (old emails would stop the wrong kind)', () => {
    for (const kind of EVENT_KIND_NAMES) expect(KIND_BITS).toContain(kind);
    expect(KIND_BITS.slice(0, 3)).toEqual(['shared_with_you', 'revision_awaiting_approval', 'revision_approved']);
    expect(KIND_BITS.indexOf('approval_waiting')).toBe(23);
  });

  it('keeps its key apart from every other use', () => {
    expect(keys.unsubscribeLinks.equals(keys.attachmentLinks)).toBe(false);
    expect(keys.unsubscribeLinks.equals(keys.cookies)).toBe(false);
  });
});
