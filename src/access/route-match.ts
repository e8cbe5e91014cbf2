// Which registered GET route serves a concrete address, and the path parameters it would read:
// what `canOpen` needs to ask a link's own route whether it will open. The same priority as
// find-my-way, Fastify's router: at each segment a static part beats a parameter, and a parameter
// beats a wildcard (only the static file routes have one).

export type RoutePattern = { url: string };
export type RouteMatch<R extends RoutePattern> = { route: R; params: Record<string, string> };

type Compiled<R> = { route: R; segments: string[] };

const segmentsOf = (path: string) => path.split('/').slice(1);

/** A segment's rank: static 0, parameter 1, wildcard 2 (lower wins). */
const rank = (segment: string | undefined) =>
  segment === undefined || segment === '*' ? 2 : segment.startsWith(':') ? 1 : 0;

function compare<R>(a: Compiled<R>, b: Compiled<R>): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const difference = rank(a.segments[i]) - rank(b.segments[i]);
    if (difference !== 0) return difference;
  }
  return 0;
}

function paramsOf<R>(compiled: Compiled<R>, parts: string[]): Record<string, string> | null {
  // Checked before anything is decoded or kept: most candidates fail on a static segment.
  for (let i = 0; i < compiled.segments.length; i++) {
    const segment = compiled.segments[i]!;
    if (segment === '*') break;
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.startsWith(':') ? part === '' : segment !== part) return null;
  }
  if (!compiled.segments.includes('*') && parts.length !== compiled.segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < compiled.segments.length; i++) {
    const segment = compiled.segments[i]!;
    if (segment === '*') break;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(parts[i]!);
  }
  return params;
}

export function routeMatcher<R extends RoutePattern>(routes: readonly R[]): (path: string) => RouteMatch<R> | null {
  const compiled = routes.map((route) => ({ route, segments: segmentsOf(route.url) })).sort(compare);
  // Only a route with as many segments as the address can serve it, or one with a wildcard that
  // many segments can reach: each length's candidates, in the same order, so an address is tried
  // against a few routes, not all of them (a page asks this of every link it shows).
  const byLength = new Map<number, Compiled<R>[]>();
  const candidatesFor = (length: number) => {
    let found = byLength.get(length);
    if (!found) {
      found = compiled.filter((c) =>
        c.segments.includes('*') ? c.segments.indexOf('*') <= length : c.segments.length === length,
      );
      byLength.set(length, found);
    }
    return found;
  };
  return (address: string) => {
    const parts = segmentsOf(address.split(/[?#]/)[0]!);
    for (const candidate of candidatesFor(parts.length)) {
      const params = paramsOf(candidate, parts);
      if (params) return { route: candidate.route, params };
    }
    return null;
  };
}
