// What an API token may be used for: one named scope per read-only use of the API that exists
// today. A leaf module (imports nothing): the request plugin, the OpenAPI document, the token
// pages and their checks all read this one list, so a scope cannot be offered that nothing honours.

/**
 * `directory:read`: the schools and local authorities of /api/v1 (an LA's dashboards and a school
 * MIS read the directory). The national picture's open data needs no token at all.
 */
export const API_SCOPES = ['directory:read'] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === 'string' && (API_SCOPES as readonly string[]).includes(value);
}

/** How long a new token lasts, in days: a person chooses one; no token lives for ever. */
export const API_TOKEN_LIFETIMES = [30, 90, 365] as const;

/** What every token starts with, so it is recognisable in a config file or a leaked log (and by secret scanners). */
export const API_TOKEN_PREFIX = 'cyd_';
