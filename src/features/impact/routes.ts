import { forReader } from '../../lib/paired-text.ts';
import { readerTexts, withReaderTexts } from '../../lib/reader-texts.ts';
import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { HttpError } from '../../lib/http-error.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { sharingModel } from '../../sharing/sharing-presenter.ts';
import { impactEditRoutes } from './impact-edit-routes.ts';
import { itemAccess, PriorityParams, SchoolParams, schoolModel, signedIn, view } from './impact-context.ts';
import * as repo from './impact-repository.ts';
import { IMPACT_STATES, sortFigures } from './impact-service.ts';
import { groupsWithoutImpactEvidence } from './learner-groups.ts';
import { FormText } from '../../lib/request-schemas.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

/** Impact: for each priority, what changed, for which groups of learners, and how we know. */
export const impactRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  const db = deps.database.db;
  const clock = deps.clock;

  app.get(
    '/schools/:number/impact',
    { config: scoped(signedIn, 'school', 'viewArea'), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const year = academicYearOf(clock.now());
      const cycleId = await repo.findCycleId(db, ctx.school.number, year);
      const access = itemAccess(request, ctx);
      const [priorities, signals] = cycleId
        ? await Promise.all([
            repo.prioritiesWithReviews(db, cycleId, IMPACT_STATES, access),
            repo.impactSignals(db, cycleId, IMPACT_STATES, access),
          ])
        : [[], null];
      return reply.page(view('overview'), {
        title: request.t('pages.impact.title'),
        ...schoolModel(ctx),
        year,
        cycleId,
        reviewed: priorities.filter((p) => p.reviewId).map((p) => withReaderTexts(p, ['title'], request.lang)),
        notReviewed: priorities.filter((p) => !p.reviewId).map((p) => withReaderTexts(p, ['title'], request.lang)),
        groupsMissing: signals ? groupsWithoutImpactEvidence(signals) : [],
      });
    },
  );

  app.get(
    '/schools/:number/impact/:priorityId',
    {
      config: scoped(signedIn, 'school', 'viewArea'),
      schema: { params: PriorityParams, querystring: Type.Object({ saved: FormText(5) }) },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      const access = itemAccess(request, ctx);
      const priority = await repo.findVisiblePriority(db, ctx.school.number, request.params.priorityId, access);
      if (!priority) throw new HttpError(404, 'not-found');
      const review = await repo.findReview(db, priority.id);
      const [criteria, figures, evidence, sharing] = await Promise.all([
        repo.criteriaTexts(db, priority.id),
        review ? repo.reviewFigures(db, review.id).then(sortFigures) : [],
        review ? repo.reviewEvidence(db, review.id, access) : [],
        ctx.can.staff ? sharingModel(db, ctx.school, ctx.can, 'priority', priority.id, request.lang) : null,
      ]);
      const rt = readerTexts(priority, ['title', 'learners', 'successMeasure'], request.lang);
      return reply.page(view('review'), {
        title: request.t('pages.impactReview.title', { priority: rt.title.text }),
        ...schoolModel(ctx),
        priority,
        rt,
        review,
        reviewText: review ? forReader(review, review.whatChanged, 'whatChanged', request.lang) : null,
        // Criteria are written in their priority's language.
        criteria: criteria.map((c) =>
          forReader({ language: priority.language, otherLanguage: c.otherLanguage }, c.text, 'text', request.lang),
        ),
        figures,
        evidence: evidence.map((e) => withReaderTexts(e, ['title'], request.lang)),
        sharing,
        returnTo: `/schools/${ctx.school.number}/impact/${priority.id}`,
        saved: request.query.saved === '1',
      });
    },
  );

  await app.register(impactEditRoutes, deps);
};
