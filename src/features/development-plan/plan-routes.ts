import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { audiencesFor } from '../../policy/school-policy.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { currentPlanOr404, field, itemAccess, SchoolParams, schoolModel, signedIn, view } from './plan-context.ts';
import * as repo from './plan-repository.ts';
import { todayInWales } from '../../lib/clock.ts';
import { presentPriorities } from './plan-presenter.ts';
import { supportByAction, withSupport } from './action-support-view.ts';
import { presentCosts } from './cost-presenter.ts';
import { costTotals } from './cost-totals.ts';
import { firstYearChoices, planAndDrafts, saveSummary, startPlan } from './plan-service.ts';
import { latestRevision } from './revision-repository.ts';
import { openQuestionCount, questionsModel } from '../../governor-questions/question-presenter.ts';
import { PlanQuery, planYearsModel } from './plan-overview.ts';
import { FormText, Version } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { currentVision } from '../vision/vision-repository.ts';
import { readerVision } from '../vision/vision-form.ts';
import { planProgress } from '../progress-reviews/progress-presenter.ts';
import { forReader } from '../../lib/paired-text.ts';

/** Confirmations the plan page can show after a change, by the `done` query value. */
const DONE = [
  'plan-started',
  'summary-saved',
  'action-added',
  'action-saved',
  'action-removed',
  'criteria-saved',
  'review-points-saved',
];
// Issue 15: the outline of years two and three, and rolling the plan forward.
DONE.push('outline-added', 'outline-saved', 'outline-removed', 'plan-rolled');

export const planRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/schools/:number/plan',
    {
      config: scoped(signedIn, 'school', 'viewArea'),
      schema: { params: SchoolParams, querystring: PlanQuery },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const year = academicYearOf(clock.now());
      const plan = await repo.currentPlan(db, ctx.school.number, year);
      const title = request.t('pages.plan.title');
      if (!plan)
        return reply.page(view('plan-start'), {
          title,
          ...schoolModel(ctx),
          year,
          choices: firstYearChoices(year),
          chosen: year,
        });
      const cycleId = await repo.findCycleId(db, ctx.school.number, year);
      const access = itemAccess(request, ctx);
      const [{ inPlan, drafts }, latest, summaryShared, questions, openQuestions, vision] = await Promise.all([
        planAndDrafts(db, cycleId, access, ctx.can.staff),
        latestRevision(db, plan.id),
        ctx.can.staff ||
          ctx.governingBodyCan.member ||
          repo.outputSharedWith(db, ctx.school.number, 'sdp_summary', audiencesFor(request.user, ctx.school)),
        questionsModel(db, request.user, ctx.school, 'plan', plan.id),
        openQuestionCount(db, request.user, ctx.school),
        currentVision(db, { type: 'school', id: ctx.school.number }),
      ]);
      const support = await supportByAction(
        db,
        [...inPlan, ...drafts].flatMap((p) => p.actions.map((a) => a.id)),
        { lang: request.lang, schoolNumber: ctx.school.number, canOpenSupport: ctx.can.staff },
      );
      const audiences = ctx.can.staff
        ? await repo.priorityAudiences(
            db,
            [...inPlan, ...drafts].map((p) => p.id),
          )
        : [];
      const years = await planYearsModel(db, ctx, access, {
        plan,
        year,
        inPlan,
        drafts,
        query: request.query,
        reader: request.lang,
      });
      const done = DONE.includes(request.query.done ?? '') ? request.query.done : null;
      const progress = await planProgress(db, plan, inPlan, clock.now());
      return reply.page(view('plan'), {
        title,
        ...schoolModel(ctx),
        plan,
        year,
        cycleId,
        latest,
        done,
        questions,
        openQuestions,
        showSummary: summaryShared,
        // The summary in the reader's language when it has that version (issue 16), else as written.
        summaryText: forReader(plan, plan.summary, 'summary', request.lang),
        vision: readerVision(vision, request.lang),
        inPlan: withSupport(
          presentPriorities(years.inPlan, request.t, request.lang, todayInWales(clock.now())),
          support,
        ).map((p) => ({
          ...p,
          progress: progress.byPriority.get(p.id),
        })),
        nextReviewPoint: progress.nextPoint,
        drafts: withSupport(
          presentPriorities(years.drafts, request.t, request.lang, todayInWales(clock.now())),
          support,
        ),
        ...years.page,
        sharedWith: (id: string) => audiences.filter((a) => a.itemId === id).map((a) => a.audience),
        costs: presentCosts(costTotals(inPlan, year)),
      });
    },
  );

  app.post(
    '/schools/:number/plan',
    {
      config: scoped(signedIn, 'school', 'edit'),
      schema: { params: SchoolParams, body: Type.Object({ firstYear: FormText(10) }) },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const year = academicYearOf(clock.now());
      const chosen = Number(request.body.firstYear);
      const result = await startPlan(db, request.user!.id, ctx.school, chosen, year, request.lang);
      if (result.ok) return reply.redirect(`/schools/${ctx.school.number}/plan?done=plan-started`, 303);
      return reply.status(400).page(view('plan-start'), {
        title: request.t('pages.plan.title'),
        ...schoolModel(ctx),
        year,
        choices: firstYearChoices(year),
        chosen,
        ...presentErrors(result.errors, request.t),
      });
    },
  );

  app.get(
    '/schools/:number/plan/summary',
    { config: scoped(signedIn, 'school', 'edit'), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan } = await currentPlanOr404(db, ctx.school.number, clock.now());
      return reply.page(view('summary-form'), {
        title: request.t('pages.plan.summaryTitle'),
        ...schoolModel(ctx),
        plan,
        summary: plan.summary,
        version: plan.version,
      });
    },
  );

  app.post(
    '/schools/:number/plan/summary',
    {
      config: scoped(signedIn, 'school', 'edit'),
      schema: { params: SchoolParams, body: Type.Object({ version: Version, summary: field }) },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const summary = text(request.body.summary);
      const result = await saveSummary(
        db,
        request.user!.id,
        plan,
        request.body.version,
        summary,
        request.lang,
        clock.now(),
      );
      if (result.ok) return reply.redirect(`/schools/${ctx.school.number}/plan?done=summary-saved#summary`, 303);
      const model = { title: request.t('pages.plan.summaryTitle'), ...schoolModel(ctx), plan, summary };
      if (result.reason === 'invalid')
        return reply.status(400).page(view('summary-form'), {
          ...model,
          version: request.body.version,
          ...presentErrors(result.errors, request.t),
        });
      // Theirs beside yours; the form now carries their version, so saving again keeps yours knowingly.
      const rows = [{ label: request.t('pages.plan.summaryHeading'), theirs: result.current.summary, yours: summary }];
      return reply.status(409).page(view('summary-form'), {
        ...model,
        version: result.current.version,
        conflict: rows,
        errors: [{ text: request.t('common.conflict.title'), href: '#conflict' }],
      });
    },
  );
};
