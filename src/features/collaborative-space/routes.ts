import type { FeaturePlugin } from '../../app-deps.ts';
import { commonGroundRoutes } from './common-ground-routes.ts';
import { feedRoutes } from './feed-routes.ts';
import { sharedItemRoutes } from './item-routes.ts';

/** A collaborative's space: what members shared, and their common ground. */
export const collaborativeSpaceRoutes: FeaturePlugin<'database' | 'config' | 'keys' | 'clock'> = async (app, deps) => {
  await app.register(feedRoutes, deps);
  await app.register(sharedItemRoutes, deps);
  await app.register(commonGroundRoutes, deps);
};
