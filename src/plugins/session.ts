// Sessions live in the database (not in memory) so several app processes share them.
import fp from 'fastify-plugin';
import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import type { CurrentUser } from '../policy/roles.ts';
import { isStaticPath } from './static-paths.ts';
import { resumeSession, SESSION_COOKIE, type SessionSettings } from '../sessions/session-service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    sessionToken: string | null;
  }
}

export const sessionPlugin = fp(async (app, opts: { db: Db; clock: Clock; settings: SessionSettings }) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    // Static files never need a user: skip the database for them.
    if (!token || isStaticPath(request.url)) return;
    const user = await resumeSession(opts.db, token, opts.settings, opts.clock.now());
    if (user) {
      request.user = user;
      request.sessionToken = token;
    } else {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
  });
});
