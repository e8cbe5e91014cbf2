import type { FeaturePlugin } from '../../app-deps.ts';
import { homeSections } from './home-presenter.ts';

export const homeRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  // The start page for visitors; for users, what needs them (issue 13).
  app.get('/', { config: { access: { public: true } } }, async (request, reply) => {
    if (!request.user) return reply.page('features/home/views/start.njk', { title: request.t('pages.start.title') });
    const sections = (await homeSections(database.db, request, clock.now())).map((s) => ({
      ...s,
      empty: !s.lists.some((l) => l.items.length > 0),
    }));
    const waiting = sections.some((s) => !s.empty);
    return reply.page('features/home/views/home.njk', {
      title: request.t('pages.home.title'),
      sections,
      waiting,
      hasRoles: request.user.assignments.length > 0,
      activeNav: 'home',
    });
  });
};
