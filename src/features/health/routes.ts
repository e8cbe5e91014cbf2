import type { FeaturePlugin } from '../../app-deps.ts';

export const healthRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  app.get('/healthz', { config: { access: { public: true }, rateLimit: false } }, async (request, reply) => {
    try {
      await database.ping();
      return { status: 'ok', database: { kind: database.kind, status: 'ok' } };
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      return reply
        .status(503)
        .send({ status: 'unavailable', database: { kind: database.kind, status: 'unreachable' } });
    }
  });
};
