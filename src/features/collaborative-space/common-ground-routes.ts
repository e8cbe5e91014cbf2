import type { FeaturePlugin } from '../../app-deps.ts';
import { groundByNational, groundByTheme } from './common-ground-presenter.ts';
import { IdParams, read } from './feed-routes.ts';
import { nationalGround, themeGround } from './space-repository.ts';
import { collaborativeScope } from '../../access/request-scope.ts';
import { scoped } from '../../access/scopes.ts';

/** /collaboratives/:id/common-ground: the members' shared priorities by theme and national priority, derived, never typed. */
export const commonGroundRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  const db = database.db;
  app.get(
    '/collaboratives/:id/common-ground',
    { config: scoped(read, 'collaborative', 'space'), schema: { params: IdParams } },
    async (request, reply) => {
      const { collaborative, can } = collaborativeScope(request);
      const [themes, national] = await Promise.all([
        themeGround(db, collaborative.id),
        nationalGround(db, collaborative.id),
      ]);
      return reply.page('features/collaborative-space/views/common-ground.njk', {
        title: request.t('collaborativeSpace.ground.title'),
        activeNav: 'collaboratives',
        collaborative,
        collabCan: can,
        collaborativeSection: 'common-ground',
        ...groundByTheme(collaborative.id, themes, request.lang),
        national: groundByNational(national, request.lang),
        empty: themes.length === 0,
      });
    },
  );
};
