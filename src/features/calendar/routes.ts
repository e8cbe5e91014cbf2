import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** Calendar files and personal calendar feeds. */
export const calendarRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
