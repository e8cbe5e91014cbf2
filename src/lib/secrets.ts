// One COOKIE_SECRET, one key per use: HKDF (RFC 5869, node:crypto) derives each key under its own
// label, so a signature made for one use (an attachment link) never verifies as another (a cookie),
// and a leaked derived key gives away neither the secret nor the other keys. Operators still set
// one secret; changing it changes every key.
import { hkdfSync } from 'node:crypto';

/** Each use and its HKDF `info` label. A new use gets a new label; a label never changes meaning. */
const PURPOSE_LABELS = {
  /** @fastify/cookie's signed cookies, the CSRF cookie among them. */
  cookies: 'cydwella cookie signatures v1',
  /** Tokens naming an uploaded file that rides along in a form until it is saved. */
  attachmentLinks: 'cydwella attachment link signatures v1',
  /** Tokens in notification emails that let the person stop one kind of email without signing in. */
  unsubscribeLinks: 'cydwella unsubscribe link signatures v1',
  /** The cookie holding a single sign-on's state, nonce and PKCE verifier between leaving and coming back. */
  singleSignOn: 'cydwella single sign-on state signatures v1',
  /** Encrypts two-factor secrets at rest, and the secret riding in the set-up form until confirmed. */
  twoFactorSecrets: 'cydwella two-factor secret encryption v1',
} as const;

export type KeyPurpose = keyof typeof PURPOSE_LABELS;
export type PurposeKeys = Readonly<Record<KeyPurpose, Buffer>>;

// Fixed and public: HKDF's salt adds no secrecy here, it only keeps these keys apart from any other
// system that happens to derive keys from the same secret.
const SALT = 'cydwella';
const KEY_BYTES = 32; // SHA-256's output: HMAC-SHA-256 gains nothing from a longer key.

/** The key for each use, derived from the operator's secret. */
export function derivePurposeKeys(secret: string): PurposeKeys {
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', secret, SALT, label, KEY_BYTES));
  return {
    cookies: derive(PURPOSE_LABELS.cookies),
    attachmentLinks: derive(PURPOSE_LABELS.attachmentLinks),
    unsubscribeLinks: derive(PURPOSE_LABELS.unsubscribeLinks),
    singleSignOn: derive(PURPOSE_LABELS.singleSignOn),
    twoFactorSecrets: derive(PURPOSE_LABELS.twoFactorSecrets),
  };
}
