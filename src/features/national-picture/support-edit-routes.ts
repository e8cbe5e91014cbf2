import type { FastifyRequest } from 'fastify';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import * as priorities from './priorities-repository.ts';
import { IdParams, SUPPORT, SupportBody, view, wgRoute } from './publish-context.ts';
import { supportChoices, supportConflict, titleIn } from './publish-presenter.ts';
import { offerToForm, readSupportForm, type SupportForm } from './support-form.ts';
import * as repo from './support-repository.ts';
import { editOffer, setOfferWithdrawn } from './support-service.ts';

/** WG edits a national support offer (optimistic locking on its version), withdraws or reinstates it. */
export const supportEditRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const found = async (id: string) => {
    const offer = await repo.findOffer(db, id);
    if (!offer) throw new HttpError(404, 'not-found');
    return offer;
  };
  const edit = (id: string) => `${SUPPORT}/${id}/edit`;
  const formModel = async (request: FastifyRequest, offer: repo.SupportOffer, form: SupportForm) => {
    const [all, programmes] = await Promise.all([priorities.listPriorities(db), priorities.allProgrammes(db)]);
    const choices = supportChoices(request.t, request.lang, all, programmes, form);
    return {
      title: request.t('national.support.editTitle'),
      activeNav: 'national',
      offer,
      form,
      ...choices,
      formAction: edit(offer.id),
      cancelHref: SUPPORT,
      all,
      programmes,
    };
  };

  app.get(`${SUPPORT}/:id/edit`, { config: wgRoute, schema: { params: IdParams } }, async (request, reply) => {
    const offer = await found(request.params.id);
    return reply.page(view('support-form'), {
      ...(await formModel(request, offer, offerToForm(offer))),
      version: offer.version,
    });
  });

  app.post(
    `${SUPPORT}/:id/edit`,
    { config: wgRoute, schema: { params: IdParams, body: SupportBody } },
    async (request, reply) => {
      const user = request.user!;
      const offer = await found(request.params.id);
      const form = readSupportForm(request.body);
      // An offer may keep serving a priority withdrawn since; it may not be newly linked to one.
      const model = await formModel(request, offer, {
        ...form,
        nationalPriorities: [...new Set([...form.nationalPriorities, ...offer.nationalPriorities])],
      });
      const choices = { priorityCodes: model.priorityCodes, programmeCodes: model.programmes.map((p) => p.code) };
      const result = await editOffer(db, user.id, offer, request.body.version ?? 0, form, choices, clock.now());
      if (result.ok) return reply.redirect(`${SUPPORT}?done=saved`, 303);
      const shown = { ...model, form, ...supportChoices(request.t, request.lang, model.all, model.programmes, form) };
      if (result.reason === 'invalid')
        return reply.status(400).page(view('support-form'), {
          ...shown,
          version: request.body.version ?? offer.version,
          ...presentErrors(result.errors, request.t),
        });
      return reply.status(409).page(view('support-form'), {
        ...shown,
        version: result.current.version,
        conflict: supportConflict(request.t, request.lang, model.all, model.programmes, result.current, form),
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );

  app.get(`${SUPPORT}/:id/withdraw`, { config: wgRoute, schema: { params: IdParams } }, async (request, reply) => {
    const offer = await found(request.params.id);
    if (offer.withdrawnOn) return reply.redirect(SUPPORT, 303);
    return reply.page(view('withdraw'), {
      title: request.t('national.support.withdrawTitle', { title: titleIn(request.lang, offer) }),
      activeNav: 'national',
      body: request.t('national.support.withdrawBody'),
      formAction: `${SUPPORT}/${offer.id}/withdraw`,
      cancelHref: SUPPORT,
      button: request.t('national.support.withdrawConfirm'),
    });
  });

  for (const [action, withdraw] of [
    ['withdraw', true],
    ['reinstate', false],
  ] as const) {
    app.post(`${SUPPORT}/:id/${action}`, { config: wgRoute, schema: { params: IdParams } }, async (request, reply) => {
      const user = request.user!;
      const offer = await found(request.params.id);
      await setOfferWithdrawn(db, user.id, offer, withdraw, clock.now());
      return reply.redirect(`${SUPPORT}?done=${withdraw ? 'withdrawn' : 'reinstated'}`, 303);
    });
  }
};
