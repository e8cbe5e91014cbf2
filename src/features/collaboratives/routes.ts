import type { FeaturePlugin } from '../../app-deps.ts';
import { collaborativeDetailRoutes } from './detail-routes.ts';
import { collaborationGapsRoutes } from './gaps-routes.ts';
import { collaborativeListRoutes } from './list-routes.ts';
import { collaborativePeopleRoutes } from './people-routes.ts';

/** Collaboratives (vertical clusters and horizontal groups) managed by the LA: /collaboratives... */
export const collaborativeRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  for (const routes of [
    collaborativeListRoutes,
    collaborativeDetailRoutes,
    collaborativePeopleRoutes,
    collaborationGapsRoutes,
  ])
    await app.register(routes, deps);
};
