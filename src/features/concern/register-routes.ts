import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { todayInWales } from '../../lib/clock.ts';
import { dateToParts } from '../../lib/govuk-date-input.ts';
import { laModel } from '../../local-authority/la-model.ts';
import { type LaContext } from '../../access/loaders/la.ts';
import { codes, concernRead, dateFields, field, view } from './concern-access.ts';
import { checkCaseForm, readCaseForm, type CaseForm } from './concern-forms.ts';
import { groundItems, orderedErrors, sourceItems } from './concern-presenter.ts';
import { listLaCases } from './concern-repository.ts';
import { openCase } from './concern-service.ts';
import { LaCode } from '../../lib/request-schemas.ts';
import { laScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const LaParams = Type.Object({ code: LaCode });
const CaseBody = Type.Object({
  school: field,
  source: field,
  grounds: codes,
  summary: field,
  ...dateFields('openedOn'),
});
const ORDER = ['school', 'source', 'grounds', 'summary', 'openedOn-day'];

/** The LA's register of schools causing concern, and opening a case: officers of the LA only. */
export const concernRegisterRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const base = (code: string) => `/local-authorities/${code}/schools-causing-concern`;

  app.get(
    '/local-authorities/:code/schools-causing-concern',
    { config: scoped(concernRead, 'la', 'concern'), schema: { params: LaParams } },
    async (request, reply) => {
      const ctx = laScope(request);
      const [open, exited] = await Promise.all([
        listLaCases(db, ctx.la.code, 'open'),
        listLaCases(db, ctx.la.code, 'exited'),
      ]);
      return reply.page(view('register'), {
        ...laModel(ctx, 'schools-causing-concern'),
        title: request.t('concern.register.title', { la: ctx.laName }),
        open,
        exited,
        newUrl: `${base(ctx.la.code)}/new`,
      });
    },
  );

  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: LaContext,
    form: CaseForm,
    extra: Record<string, unknown> = {},
    status = 200,
  ) =>
    reply.status(status).page(view('open-case'), {
      ...laModel(ctx, 'schools-causing-concern'),
      title: request.t('concern.open.title'),
      form,
      action: base(ctx.la.code),
      back: base(ctx.la.code),
      sourceItems: sourceItems(request.t, form.source),
      groundItems: groundItems(request.t, form.grounds),
      ...extra,
    });

  app.get(
    '/local-authorities/:code/schools-causing-concern/new',
    { config: scoped(concernRead, 'la', 'concern'), schema: { params: LaParams } },
    async (request, reply) => {
      const ctx = laScope(request);
      return renderForm(request, reply, ctx, {
        school: '',
        source: '',
        grounds: [],
        summary: '',
        openedOn: dateToParts(todayInWales(clock.now())),
      });
    },
  );

  app.post(
    '/local-authorities/:code/schools-causing-concern',
    { config: scoped(concernRead, 'la', 'concern'), schema: { params: LaParams, body: CaseBody } },
    async (request, reply) => {
      const ctx = laScope(request);
      const form = readCaseForm(request.body);
      const checked = checkCaseForm(form, todayInWales(clock.now()));
      const result = checked.ok
        ? await openCase(db, request.user!.id, ctx.la.code, checked.values, request.lang)
        : checked;
      if (result.ok) return reply.redirect(`/concern-cases/${result.value}?opened=1`, 303);
      const errors = 'errors' in result ? result.errors : {};
      return renderForm(request, reply, ctx, form, orderedErrors(errors, ORDER, request.t), 400);
    },
  );
};
