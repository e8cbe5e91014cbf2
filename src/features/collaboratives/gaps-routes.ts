import { Type } from '@sinclair/typebox';
import type { FeaturePlugin } from '../../app-deps.ts';
import { laModel } from '../../local-authority/la-model.ts';
import { collaborationGaps } from './collaborative-repository.ts';
import { LaCode } from '../../lib/request-schemas.ts';
import { laScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

const read = { access: { permission: 'collaboratives.read' } } as const;
const LaParams = Type.Object({ code: LaCode });

/** The LA's open schools in no vertical, or no horizontal, collaborative. */
export const collaborationGapsRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;
  app.get(
    '/local-authorities/:code/collaboration-gaps',
    { config: scoped(read, 'la', 'staff'), schema: { params: LaParams } },
    async (request, reply) => {
      const ctx = laScope(request);
      const gaps = await collaborationGaps(db, ctx.la.code);
      return reply.page('features/collaboratives/views/gaps.njk', {
        ...laModel(ctx, 'collaboration-gaps'),
        title: request.t('pages.collaboratives.gaps.title', { la: ctx.laName }),
        ...gaps,
      });
    },
  );
};
