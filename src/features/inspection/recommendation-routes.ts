import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { presentErrors, text, type FieldErrors } from '../../lib/forms.ts';
import { HttpError } from '../../lib/http-error.ts';
import { IdList, Version } from '../../lib/request-schemas.ts';
import { idList } from '../../school/school-items.ts';
import {
  base,
  field,
  inspectionModel,
  RecommendationParams,
  SchoolParams,
  signedIn,
  view,
} from './inspection-context.ts';
import { INSPECTION_NEEDS } from './inspection-policy.ts';
import * as repo from './inspection-repository.ts';
import {
  addRecommendation,
  removeRecommendation,
  updateRecommendation,
  type RecommendationInput,
} from './inspection-service.ts';

const edit = scoped(signedIn, 'school', INSPECTION_NEEDS.edit);
const RecommendationBody = Type.Object({
  version: Type.Optional(Version),
  text: field,
  language: field,
  priorityIds: IdList(200),
});
const readInput = (b: Static<typeof RecommendationBody>): RecommendationInput => ({
  text: text(b.text),
  language: text(b.language),
  priorityIds: idList(b.priorityIds),
});

type FormState = {
  rec?: repo.Recommendation;
  values: RecommendationInput & { version?: number | undefined };
  status?: number;
  errors?: FieldErrors;
  conflict?: { label: string; theirs: string; yours: string }[];
};

/** Adding, changing (words and linked priorities) and removing the inspection's recommendations: leaders only. */
export const recommendationRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  async function renderForm(request: FastifyRequest, reply: FastifyReply, ctx: SchoolRequestContext, s: FormState) {
    const heading = s.rec
      ? request.t('inspection.recommendation.editHeading', { number: s.rec.number })
      : request.t('inspection.recommendation.newHeading');
    return reply.status(s.status ?? 200).page(view('recommendation-form'), {
      title: heading,
      heading,
      ...inspectionModel(ctx),
      values: s.values,
      choices: await repo.priorityChoices(db, ctx.school.number),
      action: s.rec ? `${base(ctx)}/recommendations/${s.rec.id}` : `${base(ctx)}/recommendations`,
      cancelHref: base(ctx),
      ...(s.errors ? presentErrors(s.errors, request.t) : {}),
      ...(s.conflict
        ? { conflict: s.conflict, errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }] }
        : {}),
    });
  }

  async function inspectionOr404(ctx: SchoolRequestContext) {
    const inspection = await repo.findInspection(db, ctx.school.number);
    if (!inspection) throw new HttpError(404, 'not-found');
    return inspection;
  }

  async function recommendationOr404(ctx: SchoolRequestContext, id: string) {
    const rec = await repo.findRecommendation(db, ctx.school.number, id);
    if (!rec) throw new HttpError(404, 'not-found');
    return rec;
  }

  app.get(
    '/schools/:number/inspection/recommendations/new',
    { config: edit, schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      await inspectionOr404(ctx);
      return renderForm(request, reply, ctx, { values: { text: '', language: request.lang, priorityIds: [] } });
    },
  );

  app.post(
    '/schools/:number/inspection/recommendations',
    { config: edit, schema: { params: SchoolParams, body: RecommendationBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const input = readInput(request.body);
      const result = await addRecommendation(db, request.user!.id, await inspectionOr404(ctx), input);
      if (result.ok) return reply.redirect(`${base(ctx)}?done=recommendation-added`, 303);
      return renderForm(request, reply, ctx, {
        values: input,
        status: 400,
        errors: result.reason === 'invalid' ? result.errors : {},
      });
    },
  );

  app.get(
    '/schools/:number/inspection/recommendations/:id/edit',
    { config: edit, schema: { params: RecommendationParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const rec = await recommendationOr404(ctx, request.params.id);
      const priorityIds = await repo.linkedPriorityIds(db, rec.id);
      return renderForm(request, reply, ctx, {
        rec,
        values: { text: rec.text, language: rec.language, priorityIds, version: rec.version },
      });
    },
  );

  app.post(
    '/schools/:number/inspection/recommendations/:id',
    { config: edit, schema: { params: RecommendationParams, body: RecommendationBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const rec = await recommendationOr404(ctx, request.params.id);
      const input = readInput(request.body);
      const version = request.body.version ?? rec.version;
      const result = await updateRecommendation(
        db,
        request.user!.id,
        ctx.school.number,
        rec,
        version,
        input,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`${base(ctx)}?done=recommendation-saved#r${rec.number}`, 303);
      if (result.reason === 'invalid')
        return renderForm(request, reply, ctx, {
          rec,
          values: { ...input, version },
          status: 400,
          errors: result.errors,
        });
      if (!result.current) throw new HttpError(404, 'not-found');
      return renderForm(request, reply, ctx, {
        rec: result.current,
        values: { ...input, version: result.current.version },
        status: 409,
        conflict: [{ label: request.t('inspection.fields.text'), theirs: result.current.text, yours: input.text }],
      });
    },
  );

  app.get(
    '/schools/:number/inspection/recommendations/:id/remove',
    { config: edit, schema: { params: RecommendationParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const rec = await recommendationOr404(ctx, request.params.id);
      const heading = request.t('inspection.remove.heading', { number: rec.number });
      return reply.page(view('recommendation-remove'), { title: heading, heading, ...inspectionModel(ctx), rec });
    },
  );

  app.post(
    '/schools/:number/inspection/recommendations/:id/remove',
    { config: edit, schema: { params: RecommendationParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const rec = await recommendationOr404(ctx, request.params.id);
      await removeRecommendation(db, request.user!.id, rec);
      return reply.redirect(`${base(ctx)}?done=recommendation-removed`, 303);
    },
  );
};
