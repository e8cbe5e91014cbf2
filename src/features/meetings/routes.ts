import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** A collaborative's meetings. */
export const meetingRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
