// Fastify's onSend hook: nothing we send about a person may be kept by a browser or a proxy
// (OWASP Session Management: "Cache-Control: no-store" on every authenticated page). Files from
// @fastify/static keep the caching that plugin gives them; a route that means to be cached says so
// by setting its own Cache-Control, which this leaves alone.
import fp from 'fastify-plugin';
import { isStaticPath } from './static-paths.ts';

export const cacheControlPlugin = fp(async (app) => {
  app.addHook('onSend', async (request, reply) => {
    if (isStaticPath(request.url) && reply.statusCode < 400) return;
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
});
