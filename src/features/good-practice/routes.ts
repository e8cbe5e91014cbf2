import type { FeaturePlugin } from '../../app-deps.ts';
import { editRoutes } from './edit-routes.ts';
import { ownerRoutes } from './owner-routes.ts';
import { searchRoutes } from './search-routes.ts';

/** Good practice case studies (DOMAIN.md section 6; issue 7 item 4): schools and LAs publish, anyone signed in searches. */
export const goodPracticeRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  await app.register(searchRoutes, deps);
  await app.register(ownerRoutes, deps);
  await app.register(editRoutes, deps);
};
