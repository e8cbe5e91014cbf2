import type { FeaturePlugin } from '../../app-deps.ts';
import { laProfessionalLearningRoutes } from './la-routes.ts';
import { schoolProfessionalLearningRoutes } from './school-routes.ts';

/** Professional learning records and the seed's rule (guidance June 2024, section 5.1). */
export const professionalLearningRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  await app.register(laProfessionalLearningRoutes, deps);
  await app.register(schoolProfessionalLearningRoutes, deps);
};
