// Recovery codes: ten single-use codes shown once, for a lost phone.
//
// Hashed with SHA-256, not argon2: each code is 80 random bits (16 characters of a 32-letter
// alphabet), so no dictionary or brute force against a stolen hash is within reach, and a slow hash
// would only make checking ten of them slow. argon2 is for what people choose (passwords).
import { createHash, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
// Crockford-like: no I, L, O or U, so nothing is mistaken for 1, 0 or V when copied by hand.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return chars.replace(/(.{4})(?=.)/g, '$1-');
  });
}

/** The code as typed, in the one form that is hashed: capitals, no spaces or hyphens; null if it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return compact.length === LENGTH && [...compact].every((c) => ALPHABET.includes(c)) ? compact : null;
}

export function hashRecoveryCode(normalised: string): string {
  return createHash('sha256').update(normalised).digest('hex');
}
