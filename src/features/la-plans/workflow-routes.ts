import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { findPlan } from '../../national/planning-repository.ts';
import { PlanParams, plansRead, view } from './plan-context.ts';
import { markFinal, sendBack, setShared, submitPlan } from './plan-service.ts';
import { planSummary } from './plan-summary.ts';
import { planScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

/** The three steps a plan takes with a confirmation page each (submit, send back, final), and sharing. */
const STEPS = {
  submit: { need: 'submit', run: submitPlan, done: 'submitted' },
  'send-back': { need: 'markFinal', run: sendBack, done: 'sentBack' },
  final: { need: 'markFinal', run: markFinal, done: 'final' },
} as const;
const ShareBody = Type.Object({ shared: Type.Union([Type.Literal('yes'), Type.Literal('no')]) });

export const workflowRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  for (const [step, { need, run, done }] of Object.entries(STEPS)) {
    app.get(
      `/plans/:planId/${step}`,
      { config: scoped(plansRead, 'plan', need), schema: { params: PlanParams } },
      async (request, reply) => {
        const summary = await planSummary(db, request, (await findPlan(db, request.params.planId))!, clock.now());
        return reply.page(view('confirm'), {
          title: request.t(`laPlans.confirm.${step}.title`),
          activeNav: 'plans',
          ...summary,
          step,
        });
      },
    );

    app.post(
      `/plans/:planId/${step}`,
      { config: scoped(plansRead, 'plan', need), schema: { params: PlanParams } },
      async (request, reply) => {
        const access = planScope(request);
        const result = await run(db, request.user!.id, access.plan, clock.now());
        // Someone else moved the plan on first: show it as it is now, and say so.
        return reply.redirect(`/plans/${access.plan.id}?saved=${result.ok ? done : 'changed'}`, 303);
      },
    );
  }

  app.post(
    '/plans/:planId/share',
    { config: scoped(plansRead, 'plan', 'share'), schema: { params: PlanParams, body: ShareBody } },
    async (request, reply) => {
      const access = planScope(request);
      const shared = request.body.shared === 'yes';
      const result = await setShared(db, request.user!.id, access.plan, shared, clock.now());
      return reply.redirect(
        `/plans/${access.plan.id}?saved=${!result.ok ? 'changed' : shared ? 'shared' : 'unshared'}`,
        303,
      );
    },
  );
};
