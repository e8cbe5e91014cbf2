import type { FeaturePlugin } from '../../app-deps.ts';
import { publicSurveyRoutes } from './public-survey-routes.ts';
import { schoolSurveyRoutes } from './school-survey-routes.ts';
import { ownSurveyRoutes } from './own/own-routes.ts';

/**
 * Surveys that feed the self-evaluation (issue 18): the SLO survey of a school's staff, answered
 * anonymously in the service or through a link, safe with small numbers, and recorded as evidence.
 */
export const surveyRoutes: FeaturePlugin<'database' | 'clock' | 'config'> = async (app, deps) => {
  for (const routes of [ownSurveyRoutes, schoolSurveyRoutes, publicSurveyRoutes]) await app.register(routes, deps);
};
