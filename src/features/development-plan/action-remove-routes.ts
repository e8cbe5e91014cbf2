import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { removeAction } from './action-service.ts';
import { ActionParams, schoolModel, signedIn, view } from './plan-context.ts';
import * as repo from './plan-repository.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { supportByAction } from './action-support-view.ts';

/** Removing an action asks first (GOV.UK pattern: a confirmation page, then a button). */
export const actionRemoveRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/schools/:number/plan/actions/:id/remove',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: ActionParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const found = await repo.findSchoolAction(db, ctx.school.number, request.params.id);
      if (!found) throw new HttpError(404, 'not-found');
      const support = await supportByAction(db, [found.action.id], {
        lang: request.lang,
        schoolNumber: ctx.school.number,
        canOpenSupport: ctx.can.staff,
      });
      return reply.page(view('action-remove'), {
        title: request.t('pages.planAction.removeTitle'),
        ...schoolModel(ctx),
        ...found,
        support: support.get(found.action.id) ?? null,
      });
    },
  );

  app.post(
    '/schools/:number/plan/actions/:id/remove',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: ActionParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const found = await repo.findSchoolAction(db, ctx.school.number, request.params.id);
      if (!found) throw new HttpError(404, 'not-found');
      await removeAction(db, request.user!.id, found.action, clock.now());
      return reply.redirect(
        `/schools/${ctx.school.number}/plan?done=action-removed#priority-${found.priority.id}`,
        303,
      );
    },
  );
};
