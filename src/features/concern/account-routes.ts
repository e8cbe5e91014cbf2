import type { FeaturePlugin } from '../../app-deps.ts';
import { concernRead, view } from './concern-access.ts';
import { listVisibleCases } from './concern-repository.ts';

/** From the account area: the cases this person may see (never from the school's pages, which others see). */
export const concernAccountRoutes: FeaturePlugin<'database'> = async (app, { database }) => {
  app.get('/account/schools-causing-concern', { config: concernRead }, async (request, reply) => {
    const held = (role: string) =>
      request.user!.assignments.filter((a) => a.role === role && a.scopeId).map((a) => a.scopeId!);
    const cases = await listVisibleCases(database.db, {
      officerLas: held('la_officer'),
      headOf: held('headteacher'),
      chairOf: held('chair_of_governors'),
    });
    return reply.page(view('account'), { title: request.t('concern.account.title'), activeNav: 'account', cases });
  });
};
