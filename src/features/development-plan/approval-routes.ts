import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { currentPlanOr404, RevisionParams, schoolModel, signedIn, view } from './plan-context.ts';
import * as repo from './revision-repository.ts';
import { approveRevision } from './revision-service.ts';
import { governingBodyScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

/** A governor approves the latest revision for the governing body, after a confirmation page. */
export const approvalRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  async function load(number: string, n: number) {
    const { plan } = await currentPlanOr404(db, number, clock.now());
    const revision = await repo.findRevision(db, plan.id, n);
    if (!revision) throw new HttpError(404, 'not-found');
    return { plan, revision, latest: await repo.latestRevisionNumber(db, plan.id) };
  }

  app.get(
    '/schools/:number/plan/revisions/:n/approve',
    { config: scoped(signedIn, 'governingBody', 'approvePlan'), schema: { params: RevisionParams } },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      const { plan, revision, latest } = await load(ctx.school.number, request.params.n);
      const revisionUrl = `/schools/${ctx.school.number}/plan/revisions/${revision.number}`;
      if (revision.approvedAt) return reply.redirect(`${revisionUrl}?approval=already-approved`, 303);
      if (revision.number !== latest) return reply.redirect(`${revisionUrl}?approval=not-latest`, 303);
      return reply.page(view('approve'), {
        title: request.t('pages.planApproval.title', { number: revision.number }),
        ...schoolModel(ctx),
        plan,
        revision,
      });
    },
  );

  app.post(
    '/schools/:number/plan/revisions/:n/approve',
    { config: scoped(signedIn, 'governingBody', 'approvePlan'), schema: { params: RevisionParams } },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      const { plan, revision } = await load(ctx.school.number, request.params.n);
      const outcome = await approveRevision(db, request.user!.id, ctx.school, plan.id, revision, clock.now());
      return reply.redirect(`/schools/${ctx.school.number}/plan/revisions/${revision.number}?approval=${outcome}`, 303);
    },
  );
};
