import type { FeaturePlugin } from '../../app-deps.ts';
import { enquiryDecisionRoutes } from './decision-routes.ts';
import { enquiryListRoutes } from './list-routes.ts';
import { enquiryNoteRoutes } from './note-routes.ts';
import { enquiryPackRoutes } from './pack-routes.ts';
import { enquiryPageRoutes } from './page-routes.ts';
import { enquiryWorkRoutes } from './work-routes.ts';

/** Peer enquiries (DOMAIN.md section 5): a host's question, a team from partner schools, a host-owned report. */
export const peerEnquiryRoutes: FeaturePlugin<'database' | 'clock'> = async (app, deps) => {
  for (const routes of [
    enquiryListRoutes,
    enquiryPageRoutes,
    enquiryDecisionRoutes,
    enquiryPackRoutes,
    enquiryNoteRoutes,
    enquiryWorkRoutes,
  ])
    await routes(app, deps);
};
