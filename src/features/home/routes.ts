import type { FeaturePlugin } from '../../app-deps.ts';
import { schoolsForAssignments, scopeNames } from '../../directory/scope-repository.ts';

export const homeRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  // The start page for visitors; the signed-in home page for users.
  app.get('/', { config: { access: { public: true } } }, async (request, reply) => {
    if (!request.user) return reply.page('features/home/views/start.njk', { title: request.t('pages.start.title') });
    const [names, schools] = await Promise.all([
      scopeNames(database.db, request.user.assignments),
      schoolsForAssignments(database.db, request.user.assignments),
    ]);
    const roles = request.user.assignments.map((a) => ({
      role: a.role,
      scopeName: names.get(`${a.scopeType}:${a.scopeId}`)?.[request.lang],
    }));
    return reply.page('features/home/views/home.njk', {
      title: request.t('pages.home.title'),
      roles,
      schools,
      activeNav: 'home',
    });
  });
};
