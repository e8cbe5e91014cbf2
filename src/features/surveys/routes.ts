import type { FeaturePlugin } from '../../app-deps.ts';
import { publicSurveyRoutes } from './public-survey-routes.ts';
import { schoolSurveyRoutes } from './school-survey-routes.ts';
import { ownSurveyRoutes } from './own/own-routes.ts';
import { sloPictureRoutes } from './slo-sharing/picture-routes.ts';
import { sloShareRoutes } from './slo-sharing/share-routes.ts';

/**
 * Surveys that feed the self-evaluation (issue 18): the SLO survey of a school's staff, answered
 * anonymously in the service or through a link, safe with small numbers, and recorded as evidence;
 * its results by dimension counted, with the school's consent, in its collaboratives', LA's and WG's pictures.
 */
export const surveyRoutes: FeaturePlugin<'database' | 'clock' | 'config'> = async (app, deps) => {
  for (const routes of [ownSurveyRoutes, schoolSurveyRoutes, publicSurveyRoutes, sloShareRoutes, sloPictureRoutes])
    await app.register(routes, deps);
};
