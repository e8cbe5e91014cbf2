import { randomBytes, randomUUID } from 'node:crypto';

/** Values a path parameter could plausibly take, by name; anything else gets a fresh uuid. */
const PLAUSIBLE: Record<string, () => string> = {
  token: () => randomBytes(32).toString('base64url'),
  number: () => String(6_600_000 + Math.floor(Math.random() * 100_000)),
  code: () => '681',
  year: () => '2025',
  n: () => '1',
  '*': () => 'no-such-file.css',
};

/** A route's URL with every `:param` (and a trailing `*`) filled, named values first. */
export function fillPath(url: string, values: Record<string, string> = {}): string {
  return url.replace(/:(\w+)|\*/g, (_whole: string, name: string | undefined) => {
    const key = name ?? '*';
    return values[key] ?? PLAUSIBLE[key]?.() ?? randomUUID();
  });
}
