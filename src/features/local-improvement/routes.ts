import type { FeaturePlugin } from '../../app-deps.ts';
import { findLocalAuthority } from '../../directory/directory-repository.ts';
import { laStaffCodes } from '../../policy/la-policy.ts';

/**
 * The service navigation's "Local improvement": straight to the user's LA, or a choice when they
 * work in several. The menu is rendered once per language and menu, so its link cannot name an LA.
 */
export const localImprovementRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  app.get('/local-improvement', { config: { access: { permission: 'la.read' } } }, async (request, reply) => {
    const codes = [...new Set(laStaffCodes(request.user))];
    if (codes.length === 1) return reply.redirect(`/local-authorities/${codes[0]}/overview`, 303);
    const las = (await Promise.all(codes.map((code) => findLocalAuthority(database.db, code)))).filter(
      (la) => la !== null,
    );
    return reply.page('features/local-improvement/views/choose.njk', {
      title: request.t('localAuthority.choose.title'),
      activeNav: 'localImprovement',
      las: las.map((la) => ({ code: la.code, name: request.lang === 'cy' ? la.nameCy : la.nameEn })),
    });
  });
};
