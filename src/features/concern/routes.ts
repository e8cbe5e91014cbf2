import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** Schools causing concern (restricted). */
export const concernRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
