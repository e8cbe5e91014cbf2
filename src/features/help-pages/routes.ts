import type { FeaturePlugin } from '../../app-deps.ts';

export const helpPageRoutes: FeaturePlugin<never> = async (app) => {
  app.get('/accessibility', { config: { access: { public: true } } }, (request, reply) =>
    reply.page('features/help-pages/views/accessibility.njk', { title: request.t('pages.accessibility.title') }),
  );
  app.get('/privacy', { config: { access: { public: true } } }, (request, reply) =>
    reply.page('features/help-pages/views/privacy.njk', { title: request.t('pages.privacy.title') }),
  );
};
