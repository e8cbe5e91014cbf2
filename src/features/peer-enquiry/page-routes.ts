import { withReaderTexts } from '../../lib/reader-texts.ts';
import { forReader } from '../../lib/paired-text.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import type { EnquiryContext } from '../../access/loaders/enquiry.ts';
import { EnquiryParams, pageModel, read, VersionBody, view } from './enquiry-context.ts';
import { enquiryActors } from '../../policy/enquiry-policy.ts';
import { activityLabel, stateTag, stepsOf, timelineOf, visibleNotes } from './enquiry-presenter.ts';
import * as repo from './enquiry-repository.ts';
import { moveEnquiry } from './enquiry-service.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { enquiryScope, reloadScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const DONE = FormText(40);

/** The enquiry's page: headline, progress, protocol, team and the sections this viewer may see. */
export async function renderEnquiry(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: EnquiryContext,
  extra: Record<string, unknown> = {},
  status = 200,
) {
  const t = request.t;
  const can = ctx.enquiryCan;
  const id = ctx.enquiry.id;
  const [notes, findings, followUps, pack, timeline] = await Promise.all([
    visibleNotes(db, ctx, request.user!.id),
    can.readFindings ? repo.listFindings(db, id) : [],
    can.readReport ? repo.listFollowUps(db, id) : [],
    can.readPack ? repo.packItemKeys(db, id) : [],
    timelineOf(db, t, id),
  ]);
  return reply.status(status).page(view('enquiry'), {
    ...pageModel(ctx, forReader(ctx.enquiry, ctx.enquiry.question, 'question', request.lang).text, request.lang),
    tag: stateTag(t, ctx.enquiry.state),
    steps: stepsOf(t, ctx.enquiry.state),
    timeline,
    notes: notes.map((n) => ({
      ...n.note,
      authorName: n.authorName,
      activityText: activityLabel(t, n.note.activity),
      mine: n.note.authorId === request.user!.id,
    })),
    ownNotesOnly: !can.readAllNotes && can.readOwnNotes,
    findings: findings.map((f) => withReaderTexts(f, ['text'], request.lang)),
    followUps: followUps.map((f) => withReaderTexts(f, ['description'], request.lang)),
    packCount: pack.length,
    userId: request.user!.id,
    ...extra,
  });
}

/** The enquiry's page and the steps of its cycle. */
export const enquiryPageRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;
  const clock = deps.clock;

  app.get(
    '/collaboratives/:id/enquiries/:enquiryId',
    { config: scoped(read, 'enquiry'), schema: { params: EnquiryParams, querystring: Type.Object({ done: DONE }) } },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const done = request.query.done && /^[a-z_-]+$/.test(request.query.done) ? request.query.done : '';
      return renderEnquiry(db, request, reply, ctx, { done });
    },
  );

  app.post(
    '/collaboratives/:id/enquiries/:enquiryId/state',
    {
      config: scoped(read, 'enquiry'),
      schema: { params: EnquiryParams, body: Type.Object({ to: Type.String({ maxLength: 40 }), ...VersionBody }) },
    },
    async (request, reply) => {
      const ctx = enquiryScope(request);
      const actors = enquiryActors(request.user, ctx.can, {
        ...ctx.enquiry,
        reviewerIds: ctx.reviewers.map((r) => r.userId),
      });
      const to = request.body.to;
      // Sending a draft back needs a comment: its own page.
      if (ctx.enquiry.state === 'report_drafted' && to === 'making_sense') throw new HttpError(403, 'forbidden');
      const evidenceTitle = request.t('enquiries.evidenceTitle', {
        question: ctx.enquiry.question,
        lng: ctx.enquiry.language,
      });
      const result = await moveEnquiry(
        db,
        request.user!.id,
        actors,
        ctx.enquiry,
        request.body.version,
        to,
        clock.now(),
        { evidenceTitle },
      );
      if (result.ok)
        return reply.redirect(`/collaboratives/${ctx.collaborative.id}/enquiries/${ctx.enquiry.id}?done=${to}`, 303);
      if (result.reason === 'forbidden') throw new HttpError(403, 'forbidden');
      if (result.reason === 'invalid') {
        return renderEnquiry(
          db,
          request,
          reply,
          ctx,
          { errors: [{ text: request.t('enquiries.errors.reportEmpty'), href: '#report' }] },
          400,
        );
      }
      // Someone else moved it first: read it again, as it now stands, to show them where it is.
      const fresh = await reloadScope(request, 'enquiry');
      return renderEnquiry(
        db,
        request,
        reply,
        fresh,
        { errors: [{ text: request.t('enquiries.errors.stateConflict'), href: '#progress' }] },
        409,
      );
    },
  );
};
