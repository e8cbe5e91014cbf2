import type { FeaturePlugin } from '../../app-deps.ts';
import { partnershipEditRoutes } from './edit-routes.ts';
import { laPartnershipRoutes } from './la-routes.ts';
import { partnershipPageRoutes } from './page-routes.ts';

/** LA partnerships (DOMAIN.md section 3; issue 7 item 1): recorded by member LAs' officers. */
export const partnershipRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  await app.register(laPartnershipRoutes, deps);
  await app.register(partnershipPageRoutes, deps);
  await app.register(partnershipEditRoutes, deps);
};
