import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { HttpError } from '../../lib/http-error.ts';
import { SchoolNumber, Uuid } from '../../lib/request-schemas.ts';
import * as repo from './progress-repository.ts';
import { mayRemove, removeOwnLatestReview } from './progress-service.ts';

const signedIn = { access: { signedIn: true } } as const;
const ReviewParams = Type.Object({ number: SchoolNumber, reviewId: Uuid });

/** A leader takes back their own mistaken latest review: a confirmation page, then a button. */
export const removeRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;
  const url = '/schools/:number/plan/reviews/:reviewId/remove';
  const access = scoped(signedIn, 'school', 'edit');

  async function reviewOr404(schoolNumber: string, id: string) {
    const found = await repo.findReview(db, schoolNumber, id);
    if (!found) throw new HttpError(404, 'not-found');
    return found;
  }

  app.get(url, { config: access, schema: { params: ReviewParams } }, async (request, reply) => {
    const ctx = schoolScope(request);
    const { review, priority } = await reviewOr404(ctx.school.number, request.params.reviewId);
    const latest = await repo.latestReviewId(db, review.priorityId, review.actionId);
    if (!mayRemove(review, request.user!.id, latest)) throw new HttpError(403, 'forbidden');
    return reply.page('features/progress-reviews/views/review-remove.njk', {
      title: request.t('progressReviews.remove.title'),
      school: ctx.school,
      schoolCan: ctx.can,
      schoolSection: 'plan',
      review,
      priority,
    });
  });

  app.post(url, { config: access, schema: { params: ReviewParams } }, async (request, reply) => {
    const ctx = schoolScope(request);
    const { review, priority } = await reviewOr404(ctx.school.number, request.params.reviewId);
    const result = await removeOwnLatestReview(db, request.user!.id, review);
    if (result === 'forbidden') throw new HttpError(403, 'forbidden');
    return reply.redirect(`/schools/${ctx.school.number}/priorities/${priority.id}#progress`, 303);
  });
};
