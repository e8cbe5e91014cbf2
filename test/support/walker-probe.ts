// The scope walker's probe: a test app in which a request carrying WALKER_HEADER is answered just
// after every access decision (coarse access, validation, CSRF, the record scope) and before any
// handler, with PROBE_STATUS. So "allowed" is a status no handler sends, and the walk changes nothing.
//
// Where it sits: buildApp registers the platform plugins (the scope hook last among the preHandlers)
// and then every feature in `features` order, and calls ready(), so no hook can be added to the app it
// returns. The seam is the features list, as test/route-access.test.ts already uses it: the probe is put
// first, wrapped with fastify-plugin so its hook is the root's. Root preHandler hooks run in the order
// they were added, and each feature copies the root's hooks when it is registered, so the probe runs
// after the scope hook on every route, and before any hook or handler of a feature's own.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { FeaturePlugin } from '../../src/app-deps.ts';
import { feature } from '../../src/features/feature.ts';
import { features } from '../../src/features/index.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export const WALKER_HEADER = 'x-scope-walker';
export const PROBE_STATUS = 299;

const probePlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preHandler', async (request, reply) => {
    if (request.headers[WALKER_HEADER] !== 'probe') return;
    return reply.code(PROBE_STATUS).header(WALKER_HEADER, 'reached').send('');
  });
}) as unknown as FeaturePlugin<never>;
const probe = feature<never>(probePlugin, {});

/** Did the request get through every access decision to the probe? */
export const reachedProbe = (response: { statusCode: number; headers: Record<string, unknown> }) =>
  response.statusCode === PROBE_STATUS && response.headers[WALKER_HEADER] === 'reached';

/** The real app, with the probe placed after the platform's hooks (see above). */
export async function createProbedTestApp(): Promise<TestApp> {
  features.unshift(probe);
  try {
    return await createTestApp();
  } finally {
    features.splice(features.indexOf(probe), 1);
  }
}
