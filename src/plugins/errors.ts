// Fastify's setErrorHandler/setNotFoundHandler: every failure becomes a GOV.UK-style page in
// the user's language (or JSON under /api), and nothing internal reaches the user.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../lib/http-error.ts';
import { createTranslator } from './i18n.ts';
import { failedWhileReadingBody } from './input-guard.ts';
import { formReloadTarget } from './form-reload.ts';

type Reason =
  | 'bad-request'
  | 'invalid-characters'
  | 'csrf'
  | 'unauthorised'
  | 'forbidden'
  | 'invalid-token'
  | 'insufficient-scope'
  | 'token-not-accepted'
  | 'not-found'
  | 'too-large'
  | 'too-many-requests'
  | 'server-error';

/**
 * Limits on how many parts, fields or files a multipart body has (@fastify/multipart marks them
 * 413): only a hand-made request reaches them, so they are a malformed form, not a large one.
 * A file over its size limit stays 413.
 */
const MULTIPART_COUNT_LIMITS = new Set(['FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT', 'FST_FILES_LIMIT']);

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/') || request.url === '/healthz';

function classify(error: FastifyError | HttpError, request: FastifyRequest): { status: number; reason: Reason } {
  if (error instanceof HttpError) return { status: error.statusCode, reason: error.reason as Reason };
  const fe = error as FastifyError;
  if (fe.code?.startsWith('FST_CSRF')) return { status: 403, reason: 'csrf' };
  // A page's path that fails its pattern (a mistyped school number, a truncated id) names no page;
  // the JSON API documents a 400 for a malformed parameter.
  if (fe.validation)
    return fe.validationContext === 'params' && !isApi(request)
      ? { status: 404, reason: 'not-found' }
      : { status: 400, reason: 'bad-request' };
  if (fe.code && MULTIPART_COUNT_LIMITS.has(fe.code)) return { status: 400, reason: 'bad-request' };
  // busboy's own errors (no boundary, a truncated body, a boundary that never comes) carry no
  // status: raised while the body is read, they describe the request, not a fault of ours.
  if (fe.statusCode === undefined && failedWhileReadingBody(request)) return { status: 400, reason: 'bad-request' };
  switch (fe.statusCode) {
    case 404:
      return { status: 404, reason: 'not-found' };
    case 413:
      return { status: 413, reason: 'too-large' };
    case 429:
      return { status: 429, reason: 'too-many-requests' };
    default:
      // Any other refusal by a parser (400, 406 for a multipart content type, 415 for an unknown
      // media type, invalid JSON or Content-Length) is a request we cannot read.
      if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500)
        return { status: 400, reason: 'bad-request' };
      return { status: 500, reason: 'server-error' };
  }
}

export const errorsPlugin = fp(async (app, opts: { routes: readonly { method: string; url: string }[] }) => {
  const english = (await createTranslator())('en');

  async function respond(request: FastifyRequest, reply: FastifyReply, status: number, reason: Reason) {
    request.t ??= english;
    reply.status(status);
    if (isApi(request)) {
      return reply.send({ error: reason, message: request.t(`errors.${reason}.body`) });
    }
    return reply.page('views/error.njk', { title: request.t(`errors.${reason}.title`), reason, status });
  }

  const reloadTarget = formReloadTarget(opts.routes);
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const { status, reason } = classify(error, request);
    const reload = reason === 'not-found' && request.method === 'GET' && !isApi(request);
    const target = reload && error.validationContext === 'params' ? reloadTarget(request.url, true) : null;
    if (target) return reply.redirect(target, 303);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, reason, code: error.code }, 'request refused');
    return respond(request, reply, status, reason);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const target = request.method === 'GET' && !isApi(request) ? reloadTarget(request.url) : null;
    if (target) return reply.redirect(target, 303);
    return respond(request, reply, 404, 'not-found');
  });
});
