import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { SchoolRequestContext } from '../../access/loaders/school.ts';
import { schoolScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { SchoolNumber } from '../../lib/request-schemas.ts';
import { currentVision, type VisionOwner } from './vision-repository.ts';
import { DoneQuery, formValues, handleVisionPost, view, VisionBody, visionPageModel } from './vision-form.ts';
import { SCHOOL_VISION_NEEDS, schoolVisionCan } from './vision-policy.ts';

const signedIn = { access: { signedIn: true } } as const;
const SchoolParams = Type.Object({ number: SchoolNumber });
const owner = (ctx: SchoolRequestContext): VisionOwner => ({ type: 'school', id: ctx.school.number });
const pageHref = (ctx: SchoolRequestContext) => `/schools/${ctx.school.number}/vision`;
// The vision heads the development plan, so its pages sit in the plan's section.
const schoolModel = (ctx: SchoolRequestContext) => ({
  school: ctx.school,
  schoolCan: ctx.can,
  schoolSection: 'plan',
  visionCan: schoolVisionCan(ctx.can),
});

/** A school's shared vision (guidance 5.1): read by everyone who reads its plan, written by its leaders. */
export const schoolVisionRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/schools/:number/vision',
    {
      config: scoped(signedIn, 'school', SCHOOL_VISION_NEEDS.read),
      schema: { params: SchoolParams, querystring: DoneQuery },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      return reply.page(view('school-vision'), {
        title: request.t('vision.school.title'),
        ...schoolModel(ctx),
        editHref: `${pageHref(ctx)}/edit`,
        ...(await visionPageModel(db, owner(ctx), request.query.done, request.lang)),
      });
    },
  );

  app.get(
    '/schools/:number/vision/edit',
    { config: scoped(signedIn, 'school', SCHOOL_VISION_NEEDS.edit), schema: { params: SchoolParams } },
    async (request, reply) => {
      const ctx = schoolScope(request);
      return reply.page(view('school-vision-form'), {
        title: request.t('vision.editTitle'),
        ...schoolModel(ctx),
        action: pageHref(ctx),
        cancelHref: pageHref(ctx),
        values: formValues(await currentVision(db, owner(ctx)), request.lang),
      });
    },
  );

  app.post(
    '/schools/:number/vision',
    {
      config: scoped(signedIn, 'school', SCHOOL_VISION_NEEDS.edit),
      schema: { params: SchoolParams, body: VisionBody },
    },
    async (request, reply) => {
      const ctx = schoolScope(request);
      return handleVisionPost({ db, clock }, request, reply, owner(ctx), {
        href: pageHref(ctx),
        template: 'school-vision-form',
        model: schoolModel(ctx),
      });
    },
  );
};
