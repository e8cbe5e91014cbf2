// `Authorization: Bearer <token>` for other systems (an LA's dashboards, a MIS): a personal API
// token acts as its owner, on the API routes that declare `config.apiTokenScope` and nowhere else.
// The token itself is checked by the function buildApp hands in (features/api-tokens); this plugin
// knows only the header, the route's declaration and the per-token limit.
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../lib/clock.ts';
import { HttpError } from '../lib/http-error.ts';
import type { ApiScope } from '../policy/api-scopes.ts';
import type { CurrentUser } from '../policy/roles.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * On an API route an API token may read: the scope it needs, or null when any valid token will do
     * (the API's own description). Absent: a request bearing a token is refused.
     */
    apiTokenScope?: ApiScope | null;
  }
  interface FastifyRequest {
    /** The token the request was made with, when it was (its owner is request.user). */
    apiToken: { id: string; scopes: readonly ApiScope[] } | null;
  }
}

export type BearerHolder = { user: CurrentUser; tokenId: string; scopes: readonly ApiScope[] };

export type ApiTokenOptions = {
  authenticate: (token: string, now: Date) => Promise<BearerHolder | null>;
  clock: Clock;
  perTokenPerMinute: number;
};

// Tokens only read: a token never reaches a form, a POST or any other change.
const READING = new Set(['GET', 'HEAD']);

/** The token of a Bearer header ('' when the header names the scheme but no token); null for no header or another scheme. */
function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header ?? '');
  return match ? (match[1] ?? '').trim() : null;
}

// The limiter's key is the token's hash, never the token: on PostgreSQL the keys are stored.
const limiterKey = (request: FastifyRequest) =>
  `api-token:${createHash('sha256')
    .update(bearerToken(request.headers.authorization) ?? '')
    .digest('hex')}`;

function refuse(reply: FastifyReply, status: 401 | 403, reason: string, challenge: string): never {
  // RFC 6750's challenge, so a client can tell a bad token from a missing scope.
  reply.header('www-authenticate', challenge);
  throw new HttpError(status, reason);
}

export const apiTokenPlugin = fp(async (app, opts: ApiTokenOptions) => {
  app.decorateRequest('apiToken', null);
  const limit = app.createRateLimit({ max: opts.perTokenPerMinute, timeWindow: '1 minute', keyGenerator: limiterKey });

  // preParsing: after every onRequest hook (the session, and the per-address limit that routes
  // carry), before the body is read and before the access check reads request.user.
  app.addHook('preParsing', async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    if (token === null) return;
    const config = request.routeOptions.config;
    if (!config.access) return; // no such route: the 404 answers
    const scope = config.apiTokenScope;
    if (scope === undefined || !READING.has(request.method)) {
      refuse(reply, 403, 'token-not-accepted', 'Bearer error="invalid_request"');
    }
    const counted = await limit(request);
    if (!counted.isAllowed && counted.isExceeded) {
      reply.header('retry-after', String(counted.ttlInSeconds));
      throw new HttpError(429, 'too-many-requests');
    }
    const holder = await opts.authenticate(token, opts.clock.now());
    if (!holder) refuse(reply, 401, 'invalid-token', 'Bearer error="invalid_token"');
    if (scope !== null && !holder.scopes.includes(scope)) {
      refuse(reply, 403, 'insufficient-scope', `Bearer error="insufficient_scope", scope="${scope}"`);
    }
    // The token, not any session cookie sent with it, says who this is.
    request.user = holder.user;
    request.sessionToken = null;
    request.apiToken = { id: holder.tokenId, scopes: holder.scopes };
  });
});
