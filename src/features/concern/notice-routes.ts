import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { todayInWales } from '../../lib/clock.ts';
import { HttpError } from '../../lib/http-error.ts';
import { dateToParts } from '../../lib/govuk-date-input.ts';
import { createTranslator } from '../../plugins/i18n.ts';
import { renderPdf } from '../outputs/renderers.ts';
import { CaseParams, caseModel, codes, concernRead, dateFields, field, NoticeParams, view } from './concern-access.ts';
import { type CaseContext } from '../../access/loaders/concern-case.ts';
import { checkNoticeForm, readNoticeForm, type NoticeForm } from './concern-forms.ts';
import { groundItems, interventionItems, orderedErrors } from './concern-presenter.ts';
import { COPY_RECIPIENTS, isCopyRecipient, requiredCopies } from './concern-reference.ts';
import { findNotice } from './concern-repository.ts';
import { canIssueNotice, complianceEnds, noticeGrounds } from './concern-rules.ts';
import { issueNotice, recordView } from './concern-service.ts';
import { noticeDocument } from './notice-document.ts';
import { concernCaseScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const NoticeBody = Type.Object({
  grounds: codes,
  reasons: field,
  requiredAction: field,
  compliancePeriodDays: field,
  mindedTo: codes,
  mindedToDetail: field,
  copiesTo: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 30 })),
  otherCopies: field,
  ...dateFields('issuedOn'),
});
const ORDER = [
  'grounds',
  'reasons',
  'requiredAction',
  'compliancePeriodDays',
  'mindedTo',
  'mindedToDetail',
  'copiesTo',
  'otherCopies',
  'issuedOn-day',
];

/** A warning notice: the form with its required parts, the notice page and the bilingual PDF (every look audited). */
export const concernNoticeRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const tFor = await createTranslator();

  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: CaseContext,
    form: NoticeForm,
    extra: Record<string, unknown> = {},
    status = 200,
  ) => {
    const t = request.t;
    const required = requiredCopies(ctx.concernCase.governance);
    const copyItems = COPY_RECIPIENTS.filter((r) => required.includes(r)).map((r) => ({
      value: r,
      text: t(`concern.copies.${r}`),
      checked: form.copiesTo.includes(r),
      hint: { text: t('concern.notice.requiredCopy') },
    }));
    return reply.status(status).page(view('notice-form'), {
      ...caseModel(request, ctx, t('concern.notice.newTitle')),
      form,
      groundItems: groundItems(t, form.grounds, noticeGrounds(ctx.concernCase.grounds)),
      mindedToItems: interventionItems(t, form.mindedTo),
      copyItems,
      governance: ctx.concernCase.governance,
      ...extra,
    });
  };

  app.get(
    '/concern-cases/:id/warning-notices/new',
    { config: scoped(concernRead, 'concernCase', 'manage'), schema: { params: CaseParams } },
    async (request, reply) => {
      const ctx = concernCaseScope(request);
      if (!canIssueNotice(ctx.concernCase)) throw new HttpError(404, 'not-found');
      const form: NoticeForm = {
        grounds: noticeGrounds(ctx.concernCase.grounds),
        reasons: '',
        requiredAction: '',
        compliancePeriodDays: '',
        mindedTo: [],
        mindedToDetail: '',
        copiesTo: requiredCopies(ctx.concernCase.governance),
        otherCopies: '',
        issuedOn: dateToParts(todayInWales(clock.now())),
      };
      return renderForm(request, reply, ctx, form);
    },
  );

  app.post(
    '/concern-cases/:id/warning-notices',
    { config: scoped(concernRead, 'concernCase', 'manage'), schema: { params: CaseParams, body: NoticeBody } },
    async (request, reply) => {
      const ctx = concernCaseScope(request);
      const c = ctx.concernCase;
      if (!canIssueNotice(c)) throw new HttpError(404, 'not-found');
      const form = readNoticeForm(request.body);
      const checked = checkNoticeForm(form, {
        caseGrounds: noticeGrounds(c.grounds),
        required: requiredCopies(c.governance),
        openedOn: c.openedOn,
        today: todayInWales(clock.now()),
      });
      const result = checked.ok
        ? await issueNotice(db, request.user!.id, c, checked.values, request.lang, clock.now())
        : checked;
      if (result.ok) return reply.redirect(`/concern-cases/${c.id}/warning-notices/${result.value}?issued=1`, 303);
      if ('errors' in result)
        return renderForm(request, reply, ctx, form, orderedErrors(result.errors, ORDER, request.t), 400);
      return reply.redirect(`/concern-cases/${c.id}?done=stale`, 303);
    },
  );

  async function loadNotice(request: FastifyRequest<{ Params: { id: string; noticeId: string } }>) {
    const ctx = concernCaseScope(request);
    const notice = await findNotice(db, ctx.concernCase.id, request.params.noticeId);
    if (!notice) throw new HttpError(404, 'not-found');
    return { ctx, notice };
  }

  app.get(
    '/concern-cases/:id/warning-notices/:noticeId',
    { config: scoped(concernRead, 'concernCase'), schema: { params: NoticeParams } },
    async (request, reply) => {
      const { ctx, notice } = await loadNotice(request);
      await recordView(
        db,
        request.user!.id,
        'warning-notice-view',
        { type: 'warning_notice', id: notice.id },
        ctx.concernCase.id,
      );
      const copies = notice.copiesTo.map((copy) =>
        isCopyRecipient(copy) ? request.t(`concern.copies.${copy}`) : copy,
      );
      return reply.page(view('notice'), {
        ...caseModel(request, ctx, request.t('concern.notice.title')),
        notice,
        copies,
        complianceEnds: complianceEnds(notice.issuedOn, notice.compliancePeriodDays),
        issued: (request.query as Record<string, unknown>).issued === '1',
        pdfUrl: `/concern-cases/${ctx.concernCase.id}/warning-notices/${notice.id}/pdf`,
      });
    },
  );

  app.get(
    '/concern-cases/:id/warning-notices/:noticeId/pdf',
    { config: scoped(concernRead, 'concernCase'), schema: { params: NoticeParams } },
    async (request, reply) => {
      const { ctx, notice } = await loadNotice(request);
      await recordView(
        db,
        request.user!.id,
        'warning-notice-download',
        { type: 'warning_notice', id: notice.id },
        ctx.concernCase.id,
      );
      const pdf = await renderPdf(noticeDocument(ctx.concernCase, notice, { cy: tFor('cy'), en: tFor('en') }));
      const fileName = `hysbysiad-rhybuddio-warning-notice-${ctx.concernCase.schoolNumber}-${notice.issuedOn}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
