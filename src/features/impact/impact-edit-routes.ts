import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { LEARNER_GROUPS } from '../../reference/reference-data.ts';
import { type SchoolRequestContext } from '../../access/loaders/school.ts';
import { todayInWales } from '../../lib/clock.ts';
import { BLANK_FIGURE, reviewToForm, type ReviewForm } from './impact-form.ts';
import { PriorityParams, schoolModel, signedIn, view } from './impact-context.ts';
import { presentReviewConflict } from './impact-presenter.ts';
import * as repo from './impact-repository.ts';
import { saveReview, sortFigures } from './impact-service.ts';
import { BoundedInteger, FormText, INT4_MAX } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const list = Type.Optional(Type.Array(Type.String({ maxLength: 20_000 }), { maxItems: 60 }));
const field = FormText(20_000);
const ReviewBody = Type.Object({
  version: Type.Optional(BoundedInteger(0, INT4_MAX)),
  whatChanged: field,
  'reviewedOn-day': field,
  'reviewedOn-month': field,
  'reviewedOn-year': field,
  figureGroup: list,
  figureMeasure: list,
  figureBaseline: list,
  figureLatest: list,
  figureCommentary: list,
  evidence: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 2000 })),
  addRow: FormText(10),
});

/** The rows as typed: each row submits all five fields, so the lists line up by position. */
function formFrom(body: Static<typeof ReviewBody>): ReviewForm {
  const at = (values: string[] | undefined, i: number) => text(values?.[i]);
  const rows = Math.max(body.figureGroup?.length ?? 0, body.figureMeasure?.length ?? 0);
  return {
    whatChanged: text(body.whatChanged),
    reviewedOn: {
      day: text(body['reviewedOn-day']),
      month: text(body['reviewedOn-month']),
      year: text(body['reviewedOn-year']),
    },
    figures: Array.from({ length: rows }, (_, i) => ({
      learnerGroup: at(body.figureGroup, i),
      measure: at(body.figureMeasure, i),
      baseline: at(body.figureBaseline, i),
      latest: at(body.figureLatest, i),
      commentary: at(body.figureCommentary, i),
    })),
    evidenceIds: body.evidence ?? [],
  };
}

/** Writing or changing a priority's impact review (school leaders). */
export const impactEditRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const url = '/schools/:number/impact/:priorityId/edit';

  async function priorityOr404(schoolNumber: string, id: string) {
    const priority = await repo.findVisiblePriority(db, schoolNumber, id, { all: true });
    if (!priority) throw new HttpError(404, 'not-found');
    return priority;
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SchoolRequestContext,
    priority: repo.Priority,
    form: ReviewForm,
    version: number,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const evidence = await repo.evidenceChoices(db, priority.cycleId, form.evidenceIds);
    return reply.status(status).page(view('review-form'), {
      title: request.t('pages.impactReview.editTitle'),
      ...schoolModel(ctx),
      priority,
      form,
      version,
      evidence,
      groups: LEARNER_GROUPS,
      ...extra,
    });
  }

  app.get(
    url,
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: PriorityParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const priority = await priorityOr404(ctx.school.number, request.params.priorityId);
      const review = await repo.findReview(db, priority.id);
      const figures = review ? sortFigures(await repo.reviewFigures(db, review.id)) : [];
      const evidenceIds = review ? await repo.reviewEvidenceIds(db, review.id) : [];
      return render(request, reply, ctx, priority, reviewToForm(review, figures, evidenceIds), review?.version ?? 0);
    },
  );

  app.post(
    url,
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: PriorityParams, body: ReviewBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const priority = await priorityOr404(ctx.school.number, request.params.priorityId);
      const form = formFrom(request.body);
      const version = request.body.version ?? 0;
      // "Add another row" shows the form again with one more blank row, saving nothing (no JavaScript needed).
      if (request.body.addRow)
        return render(
          request,
          reply,
          ctx,
          priority,
          { ...form, figures: [...form.figures, { ...BLANK_FIGURE }] },
          version,
        );
      const result = await saveReview(
        db,
        request.user!.id,
        priority,
        version,
        form,
        { today: todayInWales(clock.now()), language: request.lang, allowedPhrases: [ctx.school.name] },
        clock.now(),
      );
      if (result.ok) return reply.redirect(`/schools/${ctx.school.number}/impact/${priority.id}?saved=1`, 303);
      if (result.reason === 'invalid')
        return render(request, reply, ctx, priority, form, version, presentErrors(result.errors, request.t), 400);
      const conflict = presentReviewConflict(result.current, result.figures, form, request.t, request.lang);
      return render(
        request,
        reply,
        ctx,
        priority,
        form,
        result.current.version,
        { conflict, errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }] },
        409,
      );
    },
  );
};
