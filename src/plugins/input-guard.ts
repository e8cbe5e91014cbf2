// One check of everything a request carries, after every body parser (url-encoded, JSON and
// multipart, which @fastify/multipart reads in a preValidation hook of its feature) and before
// schema validation and the handler: text the database cannot store is refused here, for every
// route, rather than field by field. Fastify runs a route's own hooks after its instance's, which
// is why the check is added to each route (onRoute, as Fastify's hooks docs describe).
import fp from 'fastify-plugin';
import type { FastifyRequest, preValidationHookHandler } from 'fastify';
import { HttpError } from '../lib/http-error.ts';
import { containsUnsafeText } from '../lib/unsafe-text.ts';

/** Requests whose body is still being read: an error raised meanwhile is about the body's shape. */
const readingBody = new WeakSet<FastifyRequest>();

/** Whether an error reached the error handler while the body was being parsed (a broken upload). */
export function failedWhileReadingBody(request: FastifyRequest): boolean {
  return readingBody.has(request);
}

const refuseUnsafeText: preValidationHookHandler = (request, _reply, done) => {
  readingBody.delete(request);
  const unsafe =
    containsUnsafeText(request.params) || containsUnsafeText(request.query) || containsUnsafeText(request.body);
  done(unsafe ? new HttpError(400, 'invalid-characters') : undefined);
};

export const inputGuardPlugin = fp(async (app) => {
  app.addHook('preValidation', (request, _reply, done) => {
    readingBody.add(request);
    done();
  });
  app.addHook('onRoute', (route) => {
    route.preValidation = [...[route.preValidation ?? []].flat(), refuseUnsafeText];
  });
});
