// Unsubscribe from a notification email, without signing in (issue 12, RFC 8058). The link's
// signed token names the person and the kinds the email carried. A mail client posts to it by
// itself (one click, no page: the CSRF plugin's one declared exception); a person who opens the
// link in a browser gets a page with a button that posts the same thing, without JavaScript.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../app-deps.ts';
import { readUnsubscribeToken, type UnsubscribeClaim } from '../../notifications/unsubscribe-token.ts';
import { unsubscribe } from './unsubscribe-service.ts';

// base64url payload (a user id and a bit per kind), a dot, and a 43-character HMAC-SHA-256.
const TokenParams = Type.Object({
  token: Type.String({ pattern: '^[A-Za-z0-9_-]{22,56}\\.[A-Za-z0-9_-]{43}$', maxLength: 100 }),
});
const open = { access: { public: true } } as const;
// RFC 8058 sends `List-Unsubscribe=One-Click`, as a url-encoded or a multipart form; nothing in it is needed.
const OneClickBody = Type.Object({ 'List-Unsubscribe': Type.Optional(Type.String({ maxLength: 20 })) });

export const unsubscribeRoutes: FeaturePlugin<'database' | 'clock' | 'keys'> = async (
  app,
  { database, clock, keys },
) => {
  const view = (name: string) => `features/unsubscribe/views/${name}.njk`;
  // Mail clients may post the one-click body as multipart/form-data (RFC 8058 section 3.1). Its
  // content is fixed and unused, so it is read (within a small limit) and dropped, in this feature's
  // scope only.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) =>
    done(null, {}),
  );

  const invalid = (request: FastifyRequest, reply: FastifyReply) =>
    reply.status(404).page(view('invalid'), { title: request.t('unsubscribe.title') });
  const kindNames = (request: FastifyRequest, claim: UnsubscribeClaim) =>
    claim.kinds.map((kind) => request.t(`notifications.kinds.${kind}.name`));

  app.get('/unsubscribe/:token', { config: open, schema: { params: TokenParams } }, async (request, reply) => {
    const claim = readUnsubscribeToken(keys.unsubscribeLinks, request.params.token);
    if (!claim) return invalid(request, reply);
    return reply.page(view('confirm'), { title: request.t('unsubscribe.title'), kinds: kindNames(request, claim) });
  });

  app.post(
    '/unsubscribe/:token',
    { config: open, schema: { params: TokenParams, body: OneClickBody } },
    async (request, reply) => {
      const claim = readUnsubscribeToken(keys.unsubscribeLinks, request.params.token);
      if (!claim || !(await unsubscribe(database.db, claim, clock.now()))) return invalid(request, reply);
      return reply.page(view('done'), { title: request.t('unsubscribe.doneTitle'), kinds: kindNames(request, claim) });
    },
  );
};
