import type { FastifyRequest } from 'fastify';

// Secrets that travel in a URL's path: one-time set-password links and personal calendar feed
// addresses. Anyone who can read the logs could otherwise set a password or read a diary.
const SECRET_IN_PATH = /^(\/set-password\/|\/calendar\/feed\/)[^/?#]+/;

export function redactUrl(url: string): string {
  return url.replace(SECRET_IN_PATH, '$1[redacted]');
}

/** Fastify's own request serializer (fastify/lib/logger-pino.js), with the URL's secrets masked. */
export function requestSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
