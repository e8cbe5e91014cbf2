import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** A collaborative's space: what members shared, and their common ground. */
export const collaborativeSpaceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
