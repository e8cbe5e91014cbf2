import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** LA plans on Welsh Government's template. */
export const laPlanRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
