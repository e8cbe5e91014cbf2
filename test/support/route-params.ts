import { createHash } from 'node:crypto';

/**
 * Values a path parameter could plausibly take, by name: fixed, so a walk requests the same URLs
 * every run, and none of them names a record a test made (those get their values passed in).
 */
const PLAUSIBLE: Record<string, string> = {
  // The shape of a real token (32 bytes, base64url), but never one that was issued.
  token: 'no-such-token-no-such-token-no-such-token-0',
  // A school number the real list does not use and the factories never make (they stop at 9998).
  number: '6609999',
  code: '681',
  year: '2025',
  n: '1',
  '*': 'no-such-file.css',
};

/** A uuid of its own for each parameter name (no row has it), the same on every run. */
function uuidFor(name: string): string {
  const hex = createHash('sha256').update(`route-params:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A route's URL with every `:param` (and a trailing `*`) filled, named values first. */
export function fillPath(url: string, values: Record<string, string> = {}): string {
  return url.replace(/:(\w+)|\*/g, (_whole: string, name: string | undefined) => {
    const key = name ?? '*';
    return values[key] ?? PLAUSIBLE[key] ?? uuidFor(key);
  });
}
