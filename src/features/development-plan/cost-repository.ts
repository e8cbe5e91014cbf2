import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reused } from '../../db/reused-query.ts';
import { planActionCosts, planActions } from '../../db/schema/index.ts';
import type { CostLine } from './cost-lines.ts';

/**
 * The cost lines of these priorities' actions, in order, by action: read beside the actions rather
 * than built as JSON for each (on the embedded database that JSON took the plan page's actions
 * statement from about 0.5 to 7 ms for 60 actions: more than all its other statements together).
 */
export async function costLinesByAction(db: Db, priorityIds: string[]): Promise<Map<string, CostLine[]>> {
  const byAction = new Map<string, CostLine[]>();
  if (priorityIds.length === 0) return byAction;
  // Every plan page asks: built once (src/db/reused-query.ts).
  const rows = await reused(db, 'cost_lines_by_action', (db) =>
    db
      .select({
        actionId: planActionCosts.actionId,
        amountPence: planActionCosts.amountPence,
        source: planActionCosts.source,
        grantName: planActionCosts.grantName,
      })
      .from(planActionCosts)
      .innerJoin(planActions, eq(planActions.id, planActionCosts.actionId))
      .where(sql`${planActions.priorityId} = any(${sql.placeholder('ids')}::uuid[])`)
      .orderBy(asc(planActionCosts.actionId), asc(planActionCosts.line)),
  ).execute({ ids: priorityIds });
  // The table's check admits only the funding sources, as costLinesOf below relies on too.
  for (const { actionId, ...line } of rows as (CostLine & { actionId: string })[])
    byAction.set(actionId, [...(byAction.get(actionId) ?? []), line]);
  return byAction;
}

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
