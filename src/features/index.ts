import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../app.ts';
import { auditLogRoutes } from './audit-log/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { helpPageRoutes } from './help-pages/routes.ts';
import { homeRoutes } from './home/routes.ts';
import { userRoutes } from './users/routes.ts';

/** Every feature, registered in this order by buildApp. */
export const features: FastifyPluginAsyncTypebox<AppDeps>[] = [
  healthRoutes,
  helpPageRoutes,
  homeRoutes,
  authRoutes,
  userRoutes,
  auditLogRoutes,
];
