import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import type { LaContext } from '../../access/loaders/la.ts';
import { laScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';
import { LaCode } from '../../lib/request-schemas.ts';
import { laModel } from '../../local-authority/la-model.ts';
import { currentVision, type VisionOwner } from './vision-repository.ts';
import { DoneQuery, formValues, handleVisionPost, view, VisionBody, visionPageModel } from './vision-form.ts';
import { LA_VISION_NEEDS, laVisionCan } from './vision-policy.ts';

const laRead = { access: { permission: 'la.read' } } as const;
const laManage = { access: { permission: 'la.manage' } } as const;
const CodeParams = Type.Object({ code: LaCode });
const owner = (ctx: LaContext): VisionOwner => ({ type: 'la', id: ctx.la.code });
const pageHref = (ctx: LaContext) => `/local-authorities/${ctx.la.code}/vision`;
// The collective vision heads the LA's self-evaluation, so its pages sit in that section.
const model = (ctx: LaContext) => ({ ...laModel(ctx, 'self-evaluation'), visionCan: laVisionCan(ctx.can) });

/** An LA's collective vision, agreed with its school leaders (guidance 5.2): its staff read it, its officers write it. */
export const laVisionRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  const db = database.db;

  app.get(
    '/local-authorities/:code/vision',
    { config: scoped(laRead, 'la', LA_VISION_NEEDS.read), schema: { params: CodeParams, querystring: DoneQuery } },
    async (request, reply) => {
      const ctx = laScope(request);
      return reply.page(view('la-vision'), {
        title: request.t('vision.la.title', { la: ctx.laName }),
        ...model(ctx),
        editHref: `${pageHref(ctx)}/edit`,
        ...(await visionPageModel(db, owner(ctx), request.query.done, request.lang)),
      });
    },
  );

  app.get(
    '/local-authorities/:code/vision/edit',
    { config: scoped(laManage, 'la', LA_VISION_NEEDS.edit), schema: { params: CodeParams } },
    async (request, reply) => {
      const ctx = laScope(request);
      return reply.page(view('la-vision-form'), {
        title: request.t('vision.editTitle'),
        ...model(ctx),
        action: pageHref(ctx),
        cancelHref: pageHref(ctx),
        values: formValues(await currentVision(db, owner(ctx)), request.lang),
      });
    },
  );

  app.post(
    '/local-authorities/:code/vision',
    { config: scoped(laManage, 'la', LA_VISION_NEEDS.edit), schema: { params: CodeParams, body: VisionBody } },
    async (request, reply) => {
      const ctx = laScope(request);
      return handleVisionPost({ db, clock }, request, reply, owner(ctx), {
        href: pageHref(ctx),
        template: 'la-vision-form',
        model: model(ctx),
      });
    },
  );
};
