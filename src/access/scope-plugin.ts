// The scope hook (docs/ARCHITECTURE.md section 3): a route declaring `config.access.scope` has its record
// loaded and decided here, on preHandler: after validation (the path parameters are checked) and
// after the CSRF check (a forged request learns nothing of the record), before the handler.
// The platform-wide part (signed in, permission) has already run in plugins/policy.ts.
// It also answers `request.canOpen(address)` from the same declarations (can-open.ts).
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { decide } from '../policy/policy.ts';
import { HttpError } from '../lib/http-error.ts';
import { canOpen, type GivenCans, type OpenableRoute } from './can-open.ts';
import { routeMatcher, type RouteMatch } from './route-match.ts';
import { scopeLoaders, type ScopeLoader, type ScopeLoaders } from './scope-loaders.ts';
import type { ResolvedScope } from './request-scope.ts';
import { DEFAULT_NEEDS, type ScopedAccess, type ScopeName } from './scopes.ts';

type AnyLoader = ScopeLoader<ScopeName>;

function idsFrom(loader: AnyLoader, access: ScopedAccess, request: FastifyRequest): Record<string, string> {
  const params = request.params as Record<string, unknown>;
  const names = (access.params ?? {}) as Record<string, string | undefined>;
  const ids: Record<string, string> = {};
  for (const key of loader.params) {
    const value = params[names[key] ?? key];
    if (typeof value !== 'string')
      throw new Error(
        `${request.routeOptions.url ?? request.url}: the ${access.scope} scope has no :${names[key] ?? key}`,
      );
    ids[key] = value;
  }
  return ids;
}

/** Loads and decides the declared scope: the loader throws the 404 or 403, or returns the context. */
export async function resolveScope(
  loaders: ScopeLoaders,
  db: Db,
  request: FastifyRequest,
  access: ScopedAccess,
): Promise<ResolvedScope> {
  const loader = loaders[access.scope] as AnyLoader;
  const need = (access.need ?? DEFAULT_NEEDS[access.scope]) as never;
  const ids = idsFrom(loader, access, request);
  const context = await loader.load(db, request, ids as never, need);
  return { scope: access.scope, context, ids } as ResolvedScope;
}

export const scopePlugin = fp(async (app, opts: { db: Db; loaders?: ScopeLoaders }) => {
  const loaders = opts.loaders ?? scopeLoaders;
  const pages: OpenableRoute[] = [];
  let findPage: ((address: string) => RouteMatch<OpenableRoute> | null) | null = null;
  app.decorateRequest('accessScope', null);

  // A route naming a parameter its URL lacks fails at start-up, not on the first request.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access && [route.method].flat().includes('GET')) {
      pages.push({ url: route.url, access });
      findPage = null;
    }
    if (!access || !('scope' in access)) return;
    const names = (access.params ?? {}) as Record<string, string | undefined>;
    for (const key of loaders[access.scope].params) {
      const name = names[key] ?? key;
      if (!new RegExp(`:${name}(?!\\w)`).test(route.url))
        throw new Error(
          `Route ${String(route.method)} ${route.url} declares the ${access.scope} scope but has no :${name}`,
        );
    }
  });

  app.decorateRequest('canOpen', function canOpenAddress(this: FastifyRequest, address: string, given?: GivenCans) {
    findPage ??= routeMatcher(pages);
    return canOpen(findPage(address), this.user, this.accessScope, loaders, address, given);
  });

  // The server-side form of canOpen for a record the page has not loaded: the link's own route
  // decides, its loader reading the record as it stands now. Refused (404/403) is false.
  // Kept for the request only: a later request reads the records as they stand then.
  const answers = new WeakMap<FastifyRequest, Map<string, Promise<boolean>>>();
  app.decorateRequest('mayOpen', async function mayOpen(this: FastifyRequest, address: string): Promise<boolean> {
    findPage ??= routeMatcher(pages);
    let found: RouteMatch<OpenableRoute> | null;
    try {
      found = findPage(address);
    } catch {
      return false; // a malformed escape names no page
    }
    if (!found) return false;
    const access = found.route.access;
    if (decide(this.user, access) !== 'allow') return false;
    if (!('scope' in access)) return true;
    const loader = loaders[access.scope] as AnyLoader;
    const names = (access.params ?? {}) as Record<string, string | undefined>;
    const ids = Object.fromEntries(loader.params.map((key) => [key, found.params[names[key] ?? key]]));
    if (Object.values(ids).some((id) => typeof id !== 'string')) return false;
    const need = access.need ?? DEFAULT_NEEDS[access.scope];
    // The answer depends only on the scope, its ids and the need, not on the rest of the address:
    // a page of links to ten meetings of one collaborative loads that collaborative once.
    const key = JSON.stringify([access.scope, need, ids]);
    const asked = answers.get(this) ?? new Map<string, Promise<boolean>>();
    answers.set(this, asked);
    let answer = asked.get(key);
    if (!answer) asked.set(key, (answer = loadsWithoutRefusal(loader, this, ids, need)));
    return answer;
  });

  async function loadsWithoutRefusal(loader: AnyLoader, request: FastifyRequest, ids: object, need: unknown) {
    try {
      await loader.load(opts.db, request, ids as never, need as never);
      return true;
    } catch (error) {
      if (error instanceof HttpError && (error.statusCode === 403 || error.statusCode === 404)) return false;
      throw error;
    }
  }

  app.decorateRequest('reloadAccessScope', async function reloadAccessScope(this: FastifyRequest) {
    const access = this.routeOptions.config.access;
    if (!access || !('scope' in access))
      throw new Error(`${this.method} ${this.routeOptions.url ?? this.url} reloads a scope but declares none`);
    this.accessScope = await resolveScope(loaders, opts.db, this, access);
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || !('scope' in access)) return;
    request.accessScope = await resolveScope(loaders, opts.db, request, access);
  });
});
