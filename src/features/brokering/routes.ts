import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** Brokering school-to-school support. */
export const brokeringRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
