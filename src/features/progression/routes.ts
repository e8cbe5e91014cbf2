import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app-deps.ts';
import { progressionListRoutes } from './list-routes.ts';
import { progressionSessionRoutes } from './session-routes.ts';

/** Sessions on a shared understanding of progression (DOMAIN.md section 5). */
export const progressionRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  await app.register(progressionListRoutes, deps);
  await app.register(progressionSessionRoutes, deps);
};
