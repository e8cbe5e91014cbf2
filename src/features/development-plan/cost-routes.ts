import type { FeaturePlugin } from '../../app-deps.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { presentCosts } from './cost-presenter.ts';
import { costTotals } from './cost-totals.ts';
import { currentPlanOr404, itemAccess, SchoolParams, schoolModel, signedIn, view } from './plan-context.ts';
import { findCycleId } from './plan-repository.ts';
import { PLAN_STATES, planPriorities } from './plan-service.ts';

export const costRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  /**
   * Every cost line of the plan with its totals. Read as the plan page is read (viewArea): staff
   * see every priority's costs; governors and the LA only those of priorities shared with them,
   * the same priorities the plan page shows them, so a total never reveals a priority they cannot open.
   */
  app.get(
    '/schools/:number/plan/costs',
    { config: scoped(signedIn, 'school', 'viewArea'), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan, year } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const cycleId = await findCycleId(db, ctx.school.number, year);
      const inPlan = await planPriorities(db, cycleId, PLAN_STATES, itemAccess(request, ctx));
      return reply.page(view('costs'), {
        title: request.t('pages.planCosts.title'),
        ...schoolModel(ctx),
        plan,
        costs: presentCosts(costTotals(inPlan, year)),
      });
    },
  );
};
