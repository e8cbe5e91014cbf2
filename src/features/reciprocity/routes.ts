import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** Who hosted, visited, gave and received support, for a collaborative and an LA. */
export const reciprocityRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
