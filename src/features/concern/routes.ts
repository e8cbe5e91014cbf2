import type { FeaturePlugin } from '../../app-deps.ts';
import { concernAccountRoutes } from './account-routes.ts';
import { concernCaseRoutes } from './case-routes.ts';
import { concernNoticeRoutes } from './notice-routes.ts';
import { concernPlanRoutes } from './plan-routes.ts';
import { concernRegisterRoutes } from './register-routes.ts';

/**
 * Schools causing concern (DOMAIN.md section 6, rule 6): restricted to the LA's officers and the
 * school's headteacher and chair of governors; kept apart from every collaborative and school page.
 */
export const concernRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  for (const routes of [
    concernRegisterRoutes,
    concernCaseRoutes,
    concernNoticeRoutes,
    concernPlanRoutes,
    concernAccountRoutes,
  ])
    await app.register(routes, deps);
};
