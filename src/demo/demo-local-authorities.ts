import type { Db } from '../db/client.ts';
import type { DemoLaContext } from './demo-la-context.ts';
import { loadDemoBrokering } from './demo-la-brokering.ts';
import { loadDemoConcern } from './demo-la-concern.ts';
import { loadDemoGoodPractice } from './demo-wales-good-practice.ts';
import { loadDemoPartnerships } from './demo-wales-partnerships.ts';
import { loadDemoWalesNational } from './demo-wales-national.ts';
import { loadDemoWalesPlans } from './demo-wales-plans.ts';
import { loadDemoLaOverview } from './demo-la-overview.ts';
import { loadDemoProfessionalLearning } from './demo-la-professional-learning.ts';
import { loadDemoLaSelfEvaluation } from './demo-la-self-evaluation.ts';

/**
 * The LA and Wales-wide parts of the demo (issues 6 and 7) for Cardiff, Swansea and the nation:
 * each feature's loader, in order. The LA's self-evaluation reads what the overview's loader shared.
 */
export async function loadDemoLocalAuthorities(db: Db, ctx: DemoLaContext): Promise<void> {
  const loaders: ((db: Db, ctx: DemoLaContext) => Promise<unknown>)[] = [
    loadDemoLaOverview,
    loadDemoProfessionalLearning,
    loadDemoConcern,
    loadDemoBrokering,
    loadDemoLaSelfEvaluation,
    loadDemoPartnerships,
    loadDemoGoodPractice,
    loadDemoWalesPlans,
    loadDemoWalesNational,
  ];
  for (const load of loaders) await load(db, ctx);
}
