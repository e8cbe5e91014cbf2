import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { presentErrors, text } from '../../lib/forms.ts';
import { comparePlanSnapshots } from './plan-compare.ts';
import { currentPlanOr404, field, RevisionParams, SchoolParams, schoolModel, signedIn, view } from './plan-context.ts';
import { presentComparison, presentPriorities, readerOutline } from './plan-presenter.ts';
import * as repo from './revision-repository.ts';
import { readSnapshot } from './plan-snapshot.ts';
import { saveRevision } from './revision-service.ts';
import { questionsModel } from '../../governor-questions/question-presenter.ts';
import { BoundedInteger, FormText } from '../../lib/request-schemas.ts';
import { governingBodyScope, schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const APPROVAL_NOTICES = ['approved', 'already-approved', 'not-latest'];

/** Revisions of the plan, kept for the governing body: list, save, read one, compare with the one before. */
export const revisionRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  async function revisionOr404(planId: string, n: number) {
    const revision = await repo.findRevision(db, planId, n);
    if (!revision) throw new HttpError(404, 'not-found');
    return revision;
  }

  app.get(
    '/schools/:number/plan/revisions',
    {
      config: scoped(signedIn, 'governingBody', 'readRevisions'),
      schema: { params: SchoolParams, querystring: Type.Object({ saved: Type.Optional(BoundedInteger(1, 100_000)) }) },
    },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      const { plan } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const revisions = await repo.listRevisions(db, plan.id);
      return reply.page(view('revisions'), {
        title: request.t('pages.planRevisions.title'),
        ...schoolModel(ctx),
        plan,
        revisions,
        saved: request.query.saved ?? null,
        note: '',
      });
    },
  );

  app.post(
    '/schools/:number/plan/revisions',
    {
      config: scoped(signedIn, 'school', 'edit'),
      schema: { params: SchoolParams, body: Type.Object({ note: field }) },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const { plan, year } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const note = text(request.body.note);
      const result = await saveRevision(db, request.user!.id, ctx.school, plan.id, year, note);
      if (result.ok) return reply.redirect(`/schools/${ctx.school.number}/plan/revisions?saved=${result.number}`, 303);
      const revisions = await repo.listRevisions(db, plan.id);
      return reply.status(400).page(view('revisions'), {
        title: request.t('pages.planRevisions.title'),
        ...schoolModel(ctx),
        plan,
        revisions,
        saved: null,
        note,
        ...presentErrors(result.errors, request.t),
      });
    },
  );

  app.get(
    '/schools/:number/plan/revisions/:n',
    {
      config: scoped(signedIn, 'governingBody', 'readRevisions'),
      schema: { params: RevisionParams, querystring: Type.Object({ approval: FormText(40) }) },
    },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      const { plan } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const revision = await revisionOr404(plan.id, request.params.n);
      const latest = await repo.latestRevisionNumber(db, plan.id);
      const snapshot = readSnapshot(revision.snapshot, revision);
      const approval = APPROVAL_NOTICES.includes(request.query.approval ?? '') ? request.query.approval : null;
      return reply.page(view('revision'), {
        title: request.t('pages.planRevision.title', { number: revision.number }),
        ...schoolModel(ctx),
        plan,
        revision,
        snapshot: { ...snapshot, outline: readerOutline(snapshot.outline, request.lang) },
        priorities: presentPriorities(snapshot.priorities, request.t, request.lang),
        isLatest: revision.number === latest,
        approval,
        questions: await questionsModel(db, request.user, ctx.school, 'plan_revision', revision.id),
      });
    },
  );

  app.get(
    '/schools/:number/plan/revisions/:n/compare',
    { config: scoped(signedIn, 'governingBody', 'readRevisions'), schema: { params: RevisionParams } },
    async (request, reply) => {
      const ctx = governingBodyScope(request);
      const { plan } = await currentPlanOr404(db, ctx.school.number, clock.now());
      const revision = await revisionOr404(plan.id, request.params.n);
      // The first revision has nothing before it to compare with.
      if (revision.number === 1) throw new HttpError(404, 'not-found');
      const previous = await revisionOr404(plan.id, revision.number - 1);
      const comparison = presentComparison(
        comparePlanSnapshots(readSnapshot(previous.snapshot, previous), readSnapshot(revision.snapshot, revision)),
        request.t,
        request.lang,
      );
      return reply.page(view('compare'), {
        title: request.t('pages.planCompare.title', { before: previous.number, after: revision.number }),
        ...schoolModel(ctx),
        plan,
        revision,
        previous,
        comparison,
      });
    },
  );
};
