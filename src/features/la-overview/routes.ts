import type { FeaturePlugin } from '../../app-deps.ts';
import { caseloadRoutes } from './caseload-routes.ts';
import { overviewRoutes } from './overview-routes.ts';

/** The LA's local picture, and an improvement partner's caseload. */
export const laOverviewRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  await app.register(overviewRoutes, deps);
  await app.register(caseloadRoutes, deps);
};
