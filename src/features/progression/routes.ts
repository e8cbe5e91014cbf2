import type { FeaturePlugin } from '../../app-deps.ts';
import { progressionListRoutes } from './list-routes.ts';
import { progressionSessionRoutes } from './session-routes.ts';

/** Sessions on a shared understanding of progression (DOMAIN.md section 5). */
export const progressionRoutes: FeaturePlugin<'database' | 'config'> = async (app, deps) => {
  await app.register(progressionListRoutes, deps);
  await app.register(progressionSessionRoutes, deps);
};
