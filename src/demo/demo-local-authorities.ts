import type { Db } from '../db/client.ts';
import type { DemoLaContext } from './demo-la-context.ts';

/**
 * The LA part of the demo (issue 6) for Cardiff and Swansea: each feature's loader, in order.
 * Brokering needs schools' offers before requests; the LA's self-evaluation reads what schools shared.
 */
export async function loadDemoLocalAuthorities(db: Db, ctx: DemoLaContext): Promise<void> {
  const loaders: ((db: Db, ctx: DemoLaContext) => Promise<void>)[] = [];
  for (const load of loaders) await load(db, ctx);
}
