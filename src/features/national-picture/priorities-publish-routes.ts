import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import { emptyPriorityForm, readPriorityForm, type PriorityForm } from './priorities-form.ts';
import * as repo from './priorities-repository.ts';
import { publishPriority } from './priorities-service.ts';
import { todayInWales } from '../../lib/clock.ts';
import { DoneQuery, PRIORITIES, PriorityBody, view, wgRoute } from './publish-context.ts';

/** WG's list of national priorities and publishing a new one. Editing and withdrawing: priorities-edit-routes.ts. */
export const prioritiesPublishRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  function renderNew(
    request: FastifyRequest,
    reply: FastifyReply,
    form: PriorityForm,
    extra: object = {},
    status = 200,
  ) {
    const title = request.t('national.publish.newTitle');
    return reply.status(status).page(view('priority-form'), {
      title,
      activeNav: 'national',
      form,
      formAction: PRIORITIES,
      cancelHref: PRIORITIES,
      isNew: true,
      ...extra,
    });
  }

  app.get(PRIORITIES, { config: wgRoute, schema: { querystring: DoneQuery } }, async (request, reply) => {
    const priorities = await repo.listPriorities(db);
    const done = ['published', 'saved', 'withdrawn', 'reinstated'].includes(request.query.done ?? '')
      ? request.query.done
      : null;
    return reply.page(view('priorities'), {
      title: request.t('national.publish.title'),
      activeNav: 'national',
      priorities,
      done,
    });
  });

  app.get(`${PRIORITIES}/new`, { config: wgRoute }, async (request, reply) => {
    return renderNew(request, reply, emptyPriorityForm(todayInWales(clock.now())));
  });

  app.post(PRIORITIES, { config: wgRoute, schema: { body: PriorityBody } }, async (request, reply) => {
    const user = request.user!;
    const form = readPriorityForm(request.body);
    const result = await publishPriority(db, user.id, form);
    if (result.ok) return reply.redirect(`${PRIORITIES}?done=published`, 303);
    return renderNew(
      request,
      reply,
      form,
      result.reason === 'invalid' ? presentErrors(result.errors, request.t) : {},
      400,
    );
  });
};
