import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { planActionCosts, planActions } from '../../db/schema/index.ts';
import type { CostLine } from './cost-lines.ts';

/** An action's cost lines in order, as one JSON list beside the action's other columns. */
export function costLinesJson(): SQL<CostLine[]> {
  return sql<CostLine[]>`coalesce((select json_agg(json_build_object(
    'amountPence', c.amount_pence, 'source', c.source, 'grantName', c.grant_name) order by c.line)
    from ${planActionCosts} c where c.action_id = ${planActions.id}), '[]'::json)`;
}

export async function costLinesOf(db: Db, actionId: string): Promise<CostLine[]> {
  const rows = await db
    .select({
      amountPence: planActionCosts.amountPence,
      source: planActionCosts.source,
      grantName: planActionCosts.grantName,
    })
    .from(planActionCosts)
    .where(eq(planActionCosts.actionId, actionId))
    .orderBy(asc(planActionCosts.line));
  return rows as CostLine[];
}

/** Replaces an action's cost lines (call in the transaction that writes the action's total). */
export async function replaceCostLines(db: Db, actionId: string, lines: readonly CostLine[]): Promise<void> {
  await db.delete(planActionCosts).where(eq(planActionCosts.actionId, actionId));
  if (lines.length)
    await db.insert(planActionCosts).values(lines.map((l, index) => ({ actionId, line: index + 1, ...l })));
}
