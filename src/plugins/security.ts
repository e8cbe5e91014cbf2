// Follows the docs of @fastify/helmet (CSP nonces), @fastify/cookie, @fastify/formbody,
// @fastify/csrf-protection (signed cookie secret, checked before validation) and @fastify/rate-limit.
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import csrf from '@fastify/csrf-protection';
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import qs from 'node:querystring';

export type SecurityOptions = {
  secureCookies: boolean;
  rateLimitPerMinute: number;
  /** Where request counts live; the plugin's in-memory store when absent (one process). */
  rateLimitStore?: FastifyRateLimitStoreCtor;
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Signed cookies (the CSRF cookie) use the key derived for cookies alone (src/lib/secrets.ts). */
export const cookiePlugin = fp(async (app, opts: { key: Buffer }) => {
  await app.register(cookie, { secret: opts.key });
});

export const securityPlugin = fp(async (app, opts: SecurityOptions) => {
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    // HSTS only matters (and only works) behind TLS, which is where secure cookies are on.
    strictTransportSecurity: opts.secureCookies,
  });
  // Forms post with repeated fields (checkboxes): keep them as arrays.
  await app.register(formbody, { parser: (body) => qs.parse(body) });
  await app.register(csrf, {
    cookieKey: 'cyd_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: opts.secureCookies, signed: true },
    // Url-encoded forms give a string; multipart forms (file uploads) give a field object.
    getToken: (request) => {
      const field = (request.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof field === 'string') return field;
      if (field && typeof field === 'object' && 'value' in field) return String((field as { value: unknown }).value);
      return undefined;
    },
  });
  await app.register(rateLimit, {
    max: opts.rateLimitPerMinute,
    timeWindow: '1 minute',
    ...(opts.rateLimitStore ? { store: opts.rateLimitStore } : {}),
  });
});

/**
 * The one declared exception, by method and route pattern (so no other route can match it):
 * RFC 8058 one-click unsubscribe. A mail client posts to the URL in an email's List-Unsubscribe
 * header by itself, with no page, cookie or session that could carry a CSRF token. What a forged
 * cross-site request needs, the token in the URL, is an HMAC over the person and kinds that only
 * their mailbox holds (src/notifications/unsubscribe-token.ts), and all it can do is stop emails
 * that the person can turn back on; so the signed URL does the job a CSRF token does elsewhere.
 */
const CSRF_EXEMPT = new Set(['POST /unsubscribe/:token']);

/**
 * Every state-changing request must carry a valid token, whatever the route. It runs on
 * preHandler (as the plugin's docs advise) so multipart bodies, parsed in preValidation, are
 * read; the access check has already run in preValidation, so a forbidden request learns nothing.
 */
export const csrfEnforcementPlugin = fp(async (app) => {
  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    if (!STATE_CHANGING.has(request.method) || reply.sent) return done();
    if (CSRF_EXEMPT.has(`${request.method} ${request.routeOptions.url}`)) return done();
    app.csrfProtection(request, reply, done);
  });
});
