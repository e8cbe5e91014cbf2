import { readerCaseload } from './caseload-presenter.ts';
import type { FeaturePlugin } from '../../app-deps.ts';
import { caseloadModel, DUE_WITHIN_DAYS } from './caseload-service.ts';

/** /caseload: what an improvement partner (or LA officer) facilitates and what is due in the schools they support. */
export const caseloadRoutes: FeaturePlugin<'database' | 'clock'> = async (app, { database, clock }) => {
  app.get('/caseload', { config: { access: { permission: 'la.read' } } }, async (request, reply) => {
    const model = readerCaseload(await caseloadModel(database.db, request.user!, clock.now()), request.lang);
    return reply.page('features/la-overview/views/caseload.njk', {
      title: request.t('laOverview.caseload.title'),
      activeNav: 'localImprovement',
      days: DUE_WITHIN_DAYS,
      ...model,
    });
  });
};
