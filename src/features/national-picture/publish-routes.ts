import type { FeaturePlugin } from '../../app-deps.ts';
import { prioritiesEditRoutes } from './priorities-edit-routes.ts';
import { prioritiesPageRoutes } from './priorities-page-routes.ts';
import { prioritiesPublishRoutes } from './priorities-publish-routes.ts';
import { supportEditRoutes } from './support-edit-routes.ts';
import { supportRoutes } from './support-routes.ts';

/** WG publishes national priorities and national support; everyone signed in reads them. */
export const publishingRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  for (const plugin of [
    prioritiesPublishRoutes,
    prioritiesEditRoutes,
    supportRoutes,
    supportEditRoutes,
    prioritiesPageRoutes,
  ])
    await app.register(plugin, deps);
};
