import { createHash, randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX } from '../../policy/api-scopes.ts';

/** A new token: the prefix and 32 random bytes (256 bits), base64url. Shown once, never stored. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored and looked up. A plain SHA-256 is right here, unlike for passwords (argon2):
 * a password is short and guessable, so its hash must be slow to try guesses against, but this
 * token is 256 random bits that nobody chose, so no dictionary or brute force can find it from
 * its hash. A fast, unsalted hash also lets each API request find its token by an indexed lookup
 * of the hash (a salted or slow hash would mean trying every token). A stolen table still cannot
 * be replayed as tokens.
 */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Shaped like one of ours (prefix and 43 base64url characters): anything else is refused unread. */
export function looksLikeApiToken(token: string): boolean {
  return (
    token.length === API_TOKEN_PREFIX.length + 43 &&
    /^[A-Za-z0-9_-]{43}$/.test(token.slice(API_TOKEN_PREFIX.length)) &&
    token.startsWith(API_TOKEN_PREFIX)
  );
}
