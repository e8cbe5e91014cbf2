import type { FeaturePlugin } from '../../app-deps.ts';
import { exportRoutes } from './export-routes.ts';
import { listRoutes } from './list-routes.ts';
import { planRoutes } from './plan-routes.ts';
import { roundRoutes } from './round-routes.ts';
import { templateRoutes } from './template-routes.ts';
import { versionRoutes } from './version-routes.ts';
import { workflowRoutes } from './workflow-routes.ts';

/**
 * LA plans on Welsh Government's template (issue 7, item 2): WG opens a round with a template and a
 * deadline; each LA drafts, submits, discusses and revises; WG marks it final; every version kept.
 */
export const laPlanRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  for (const routes of [
    listRoutes,
    roundRoutes,
    templateRoutes,
    planRoutes,
    workflowRoutes,
    versionRoutes,
    exportRoutes,
  ])
    await routes(app, deps);
};
