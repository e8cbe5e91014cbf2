// Welsh Government's planning rounds and the LAs' plans in them, as the plan and round scopes load
// them (src/access/loaders/plan.ts). Templates, answers and changes are the la-plans feature's.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { reused } from '../db/reused-query.ts';
import { laPlans, localAuthorities, planningRounds } from '../db/schema/index.ts';

export type Round = typeof planningRounds.$inferSelect;
export type Plan = typeof laPlans.$inferSelect;
export type PlanWithContext = Plan & { round: Round; laNameEn: string; laNameCy: string };

/** The columns of a plan with its round and its LA's names; `withContext` makes a PlanWithContext of a row. */
export const planColumns = {
  plan: laPlans,
  round: planningRounds,
  laNameEn: localAuthorities.nameEn,
  laNameCy: localAuthorities.nameCy,
};
export const withContext = (r: { plan: Plan; round: Round; laNameEn: string; laNameCy: string }): PlanWithContext => ({
  ...r.plan,
  round: r.round,
  laNameEn: r.laNameEn,
  laNameCy: r.laNameCy,
});

export async function findRound(db: Db, id: string): Promise<Round | null> {
  const [row] = await db.select().from(planningRounds).where(eq(planningRounds.id, id));
  return row ?? null;
}

export async function findPlan(db: Db, id: string): Promise<PlanWithContext | null> {
  // Every LA plan page loads it, and WG's home once for each plan it links to: built once (reused-query.ts).
  const [row] = await reused(db, 'la_plan_with_context', (db) =>
    db
      .select(planColumns)
      .from(laPlans)
      .innerJoin(planningRounds, eq(planningRounds.id, laPlans.roundId))
      .innerJoin(localAuthorities, eq(localAuthorities.code, laPlans.laCode))
      .where(eq(laPlans.id, sql.placeholder('id'))),
  ).execute({ id });
  return row ? withContext(row) : null;
}
