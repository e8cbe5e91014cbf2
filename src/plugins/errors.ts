// Fastify's setErrorHandler/setNotFoundHandler: every failure becomes a GOV.UK-style page in
// the user's language (or JSON under /api), and nothing internal reaches the user.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../lib/http-error.ts';
import { createTranslator } from './i18n.ts';

type Reason = 'bad-request' | 'csrf' | 'unauthorised' | 'forbidden' | 'not-found' | 'too-large' | 'too-many-requests' | 'server-error';

function classify(error: FastifyError | HttpError): { status: number; reason: Reason } {
  if (error instanceof HttpError) return { status: error.statusCode, reason: error.reason as Reason };
  const fe = error as FastifyError;
  if (fe.code?.startsWith('FST_CSRF')) return { status: 403, reason: 'csrf' };
  if (fe.validation) return { status: 400, reason: 'bad-request' };
  switch (fe.statusCode) {
    case 400:
    case 415:
      return { status: 400, reason: 'bad-request' };
    case 404:
      return { status: 404, reason: 'not-found' };
    case 413:
      return { status: 413, reason: 'too-large' };
    case 429:
      return { status: 429, reason: 'too-many-requests' };
    default:
      return { status: 500, reason: 'server-error' };
  }
}

export const errorsPlugin = fp(async (app) => {
  const english = (await createTranslator())('en');

  async function respond(request: FastifyRequest, reply: FastifyReply, status: number, reason: Reason) {
    request.t ??= english;
    reply.status(status);
    if (request.url.startsWith('/api/') || request.url === '/healthz') {
      return reply.send({ error: reason, message: request.t(`errors.${reason}.body`) });
    }
    return reply.page('views/error.njk', { title: request.t(`errors.${reason}.title`), reason, status });
  }

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const { status, reason } = classify(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, reason, code: error.code }, 'request refused');
    return respond(request, reply, status, reason);
  });

  app.setNotFoundHandler(async (request, reply) => respond(request, reply, 404, 'not-found'));
});
