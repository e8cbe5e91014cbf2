import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { BoundedInteger, EmptyOrUuid, FormText, SchoolNumber, Version } from '../../lib/request-schemas.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { EMPTY_OUTLINE_FORM, outlineToForm, readOutlineForm, type OutlineForm } from './outline-form.ts';
import { OutlineParams, outlineEntryOr404 } from './outline-context.ts';
import { currentPlanOr404, schoolModel, signedIn, view } from './plan-context.ts';
import * as repo from './plan-repository.ts';
import { addOutline, editOutline, outlineYears } from './plan-years-service.ts';
import { DRAFT_STATES, PLAN_STATES } from './plan-service.ts';

const Year = BoundedInteger(2000, 2100);
const lines = FormText(5000);
const OutlineBody = Type.Object({
  version: Type.Optional(Version),
  academicYear: Type.Optional(Year),
  continues: Type.Optional(EmptyOrUuid),
  title: FormText(1000),
  summary: FormText(5000),
  autumn: lines,
  spring: lines,
  summer: lines,
  wholeYear: lines,
});

const formFrom = (body: Static<typeof OutlineBody>): OutlineForm => ({
  continues: body.continues ?? '',
  title: text(body.title),
  summary: text(body.summary),
  autumn: body.autumn ?? '',
  spring: body.spring ?? '',
  summer: body.summer ?? '',
  year: body.wholeYear ?? '',
});

/** Leaders outline years two and three of the plan: intended priorities and their actions by term. */
export const outlineRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;
  const edit = scoped(signedIn, 'school', 'edit');

  /** The year-one priorities an outline entry may continue. */
  async function continuable(plan: repo.DevelopmentPlan) {
    const cycleId = await repo.findCycleId(db, plan.schoolNumber, plan.firstYear);
    return cycleId ? repo.cyclePriorities(db, cycleId, [...PLAN_STATES, ...DRAFT_STATES], { all: true }) : [];
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SchoolRequestContext,
    plan: repo.DevelopmentPlan,
    model: { academicYear: number; form: OutlineForm; formAction: string; version?: number } & Record<string, unknown>,
    status = 200,
  ) {
    return reply.status(status).page(view('outline-form'), {
      title: request.t(model.version ? 'pages.planOutline.editTitle' : 'pages.planOutline.addTitle'),
      ...schoolModel(ctx),
      plan,
      planYear: model.academicYear - plan.firstYear + 1,
      priorities: await continuable(plan),
      ...model,
    });
  }

  app.get(
    '/schools/:number/plan/outline/new',
    {
      config: edit,
      schema: {
        params: Type.Object({ number: SchoolNumber }),
        querystring: Type.Object({ year: Type.Optional(Year) }),
      },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const year = request.query.year;
      if (year === undefined || !outlineYears(plan.firstYear).includes(year)) throw new HttpError(404, 'not-found');
      const formAction = `/schools/${ctx.school.number}/plan/outline`;
      return render(request, reply, ctx, plan, { academicYear: year, form: EMPTY_OUTLINE_FORM, formAction });
    },
  );

  app.post(
    '/schools/:number/plan/outline',
    { config: edit, schema: { params: Type.Object({ number: SchoolNumber }), body: OutlineBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const year = request.body.academicYear;
      if (year === undefined || !outlineYears(plan.firstYear).includes(year)) throw new HttpError(400, 'bad-request');
      const form = formFrom(request.body);
      const result = readOutlineForm(form, await continuable(plan));
      if (!result.ok)
        return render(
          request,
          reply,
          ctx,
          plan,
          { academicYear: year, form, formAction: request.url, ...presentErrors(result.errors, request.t) },
          400,
        );
      const row = await addOutline(db, request.user!.id, plan, year, result.input, request.lang);
      return reply.redirect(`/schools/${ctx.school.number}/plan?done=outline-added#outline-${row.id}`, 303);
    },
  );

  app.get(
    '/schools/:number/plan/outline/:outlineId/edit',
    { config: edit, schema: { params: OutlineParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const entry = await outlineEntryOr404(db, plan, request.params.outlineId);
      return render(request, reply, ctx, plan, {
        academicYear: entry.academicYear,
        form: outlineToForm(entry),
        formAction: request.url,
        version: entry.version,
      });
    },
  );

  app.post(
    '/schools/:number/plan/outline/:outlineId/edit',
    { config: edit, schema: { params: OutlineParams, body: OutlineBody } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const entry = await outlineEntryOr404(db, plan, request.params.outlineId);
      if (request.body.version === undefined) throw new HttpError(400, 'bad-request');
      const form = formFrom(request.body);
      const model = { academicYear: entry.academicYear, form, formAction: request.url };
      const result = readOutlineForm(form, await continuable(plan));
      if (!result.ok)
        return render(
          request,
          reply,
          ctx,
          plan,
          { ...model, version: request.body.version, ...presentErrors(result.errors, request.t) },
          400,
        );
      const saved = await editOutline(
        db,
        request.user!.id,
        entry,
        request.body.version,
        result.input,
        request.lang,
        clock.now(),
      );
      if (saved.ok)
        return reply.redirect(`/schools/${ctx.school.number}/plan?done=outline-saved#outline-${entry.id}`, 303);
      if (!saved.current) throw new HttpError(404, 'not-found');
      // Theirs beside yours; the form now carries their version, so saving again keeps yours knowingly.
      const theirs = outlineToForm(saved.current);
      const conflict = (['title', 'summary', 'autumn', 'spring', 'summer', 'year'] as const)
        .filter((f) => theirs[f] !== form[f])
        .map((f) => ({ label: request.t(`pages.planOutline.fields.${f}`), theirs: theirs[f], yours: form[f] }));
      return render(
        request,
        reply,
        ctx,
        plan,
        {
          ...model,
          version: saved.current.version,
          conflict,
          errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
        },
        409,
      );
    },
  );
};
