// The person's own sessions on their account page: sign out one other device, or all of them.
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { Uuid } from '../../lib/request-schemas.ts';
import { endOtherSession, endOtherSessions } from './account-sessions-service.ts';

const SessionParams = Type.Object({ sessionId: Uuid });
const signedIn = { access: { signedIn: true } } as const;

export const accountSessionRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;

  app.post(
    '/account/sessions/:sessionId/sign-out',
    { config: signedIn, schema: { params: SessionParams } },
    async (request, reply) => {
      // Only the person's own other sessions match: anyone else's id is simply not found.
      const ended = await endOtherSession(db, request.user!.id, request.sessionToken!, request.params.sessionId);
      if (!ended) throw new HttpError(404, 'not-found');
      return reply.redirect('/account?ended=one#sessions', 303);
    },
  );

  app.post('/account/sessions/sign-out-others', { config: signedIn }, async (request, reply) => {
    await endOtherSessions(db, request.user!.id, request.sessionToken!);
    return reply.redirect('/account?ended=others#sessions', 303);
  });
};
