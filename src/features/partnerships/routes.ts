import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** LA partnerships. */
export const partnershipRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
