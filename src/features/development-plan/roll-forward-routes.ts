import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { currentPlanOr404, SchoolParams, schoolModel, signedIn, view } from './plan-context.ts';
import { previewRollForward, rollForwardDue, rollPlanForward } from './plan-years-service.ts';

/** Rolling the plan forward a year asks first, saying what will carry and what the outline becomes. */
export const rollForwardRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const edit = scoped(signedIn, 'school', 'edit');

  app.get(
    '/schools/:number/plan/roll-forward',
    { config: edit, schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan, year } = await currentPlanOr404(db, ctx.school.number, clock.now());
      if (!rollForwardDue(plan, year)) throw new HttpError(404, 'not-found');
      const preview = await previewRollForward(db, plan);
      return reply.page(view('roll-forward'), {
        title: request.t('pages.planRoll.title'),
        ...schoolModel(ctx),
        plan,
        preview,
        carriedActions: preview.carry.reduce((n, c) => n + c.actionIds.length, 0),
      });
    },
  );

  app.post(
    '/schools/:number/plan/roll-forward',
    { config: edit, schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan, year } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const result = await rollPlanForward(db, request.user!.id, ctx.school, plan, year, request.lang, clock.now());
      // Already rolled (by someone else a moment ago, or a second click): the plan page shows where it stands.
      return reply.redirect(`/schools/${ctx.school.number}/plan${result.ok ? '?done=plan-rolled' : ''}`, 303);
    },
  );
};
