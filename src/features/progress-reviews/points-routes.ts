import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { dateToParts } from '../../lib/govuk-date-input.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { FormText, SchoolNumber } from '../../lib/request-schemas.ts';
import { academicYearOf, SCHOOL_TERMS } from '../../reference/reference-data.ts';
import { currentPlan, type DevelopmentPlan } from '../development-plan/plan-repository.ts';
import * as repo from './progress-repository.ts';
import { saveReviewPoints } from './progress-service.ts';
import { pointKey, type PointsForm } from './review-form.ts';
import { planYears, reviewPoints } from './review-points.ts';

const signedIn = { access: { signedIn: true } } as const;
const SchoolParams = Type.Object({ number: SchoolNumber });
const KEYS = [1, 2, 3].flatMap((n) => SCHOOL_TERMS.map((term) => pointKey(n, term)));
const PointsBody = Type.Object(
  Object.fromEntries(KEYS.flatMap((k) => ['day', 'month', 'year'].map((p) => [`${k}-${p}`, FormText(10)]))) as Record<
    string,
    TSchema
  >,
);

/** The dates at which the plan's progress reviews are due, per school year and term (leaders). */
export const pointsRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const url = '/schools/:number/plan/review-points';
  const access = scoped(signedIn, 'school', 'edit');

  async function planOr404(schoolNumber: string) {
    const plan = await currentPlan(db, schoolNumber, academicYearOf(clock.now()));
    if (!plan) throw new HttpError(404, 'not-found');
    return plan;
  }

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    plan: DevelopmentPlan,
    form: PointsForm,
    extra = {},
    status = 200,
  ) {
    const ctx = schoolScope(request);
    const years = planYears(plan.firstYear).map((year, i) => ({
      year,
      terms: SCHOOL_TERMS.map((term) => ({ term, key: pointKey(i + 1, term), parts: form[pointKey(i + 1, term)] })),
    }));
    return reply.status(status).page('features/progress-reviews/views/review-points.njk', {
      title: request.t('progressReviews.points.title'),
      school: ctx.school,
      schoolCan: ctx.can,
      schoolSection: 'plan',
      plan,
      years,
      ...extra,
    });
  }

  app.get(url, { config: access, schema: { params: SchoolParams } }, async (request, reply) => {
    const plan = await planOr404(schoolScope(request).school.number);
    const points = reviewPoints(plan.firstYear, await repo.storedPoints(db, plan.id));
    const form: PointsForm = {};
    for (const p of points) form[pointKey(p.academicYear - plan.firstYear + 1, p.term)] = dateToParts(p.dueOn);
    return render(request, reply, plan, form);
  });

  app.post(url, { config: access, schema: { params: SchoolParams, body: PointsBody } }, async (request, reply) => {
    const ctx = schoolScope(request);
    const plan = await planOr404(ctx.school.number);
    const body = request.body as Record<string, string | undefined>;
    const form: PointsForm = Object.fromEntries(
      KEYS.map((k) => [
        k,
        { day: text(body[`${k}-day`]), month: text(body[`${k}-month`]), year: text(body[`${k}-year`]) },
      ]),
    );
    const result = await saveReviewPoints(db, request.user!.id, plan, form, clock.now());
    if (result.ok)
      return reply.redirect(`/schools/${ctx.school.number}/plan?done=review-points-saved#review-points`, 303);
    return render(request, reply, plan, form, presentErrors(result.errors, request.t), 400);
  });
};
