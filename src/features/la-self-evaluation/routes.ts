import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** The LA's own self-evaluation cycle. */
export const laSelfEvaluationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
