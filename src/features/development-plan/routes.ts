import type { FeaturePlugin } from '../../app-deps.ts';
import { actionRemoveRoutes } from './action-remove-routes.ts';
import { actionRoutes } from './action-routes.ts';
import { approvalRoutes } from './approval-routes.ts';
import { costRoutes } from './cost-routes.ts';
import { criteriaRoutes } from './criteria-routes.ts';
import { delegationRoutes } from './delegation-routes.ts';
import { planRoutes } from './plan-routes.ts';
import { revisionRoutes } from './revision-routes.ts';

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
};
