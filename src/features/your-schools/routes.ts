import type { FeaturePlugin } from '../../app-deps.ts';
import { schoolCan } from '../../policy/school-policy.ts';
import { staffSchoolNumbers } from '../../policy/collaborative-policy.ts';
import { schoolsOf } from './your-schools-repository.ts';
import { governingBodyIds } from '../../policy/governing-body-policy.ts';

/**
 * The menu's "Your schools": the schools a person works in or governs. One school goes straight to
 * its improvement area; the menu is cached per language and menu, so it cannot list several.
 */
export const yourSchoolsRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  app.get('/your-schools', { config: { access: { signedIn: true } } }, async (request, reply) => {
    const found = await schoolsOf(
      database.db,
      [...new Set(staffSchoolNumbers(request.user))],
      governingBodyIds(request.user),
    );
    if (found.length === 1 && schoolCan(request.user, found[0]!).viewArea)
      return reply.redirect(`/schools/${found[0]!.number}/home`, 303);
    return reply.page('features/your-schools/views/list.njk', {
      title: request.t('yourSchools.title'),
      activeNav: 'yourSchools',
      // Shown by each school's own can, as its area's loader decides it.
      schools: found.filter((s) =>
        request.canOpen(`/schools/${s.number}/home`, { school: schoolCan(request.user, s) }),
      ),
    });
  });
};
