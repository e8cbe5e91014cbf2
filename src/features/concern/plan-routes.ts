import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { todayInWales } from '../../lib/clock.ts';
import { HttpError } from '../../lib/http-error.ts';
import { dateToParts } from '../../lib/govuk-date-input.ts';
import { CaseParams, caseModel, concernRead, dateFields, field, ItemParams, view } from './concern-access.ts';
import { type CaseContext } from '../../access/loaders/concern-case.ts';
import {
  checkInterventionForm,
  checkSupportForm,
  readInterventionForm,
  readSupportForm,
  type InterventionForm,
  type SupportForm,
} from './concern-forms.ts';
import { interventionRadios, orderedErrors } from './concern-presenter.ts';
import * as repo from './concern-repository.ts';
import { canRecordIntervention, complianceEnds, isOpenCase } from './concern-rules.ts';
import { addSupportItem, recordIntervention, updateSupportItem } from './concern-service.ts';
import { Version, OwnerChoice } from '../../lib/request-schemas.ts';
import { concernCaseScope } from '../../access/request-scope.ts';
import { concernCasePeople } from '../action-owners/people-repository.ts';
import { ownerToForm } from '../action-owners/owner-choice.ts';
import { scoped } from '../../access/scopes.ts';

const InterventionBody = Type.Object({
  kind: field,
  details: field,
  ...dateFields('decidedOn'),
  ...dateFields('ministersConsentOn'),
});
const SupportBody = Type.Object({
  version: Type.Optional(Version),
  action: field,
  ownerUserId: OwnerChoice,
  owner: field,
  status: field,
  reviewNotes: field,
  ...dateFields('reviewOn'),
});
const EMPTY_DATE = dateToParts(null);

/** Interventions (sections 4-8) and the support plan with its review dates: officers record, the school reads. */
export const concernPlanRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const caseUrl = (id: string, done: string) => `/concern-cases/${id}?done=${done}`;

  /** After a warning notice, the LA may intervene only once its compliance period has ended. */
  const lastComplianceEnd = async (caseId: string) => {
    const ends = (await repo.listNotices(db, caseId))
      .map((n) => complianceEnds(n.issuedOn, n.compliancePeriodDays))
      .sort();
    return ends.at(-1) ?? null;
  };

  const renderIntervention = (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: CaseContext,
    form: InterventionForm,
    extra: Record<string, unknown> = {},
    status = 200,
  ) =>
    reply.status(status).page(view('intervention-form'), {
      ...caseModel(request, ctx, request.t('concern.intervention.newTitle')),
      form,
      kindItems: interventionRadios(request.t, form.kind),
      ...extra,
    });

  app.get(
    '/concern-cases/:id/interventions/new',
    { config: scoped(concernRead, 'concernCase', 'manage'), schema: { params: CaseParams } },
    async (request, reply) => {
      const ctx = concernCaseScope(request);
      if (!canRecordIntervention(ctx.concernCase)) throw new HttpError(404, 'not-found');
      return renderIntervention(request, reply, ctx, {
        kind: '',
        decidedOn: dateToParts(todayInWales(clock.now())),
        details: '',
        ministersConsentOn: EMPTY_DATE,
      });
    },
  );

  app.post(
    '/concern-cases/:id/interventions',
    { config: scoped(concernRead, 'concernCase', 'manage'), schema: { params: CaseParams, body: InterventionBody } },
    async (request, reply) => {
      const ctx = concernCaseScope(request);
      const c = ctx.concernCase;
      if (!canRecordIntervention(c)) throw new HttpError(404, 'not-found');
      const form = readInterventionForm(request.body);
      const checked = checkInterventionForm(form, {
        today: todayInWales(clock.now()),
        openedOn: c.openedOn,
        complianceEnds: await lastComplianceEnd(c.id),
      });
      if (!checked.ok)
        return renderIntervention(
          request,
          reply,
          ctx,
          form,
          orderedErrors(checked.errors, ['kind', 'decidedOn-day', 'details', 'ministersConsentOn-day'], request.t),
          400,
        );
      const result = await recordIntervention(db, request.user!.id, c, checked.values, request.lang, clock.now());
      return reply.redirect(caseUrl(c.id, result.ok ? 'intervention' : 'stale'), 303);
    },
  );

  const renderSupport = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: CaseContext,
    form: SupportForm,
    item: repo.SupportItem | null,
    extra: Record<string, unknown> = {},
    status = 200,
  ) =>
    reply.status(status).page(view('support-form'), {
      ...caseModel(request, ctx, request.t(item ? 'concern.support.editTitle' : 'concern.support.newTitle')),
      form,
      people: await concernCasePeople(db, ctx.concernCase.id),
      item,
      version: item?.version,
      action: item
        ? `/concern-cases/${ctx.concernCase.id}/support-items/${item.id}`
        : `/concern-cases/${ctx.concernCase.id}/support-items`,
      ...extra,
    });

  async function openCaseFor(request: FastifyRequest<{ Params: { id: string } }>) {
    const ctx = concernCaseScope(request);
    if (!isOpenCase(ctx.concernCase)) throw new HttpError(404, 'not-found');
    return ctx;
  }
  async function itemOf(ctx: CaseContext, itemId: string) {
    const item = await repo.findSupportItem(db, ctx.concernCase.id, itemId);
    if (!item) throw new HttpError(404, 'not-found');
    return item;
  }
  const SUPPORT_ORDER = ['action', 'ownerUserId', 'owner', 'reviewOn-day', 'status', 'reviewNotes'];

  app.get(
    '/concern-cases/:id/support-items/new',
    { config: scoped(concernRead, 'concernCase', 'manage'), schema: { params: CaseParams } },
    async (request, reply) =>
      renderSupport(
        request,
        reply,
        await openCaseFor(request),
        { action: '', ownerUserId: '', owner: '', reviewOn: EMPTY_DATE, status: 'open', reviewNotes: '' },
        null,
      ),
  );

  app.post(
    '/concern-cases/:id/support-items',
    { config: scoped(concernRead, 'concernCase', 'manage'), schema: { params: CaseParams, body: SupportBody } },
    async (request, reply) => {
      const ctx = await openCaseFor(request);
      const form = readSupportForm(request.body);
      const checked = checkSupportForm(form, await concernCasePeople(db, ctx.concernCase.id));
      if (!checked.ok)
        return renderSupport(
          request,
          reply,
          ctx,
          form,
          null,
          orderedErrors(checked.errors, SUPPORT_ORDER, request.t),
          400,
        );
      const result = await addSupportItem(db, request.user!.id, ctx.concernCase, checked.values, request.lang);
      return reply.redirect(caseUrl(ctx.concernCase.id, result.ok ? 'support-added' : 'stale'), 303);
    },
  );

  app.get(
    '/concern-cases/:id/support-items/:itemId',
    { config: scoped(concernRead, 'concernCase', 'manage'), schema: { params: ItemParams } },
    async (request, reply) => {
      const ctx = await openCaseFor(request);
      const item = await itemOf(ctx, request.params.itemId);
      return renderSupport(
        request,
        reply,
        ctx,
        {
          action: item.action,
          ...ownerToForm(item, await concernCasePeople(db, ctx.concernCase.id)),
          reviewOn: dateToParts(item.reviewOn),
          status: item.status,
          reviewNotes: item.reviewNotes,
        },
        item,
      );
    },
  );

  app.post(
    '/concern-cases/:id/support-items/:itemId',
    { config: scoped(concernRead, 'concernCase', 'manage'), schema: { params: ItemParams, body: SupportBody } },
    async (request, reply) => {
      const ctx = await openCaseFor(request);
      const item = await itemOf(ctx, request.params.itemId);
      const form = readSupportForm(request.body);
      const checked = checkSupportForm(form, await concernCasePeople(db, ctx.concernCase.id));
      if (!checked.ok)
        return renderSupport(
          request,
          reply,
          ctx,
          form,
          item,
          orderedErrors(checked.errors, SUPPORT_ORDER, request.t),
          400,
        );
      const result = await updateSupportItem(
        db,
        request.user!.id,
        ctx.concernCase,
        item,
        request.body.version ?? 0,
        checked.values,
        request.lang,
        clock.now(),
      );
      if (result.ok) return reply.redirect(caseUrl(ctx.concernCase.id, 'support-saved'), 303);
      if (result.reason !== 'stale') return reply.redirect(caseUrl(ctx.concernCase.id, 'stale'), 303);
      const status = (s: string) => request.t(`concern.support.statuses.${s}`);
      const rows: [string, string, string][] = [
        ['action', result.current.action, form.action],
        ['owner', result.current.owner, form.owner],
        ['status', status(result.current.status), status(form.status)],
        ['reviewNotes', result.current.reviewNotes, form.reviewNotes],
      ];
      const conflict = rows
        .filter(([, theirs, yours]) => theirs !== yours)
        .map(([f, theirs, yours]) => ({ label: request.t(`concern.support.fields.${f}`), theirs, yours }));
      return renderSupport(
        request,
        reply,
        ctx,
        form,
        result.current,
        { conflict, errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }] },
        409,
      );
    },
  );
};
