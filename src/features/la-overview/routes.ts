import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app-deps.ts';
import { caseloadRoutes } from './caseload-routes.ts';
import { overviewRoutes } from './overview-routes.ts';

/** The LA's local picture, and an improvement partner's caseload. */
export const laOverviewRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  await app.register(overviewRoutes, deps);
  await app.register(caseloadRoutes, deps);
};
