import { readerTexts } from '../../lib/reader-texts.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { auditTrail } from '../../audit/audit-repository.ts';
import { HttpError } from '../../lib/http-error.ts';
import { sharingModel } from '../../sharing/sharing-presenter.ts';
import { questionsModel } from '../../governor-questions/question-presenter.ts';
import { surveyEvidenceModel } from '../surveys/survey-results.ts';
import type { AttachmentStore } from './attachment-store.ts';
import {
  AttachmentParams,
  evidenceContext,
  itemHref,
  itemOr404,
  ItemParams,
  sectionModel,
  signedIn,
  view,
  type EvidenceContext,
  type TypedApp,
} from './evidence-context.ts';
import { evidenceActions } from './evidence-policy.ts';
import { fileSize, itemTags } from './evidence-presenter.ts';
import * as repo from './evidence-repository.ts';
import { markReviewed, setArchived } from './evidence-service.ts';
import { extensionOf } from './file-type.ts';
import { FormText, Version } from '../../lib/request-schemas.ts';
import { scoped } from '../../access/scopes.ts';

const VersionBody = Type.Object({ version: Version });
const ArchiveBody = Type.Object({
  version: Version,
  archived: Type.Union([Type.Literal('true'), Type.Literal('false')]),
});
const ItemQuery = Type.Object({ saved: FormText(20), shared: FormText(20) });
const HISTORY = ['evidence-create', 'evidence-update', 'evidence-review', 'evidence-archive', 'evidence-restore'];
const SAVED = ['created', 'updated', 'reviewed', 'archived', 'restored', 'locked'];
const SHARED = ['add', 'remove'];
const known = (list: string[], value: string | undefined) => (value && list.includes(value) ? value : undefined);

/** "Report.pdf" as an HTTP header: an ASCII fallback and the exact name (RFC 6266). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'attachment';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function evidenceItemRoutes(app: TypedApp, db: Db, store: AttachmentStore, clock: Clock) {
  async function renderItem(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: EvidenceContext,
    id: string,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const { t, lang } = request;
    const { item, authorName } = await itemOr404(db, ctx, id);
    const [attachments, priorities, sharing, history, questions, survey] = await Promise.all([
      repo.attachmentsOf(db, item.id),
      repo.listNationalPriorities(db),
      sharingModel(db, ctx.school, ctx.can, 'evidence', item.id, lang, {
        record: item,
        originals: { title: item.title, body: item.body },
        href: `/schools/${ctx.school.number}/other-language/evidence/${item.id}`,
      }),
      ctx.can.staff ? auditTrail(db, 'evidence', item.id, HISTORY) : Promise.resolve([]),
      questionsModel(db, request.user, ctx.school, 'evidence', item.id),
      // A closed survey's item carries its figures as a chart and a table (issue 18).
      item.source === 'survey' ? surveyEvidenceModel(db, item.id, t, lang) : Promise.resolve(null),
    ]);
    const rt = readerTexts(item, ['title', 'body'], lang);
    return reply.status(status).page(view('item'), {
      title: rt.title.text,
      rt,
      ...sectionModel(ctx),
      item,
      authorName,
      tags: itemTags(t, lang, item, priorities),
      attachments: attachments.map((a) => ({
        href: `${itemHref(ctx.school.number, item.id)}/attachments/${a.id}`,
        fileName: a.fileName,
        details: `${extensionOf(a.fileName).toUpperCase()}, ${fileSize(t, a.sizeBytes)}`,
      })),
      actions: evidenceActions(request.user?.id, ctx.can, item),
      sharing,
      survey,
      history,
      questions,
      returnTo: itemHref(ctx.school.number, item.id),
      ...extra,
    });
  }

  app.get(
    '/schools/:number/evidence/:id',
    { config: scoped(signedIn, 'school'), schema: { params: ItemParams, querystring: ItemQuery } },
    async (request, reply) => {
      const ctx = evidenceContext(request);
      return renderItem(request, reply, ctx, request.params.id, {
        saved: known(SAVED, request.query.saved),
        shared: known(SHARED, request.query.shared),
      });
    },
  );

  const conflict = (request: FastifyRequest) => ({
    errors: [{ text: request.t('pages.evidence.item.changedMeanwhile'), href: '#item-actions' }],
  });

  app.post(
    '/schools/:number/evidence/:id/review',
    { config: scoped(signedIn, 'school', 'curate'), schema: { params: ItemParams, body: VersionBody } },
    async (request, reply) => {
      const ctx = evidenceContext(request);
      const { item } = await itemOr404(db, ctx, request.params.id);
      const result = await markReviewed(db, request.user!.id, ctx.can, item, request.body.version, clock.now());
      if (result.ok) return reply.redirect(`${itemHref(ctx.school.number, item.id)}?saved=reviewed`, 303);
      if (result.reason === 'forbidden') throw new HttpError(403, 'forbidden');
      return renderItem(request, reply, ctx, item.id, conflict(request), 409);
    },
  );

  app.post(
    '/schools/:number/evidence/:id/archive',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: ItemParams, body: ArchiveBody } },
    async (request, reply) => {
      const ctx = evidenceContext(request);
      const { item } = await itemOr404(db, ctx, request.params.id);
      const archived = request.body.archived === 'true';
      const result = await setArchived(
        db,
        request.user!.id,
        ctx.can,
        item,
        request.body.version,
        archived,
        clock.now(),
      );
      if (result.ok)
        return reply.redirect(
          `${itemHref(ctx.school.number, item.id)}?saved=${archived ? 'archived' : 'restored'}`,
          303,
        );
      if (result.reason === 'forbidden') throw new HttpError(403, 'forbidden');
      return renderItem(request, reply, ctx, item.id, conflict(request), 409);
    },
  );

  app.get(
    '/schools/:number/evidence/:id/attachments/:attachmentId',
    { config: scoped(signedIn, 'school'), schema: { params: AttachmentParams } },
    async (request, reply) => {
      const ctx = evidenceContext(request);
      const attachment = await repo.findAttachment(
        db,
        ctx.school.number,
        request.params.id,
        request.params.attachmentId,
        ctx.access,
      );
      if (!attachment || !(await store.exists(attachment.sha256))) throw new HttpError(404, 'not-found');
      return reply
        .header('content-type', attachment.contentType)
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('content-length', attachment.sizeBytes)
        .header('cache-control', 'private, no-store')
        .send(store.open(attachment.sha256));
    },
  );
}
