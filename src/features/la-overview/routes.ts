import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** The LA's local picture, and an improvement partner's caseload. */
export const laOverviewRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
