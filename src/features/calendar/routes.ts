import type { FeaturePlugin } from '../../app-deps.ts';
import { calendarAccountRoutes } from './account-routes.ts';
import { calendarFeedRoutes } from './feed-routes.ts';

/** Calendar files and personal calendar feeds (issue 5, item 6). */
export const calendarRoutes: FeaturePlugin<'database' | 'config' | 'clock'> = async (app, deps) => {
  await app.register(calendarAccountRoutes, deps);
  await app.register(calendarFeedRoutes, deps);
};
