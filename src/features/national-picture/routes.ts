import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** National priorities and support both ways, the national picture and open data. */
export const nationalPictureRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
