import type { FeaturePlugin } from '../../app-deps.ts';
import { pointsRoutes } from './points-routes.ts';
import { removeRoutes } from './remove-routes.ts';
import { reviewRoutes } from './review-routes.ts';

/** Progress over time: reviews of priorities and actions, and when they are due (issue 15 part 3). */
export const progressReviewRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  for (const routes of [reviewRoutes, pointsRoutes, removeRoutes]) await app.register(routes, deps);
};
