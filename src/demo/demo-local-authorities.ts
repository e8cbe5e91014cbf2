import type { Db } from '../db/client.ts';
import type { DemoLaContext } from './demo-la-context.ts';
import { loadDemoConcern } from './demo-la-concern.ts';
import { loadDemoLaOverview } from './demo-la-overview.ts';
import { loadDemoProfessionalLearning } from './demo-la-professional-learning.ts';
import { loadDemoLaSelfEvaluation } from './demo-la-self-evaluation.ts';

/**
 * The LA part of the demo (issue 6) for Cardiff and Swansea: each feature's loader, in order.
 * Brokering needs schools' offers before requests; the LA's self-evaluation reads what schools shared.
 */
export async function loadDemoLocalAuthorities(db: Db, ctx: DemoLaContext): Promise<void> {
  const loaders: ((db: Db, ctx: DemoLaContext) => Promise<void>)[] = [loadDemoLaOverview, loadDemoProfessionalLearning, loadDemoConcern, loadDemoLaSelfEvaluation];
  for (const load of loaders) await load(db, ctx);
}
