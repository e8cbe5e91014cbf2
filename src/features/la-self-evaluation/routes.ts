import type { FeaturePlugin } from '../../app-deps.ts';
import { cycleRoutes } from './cycle-routes.ts';
import { evidenceRoutes } from './evidence-routes.ts';
import { findingRoutes } from './finding-routes.ts';
import { impactRoutes } from './impact-routes.ts';
import { planRoutes } from './plan-routes.ts';
import { priorityFormRoutes } from './priority-form-routes.ts';
import { priorityRoutes } from './priority-routes.ts';

/**
 * The LA's own self-evaluation cycle (issue 6, item 2): the same model as a school's (evidence,
 * findings, priorities, plan, impact), its priorities drawn from what schools shared with it.
 * Officers change it; improvement partners read it.
 */
export const laSelfEvaluationRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  for (const routes of [
    cycleRoutes,
    evidenceRoutes,
    findingRoutes,
    priorityRoutes,
    priorityFormRoutes,
    planRoutes,
    impactRoutes,
  ])
    await routes(app, deps);
};
