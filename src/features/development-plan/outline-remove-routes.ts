import type { FeaturePlugin } from '../../app-deps.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { OutlineParams, outlineEntryOr404 } from './outline-context.ts';
import { currentPlanOr404, schoolModel, signedIn, view } from './plan-context.ts';
import { removeOutline } from './plan-years-service.ts';

/** Removing an entry from the outline asks first (GOV.UK pattern: a confirmation page, then a button). */
export const outlineRemoveRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const edit = scoped(signedIn, 'school', 'edit');

  app.get(
    '/schools/:number/plan/outline/:outlineId/remove',
    { config: edit, schema: { params: OutlineParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const entry = await outlineEntryOr404(db, plan, request.params.outlineId);
      return reply.page(view('outline-remove'), {
        title: request.t('pages.planOutline.removeTitle'),
        ...schoolModel(ctx),
        entry,
      });
    },
  );

  app.post(
    '/schools/:number/plan/outline/:outlineId/remove',
    { config: edit, schema: { params: OutlineParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const entry = await outlineEntryOr404(db, plan, request.params.outlineId);
      await removeOutline(db, request.user!.id, entry);
      return reply.redirect(`/schools/${ctx.school.number}/plan?done=outline-removed#outline-years`, 303);
    },
  );
};
