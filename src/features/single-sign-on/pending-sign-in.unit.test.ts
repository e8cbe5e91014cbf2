import { describe, expect, it } from 'vitest';
import { openPendingSignIn, PENDING_MINUTES, sealPendingSignIn } from './pending-sign-in.ts';

const key = Buffer.alloc(32, 7);
const now = new Date('2026-12-07T10:00:00Z');
const pending = { state: 'state-1', nonce: 'nonce-1', verifier: 'verifier-1', next: '/account' };

describe('the pending sign-in cookie', () => {
  it('gives back what was sealed, until it lapses', () => {
    const cookie = sealPendingSignIn(key, pending, now);
    expect(openPendingSignIn(key, cookie, now)).toEqual(pending);
    const later = new Date(now.getTime() + PENDING_MINUTES * 60_000);
    expect(openPendingSignIn(key, cookie, later)).toBeNull();
  });

  it('refuses a cookie altered, signed with another key, malformed or missing', () => {
    const cookie = sealPendingSignIn(key, pending, now);
    const [payload, signature] = cookie.split('.');
    const altered = Buffer.from(JSON.stringify({ ...pending, state: 'other', expiresAt: now.getTime() + 60_000 }));
    expect(openPendingSignIn(key, `${altered.toString('base64url')}.${signature}`, now)).toBeNull();
    expect(openPendingSignIn(Buffer.alloc(32, 8), cookie, now)).toBeNull();
    expect(openPendingSignIn(key, payload, now)).toBeNull();
    expect(openPendingSignIn(key, `${cookie}.extra`, now)).toBeNull();
    expect(openPendingSignIn(key, undefined, now)).toBeNull();
  });
});
