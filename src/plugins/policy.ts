// Every route declares `config.access`; a route without one fails at start-up, so nothing
// can be registered open by omission. Decisions come from src/policy/policy.ts.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { decide, type Access } from '../policy/policy.ts';
import { HttpError } from '../lib/http-error.ts';
import { STATIC_PREFIXES } from './static-paths.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** `body` is the route's body schema (JSON Schema from TypeBox), kept so tests can generate what it must refuse. */
export type RegisteredRoute = { method: string; url: string; access: Access; body?: unknown };

function routeAccess(route: RouteOptions): Access {
  const access = route.config?.access;
  if (access) return access;
  if (STATIC_PREFIXES.some((prefix) => route.url.startsWith(prefix))) return { public: true };
  throw new Error(`Route ${String(route.method)} ${route.url} declares no config.access`);
}

export const policyPlugin = fp(async (app, opts: { registry: RegisteredRoute[] }) => {
  app.addHook('onRoute', (route) => {
    const access = routeAccess(route);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') opts.registry.push({ method, url: route.url, access, ...(route.schema?.body ? { body: route.schema.body } : {}) });
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
