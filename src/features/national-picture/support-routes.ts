import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import * as priorities from './priorities-repository.ts';
import { DoneQuery, SUPPORT, SupportBody, view, wgRoute } from './publish-context.ts';
import { todayInWales } from '../../lib/clock.ts';
import { nameIn, supportChoices } from './publish-presenter.ts';
import { emptySupportForm, readSupportForm, type SupportForm } from './support-form.ts';
import * as repo from './support-repository.ts';
import { publishOffer } from './support-service.ts';

/** WG's national support offers: the list and publishing a new one. Editing: support-edit-routes.ts. */
export const supportRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  async function renderNew(
    request: FastifyRequest,
    reply: FastifyReply,
    form: SupportForm,
    extra: object = {},
    status = 200,
  ) {
    const [all, programmes] = await Promise.all([priorities.listPriorities(db), priorities.allProgrammes(db)]);
    return reply.status(status).page(view('support-form'), {
      title: request.t('national.support.newTitle'),
      activeNav: 'national',
      form,
      ...supportChoices(request.t, request.lang, all, programmes, form),
      formAction: SUPPORT,
      cancelHref: SUPPORT,
      ...extra,
    });
  }

  app.get(SUPPORT, { config: wgRoute, schema: { querystring: DoneQuery } }, async (request, reply) => {
    const [offers, all, programmes] = await Promise.all([
      repo.listOffers(db),
      priorities.listPriorities(db),
      priorities.allProgrammes(db),
    ]);
    const names = new Map([...all, ...programmes].map((n) => [n.code, nameIn(request.lang, n)]));
    const rows = offers.map((o) => ({
      ...o,
      priorityNames: o.nationalPriorities.map((c) => names.get(c) ?? c),
      programmeName: o.programmeCode ? (names.get(o.programmeCode) ?? o.programmeCode) : '',
    }));
    const done = ['published', 'saved', 'withdrawn', 'reinstated'].includes(request.query.done ?? '')
      ? request.query.done
      : null;
    return reply.page(view('support'), {
      title: request.t('national.support.title'),
      activeNav: 'national',
      offers: rows,
      done,
    });
  });

  app.get(`${SUPPORT}/new`, { config: wgRoute }, async (request, reply) => {
    return renderNew(request, reply, emptySupportForm(todayInWales(clock.now())));
  });

  app.post(SUPPORT, { config: wgRoute, schema: { body: SupportBody } }, async (request, reply) => {
    const user = request.user!;
    const form = readSupportForm(request.body);
    const [current, programmes] = await Promise.all([priorities.currentPriorities(db), priorities.allProgrammes(db)]);
    const result = await publishOffer(db, user.id, form, {
      priorityCodes: current.map((p) => p.code),
      programmeCodes: programmes.map((p) => p.code),
    });
    if (result.ok) return reply.redirect(`${SUPPORT}?done=published`, 303);
    return renderNew(
      request,
      reply,
      form,
      result.reason === 'invalid' ? presentErrors(result.errors, request.t) : {},
      400,
    );
  });
};
