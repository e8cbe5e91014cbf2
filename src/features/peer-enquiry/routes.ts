import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app.ts';

/** Peer enquiries. */
export const peerEnquiryRoutes: FastifyPluginAsyncTypebox<AppDeps> = async () => {};
