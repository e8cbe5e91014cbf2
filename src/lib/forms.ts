import type { TFunction } from 'i18next';

/** Field name -> catalogue key of the message to show against it. */
export type FieldErrors = Record<string, string>;

/** The GOV.UK error summary list and the per-field messages, translated. */
export function presentErrors(errors: FieldErrors, t: TFunction) {
  const list = Object.entries(errors).map(([field, key]) => ({ text: t(key), href: `#${field}` }));
  const byField = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, { text: t(key) }]));
  return { errors: list, fieldErrors: byField };
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** A form value as a trimmed string ('' when absent or repeated). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

// Any origin of our own would do: a target is kept only if it resolves to this same origin.
const OWN_ORIGIN = 'http://cydwella.invalid';
// Printable ASCII only: a browser percent-encodes everything else in a URL it sends us, so
// anything else here (control characters, spaces, unicode slash lookalikes) was typed to attack.
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
// Characters that, once decoded, could turn a path into a trip elsewhere.
const DECODED_HOSTILE = /[\u0000-\u001f\u007f-\u009f\\]|^\/\//;

/** The text with percent-escapes undone until it stops changing (a few rounds), or null if malformed. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * A redirect target taken from a request, kept only if it is a path on this site; otherwise
 * `fallback`. It is resolved as a browser would (against our own origin, dot segments and all)
 * and the result is what we send, so what we check is what the browser follows.
 */
export function safeNextPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || !PRINTABLE_ASCII.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  const decodedPath = fullyDecoded(url.pathname);
  if (!path.startsWith('/') || path.startsWith('//') || decodedPath === null || DECODED_HOSTILE.test(decodedPath))
    return fallback;
  return path;
}
