// What a single sign-on must remember between sending the person to the provider and their coming
// back: the state and nonce it will check, the PKCE verifier, and where they were going. It rides in
// a cookie signed with the key derived for this use alone (src/lib/secrets.ts), short-lived, and is
// cleared as the callback reads it, so each state is used once: a replayed or forged callback finds
// nothing to match.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const PENDING_COOKIE = 'cyd_sso';
/** Long enough to type a password at the provider; short enough that a stray cookie soon lapses. */
export const PENDING_MINUTES = 10;

export type PendingSignIn = { state: string; nonce: string; verifier: string; next: string };

type Sealed = PendingSignIn & { expiresAt: number };

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export function sealPendingSignIn(key: Buffer, pending: PendingSignIn, now: Date): string {
  const sealed: Sealed = { ...pending, expiresAt: now.getTime() + PENDING_MINUTES * 60_000 };
  const payload = Buffer.from(JSON.stringify(sealed)).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

/** The pending sign-in a cookie holds, or null when it is missing, forged, malformed or stale. */
export function openPendingSignIn(key: Buffer, cookie: string | undefined, now: Date): PendingSignIn | null {
  const [payload, signature, ...rest] = (cookie ?? '').split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let sealed: Partial<Sealed>;
  try {
    sealed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Sealed>;
  } catch {
    return null;
  }
  const { state, nonce, verifier, next, expiresAt } = sealed;
  const strings = [state, nonce, verifier, next].every((value) => typeof value === 'string' && value !== '');
  if (!strings || typeof expiresAt !== 'number' || expiresAt <= now.getTime()) return null;
  return { state: state!, nonce: nonce!, verifier: verifier!, next: next! };
}
