import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** Good practice case studies. */
export const goodPracticeRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
