// Every route declares `config.access`; a route without one fails at start-up, so nothing
// can be registered open by omission. Decisions come from src/policy/policy.ts.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, FastifySchema, RouteOptions } from 'fastify';
import { DEFAULT_NEEDS, type DeclaredScope } from '../access/scopes.ts';
import { coarseAccess, decide, type Access, type CoarseAccess } from '../policy/policy.ts';
import { HttpError } from '../lib/http-error.ts';
import { STATIC_PREFIXES } from './static-paths.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/**
 * A route as registered: who may reach it at all, the record scope and need it declares (null when
 * it acts on no one record), and its schema so a test can check every input is bounded.
 */
export type RegisteredRoute = {
  method: string;
  url: string;
  access: CoarseAccess;
  scope: DeclaredScope | null;
  schema: FastifySchema | undefined;
};

function declaredScope(access: Access): DeclaredScope | null {
  if (!('scope' in access)) return null;
  return { scope: access.scope, need: access.need ?? DEFAULT_NEEDS[access.scope] };
}

function routeAccess(route: RouteOptions): Access {
  const access = route.config?.access;
  if (access) return access;
  if (STATIC_PREFIXES.some((prefix) => route.url.startsWith(prefix))) return { public: true };
  throw new Error(`Route ${String(route.method)} ${route.url} declares no config.access`);
}

export const policyPlugin = fp(async (app, opts: { registry: RegisteredRoute[] }) => {
  app.addHook('onRoute', (route) => {
    const access = routeAccess(route);
    const scope = declaredScope(access);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        opts.registry.push({ method, url: route.url, access: coarseAccess(access), scope, schema: route.schema });
    }
  });

  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // 404 handler: nothing to protect
    const decision = decide(request.user, access);
    if (decision === 'allow') return;
    if (decision === 'sign-in') {
      if (request.url.startsWith('/api/')) throw new HttpError(401, 'unauthorised');
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/sign-in${next}`, 303);
    }
    throw new HttpError(403, 'forbidden');
  });
});
