import type { FeaturePlugin } from '../../app-deps.ts';
import { laVisionRoutes } from './la-vision-routes.ts';
import { schoolVisionRoutes } from './school-vision-routes.ts';

/**
 * Shared visions for improvement (issue 15, part 7): a school's (guidance 5.1), heading its plan, and
 * an LA's collective vision with its school leaders (5.2), heading its self-evaluation. One table, a
 * new version at each save, so each keeps its history.
 */
export const visionRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  for (const routes of [schoolVisionRoutes, laVisionRoutes]) await app.register(routes, deps);
};
