import type { FeaturePlugin } from '../../app-deps.ts';
import { actionRemoveRoutes } from './action-remove-routes.ts';
import { actionRoutes } from './action-routes.ts';
import { approvalRoutes } from './approval-routes.ts';
import { costRoutes } from './cost-routes.ts';
import { criteriaRoutes } from './criteria-routes.ts';
import { delegationRoutes } from './delegation-routes.ts';
import { planRoutes } from './plan-routes.ts';
import { revisionRoutes } from './revision-routes.ts';
import { outlineRemoveRoutes } from './outline-remove-routes.ts';
import { outlineRoutes } from './outline-routes.ts';
import { rollForwardRoutes } from './roll-forward-routes.ts';

/** The statutory three-year school development plan: /schools/:number/plan... */
export const developmentPlanRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  for (const routes of [
    planRoutes,
    actionRoutes,
    actionRemoveRoutes,
    criteriaRoutes,
    revisionRoutes,
    approvalRoutes,
    delegationRoutes,
    costRoutes,
  ])
    await app.register(routes, deps);
  // Issue 15: years two and three in outline, and rolling the plan forward a year.
  for (const routes of [outlineRoutes, outlineRemoveRoutes, rollForwardRoutes]) await app.register(routes, deps);
};
