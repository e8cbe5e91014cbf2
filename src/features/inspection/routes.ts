import type { FeaturePlugin } from '../../app-deps.ts';
import { inspectionPageRoutes } from './inspection-routes.ts';
import { recommendationRoutes } from './recommendation-routes.ts';

/**
 * A school's last Estyn inspection (issue 15, part 6): its recommendations, each linked to the
 * priorities that address it, with their progress in one place: /schools/:number/inspection...
 */
export const inspectionRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  for (const routes of [inspectionPageRoutes, recommendationRoutes]) await app.register(routes, deps);
};
