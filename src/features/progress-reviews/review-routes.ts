import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { todayInWales } from '../../lib/clock.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { FormText, IdList, SchoolNumber, Uuid } from '../../lib/request-schemas.ts';
import { academicYearOf, PROGRESS_RATINGS } from '../../reference/reference-data.ts';
import { currentPlan } from '../development-plan/plan-repository.ts';
import * as repo from './progress-repository.ts';
import { recordReview } from './progress-service.ts';
import { emptyReviewForm, MAX_EVIDENCE, type ReviewForm } from './review-form.ts';

const signedIn = { access: { signedIn: true } } as const;
const PriorityParams = Type.Object({ number: SchoolNumber, priorityId: Uuid });
const ActionParams = Type.Object({ number: SchoolNumber, id: Uuid });
const ReviewBody = Type.Object({
  'reviewedOn-day': FormText(10),
  'reviewedOn-month': FormText(10),
  'reviewedOn-year': FormText(10),
  rating: FormText(40),
  comment: FormText(20_000),
  evidenceIds: IdList(MAX_EVIDENCE * 5),
});

const formFrom = (body: Static<typeof ReviewBody>): ReviewForm => ({
  reviewedOn: {
    day: text(body['reviewedOn-day']),
    month: text(body['reviewedOn-month']),
    year: text(body['reviewedOn-year']),
  },
  rating: text(body.rating),
  comment: text(body.comment),
  evidenceIds: body.evidenceIds ?? [],
});

type Target = { priority: repo.Priority; action: repo.PlanAction | null };

/** Leaders record a progress review of a priority or of one of its actions (issue 15 part 3). */
export const reviewRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const access = scoped(signedIn, 'school', 'edit');

  async function planOr404(schoolNumber: string) {
    const plan = await currentPlan(db, schoolNumber, academicYearOf(clock.now()));
    if (!plan) throw new HttpError(404, 'not-found');
    return plan;
  }
  async function priorityTarget(schoolNumber: string, id: string): Promise<Target> {
    const priority = await repo.findPriority(db, schoolNumber, id, { all: true });
    if (!priority) throw new HttpError(404, 'not-found');
    return { priority, action: null };
  }
  async function actionTarget(schoolNumber: string, id: string): Promise<Target> {
    const found = await repo.findAction(db, schoolNumber, id);
    if (!found) throw new HttpError(404, 'not-found');
    return found;
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SchoolRequestContext,
    target: Target,
    form: ReviewForm,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    return reply.status(status).page('features/progress-reviews/views/review-form.njk', {
      title: request.t(target.action ? 'progressReviews.form.actionTitle' : 'progressReviews.form.priorityTitle'),
      school: ctx.school,
      schoolCan: ctx.can,
      schoolSection: 'plan',
      ...target,
      form,
      ratings: PROGRESS_RATINGS,
      evidence: await repo.evidenceChoices(db, ctx.school.number),
      formAction: request.url.split('?')[0],
      ...extra,
    });
  }

  async function save(request: FastifyRequest, reply: FastifyReply, target: Target, body: Static<typeof ReviewBody>) {
    const ctx = schoolScope(request);
    const plan = await planOr404(ctx.school.number);
    const form = formFrom(body);
    const today = todayInWales(clock.now());
    const result = await recordReview(db, request.user!.id, target, form, {
      today,
      firstYear: plan.firstYear,
      language: request.lang,
    });
    if (result.ok)
      return reply.redirect(`/schools/${ctx.school.number}/priorities/${target.priority.id}?reviewed=1#progress`, 303);
    return render(request, reply, ctx, target, form, presentErrors(result.errors, request.t), 400);
  }

  app.get(
    '/schools/:number/plan/priorities/:priorityId/reviews/new',
    { config: access, schema: { params: PriorityParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      await planOr404(ctx.school.number);
      const target = await priorityTarget(ctx.school.number, request.params.priorityId);
      return render(request, reply, ctx, target, emptyReviewForm(todayInWales(clock.now())));
    },
  );
  app.post(
    '/schools/:number/plan/priorities/:priorityId/reviews/new',
    { config: access, schema: { params: PriorityParams, body: ReviewBody } },
    async (request, reply) =>
      save(
        request,
        reply,
        await priorityTarget(schoolScope(request).school.number, request.params.priorityId),
        request.body,
      ),
  );
  app.get(
    '/schools/:number/plan/actions/:id/reviews/new',
    { config: access, schema: { params: ActionParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      await planOr404(ctx.school.number);
      const target = await actionTarget(ctx.school.number, request.params.id);
      return render(request, reply, ctx, target, emptyReviewForm(todayInWales(clock.now())));
    },
  );
  app.post(
    '/schools/:number/plan/actions/:id/reviews/new',
    { config: access, schema: { params: ActionParams, body: ReviewBody } },
    async (request, reply) =>
      save(request, reply, await actionTarget(schoolScope(request).school.number, request.params.id), request.body),
  );
};
