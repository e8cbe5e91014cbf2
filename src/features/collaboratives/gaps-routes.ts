import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.ts';
import { findLocalAuthority } from '../../directory/directory-repository.ts';
import { HttpError } from '../../lib/http-error.ts';
import { canSeeGaps } from '../../collaboration/collaborative-policy.ts';
import { collaborationGaps } from './collaborative-repository.ts';

const read = { access: { permission: 'collaboratives.read' } } as const;
const LaParams = Type.Object({ code: Type.String({ pattern: '^\\d{3}$' }) });

/** The LA's open schools in no vertical, or no horizontal, collaborative. */
export const collaborationGapsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { database }) => {
  const db = database.db;
  app.get('/local-authorities/:code/collaboration-gaps', { config: read, schema: { params: LaParams } }, async (request, reply) => {
    const la = await findLocalAuthority(db, request.params.code);
    if (!la || !canSeeGaps(request.user, la.code)) throw new HttpError(404, 'not-found');
    const gaps = await collaborationGaps(db, la.code);
    const laName = request.lang === 'cy' ? la.nameCy : la.nameEn;
    return reply.page('features/collaboratives/views/gaps.njk', { title: request.t('pages.collaboratives.gaps.title', { la: laName }), activeNav: 'collaboratives', la, laName, ...gaps });
  });
};
