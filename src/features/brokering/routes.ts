import type { FeaturePlugin } from '../../app-deps.ts';
import { brokerRoutes } from './broker-routes.ts';
import { profileRoutes } from './profile-routes.ts';
import { requestRoutes } from './request-routes.ts';
import { schoolSupportRoutes } from './school-support-routes.ts';

/** Brokering school-to-school support (issue 6 item 4): profiles, offers, requests, matches and their impact. */
export const brokeringRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  await profileRoutes(app, deps);
  await schoolSupportRoutes(app, deps);
  await requestRoutes(app, deps);
  await brokerRoutes(app, deps);
};
