import type { FeaturePlugin } from '../../app-deps.ts';
import { meetingActionRoutes } from './action-routes.ts';
import { meetingListRoutes } from './list-routes.ts';
import { meetingPageRoutes } from './meeting-routes.ts';

/** A collaborative's meetings: agenda, who came, notes, agreed actions (DOMAIN.md section 5). */
export const meetingRoutes: FeaturePlugin<'database' | 'config' | 'clock'> = async (app, deps) => {
  await app.register(meetingListRoutes, deps);
  await app.register(meetingPageRoutes, deps);
  await app.register(meetingActionRoutes, deps);
};
