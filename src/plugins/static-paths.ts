/** URL prefixes served by @fastify/static: public files, no session, no access check. */
export const STATIC_PREFIXES = ['/assets/', '/static/'] as const;

export function isStaticPath(url: string): boolean {
  return STATIC_PREFIXES.some((prefix) => url.startsWith(prefix));
}
