import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** Professional learning records and the seed's rule. */
export const professionalLearningRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
