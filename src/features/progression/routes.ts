import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** Sessions on a shared understanding of progression. */
export const progressionRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
