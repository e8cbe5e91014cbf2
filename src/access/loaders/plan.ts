// The plan and round scopes' loaders: an LA's plan in a planning round (src/policy/plan-policy.ts),
// and a planning round itself, which is Welsh Government's alone (src/policy/national-policy.ts).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { findPlan, findRound, type PlanWithContext, type Round } from '../../national/planning-repository.ts';
import { wgCan } from '../../policy/national-policy.ts';
import { planCan, type PlanCan } from '../../policy/plan-policy.ts';

export type PlanAccess = { plan: PlanWithContext; can: PlanCan; laName: string; roundTitle: string };
export type RoundContext = { round: Round; roundTitle: string };

const inLanguage = (lang: string, en: string, cy: string) => (lang === 'cy' ? cy : en);

/**
 * The plan in the URL and what this user may do with it: 404 unless they may read it (another LA's
 * draft does not exist for them), 403 when they may read it but not do `need`.
 */
export async function planAccess(
  db: Db,
  request: FastifyRequest,
  planId: string,
  need?: keyof PlanCan,
): Promise<PlanAccess> {
  const plan = await findPlan(db, planId);
  if (!plan) throw new HttpError(404, 'not-found');
  const can = planCan(request.user, { laCode: plan.laCode, state: plan.state, sharedWithLas: plan.sharedWithLas });
  if (!can.view) throw new HttpError(404, 'not-found');
  if (need && !can[need]) throw new HttpError(403, 'forbidden');
  return {
    plan,
    can,
    laName: inLanguage(request.lang, plan.laNameEn, plan.laNameCy),
    roundTitle: inLanguage(request.lang, plan.round.titleEn, plan.round.titleCy),
  };
}

/** A planning round: Welsh Government's alone (LA staff are refused, strangers never get here: plans.read). */
export async function roundAccess(db: Db, request: FastifyRequest, roundId: string): Promise<RoundContext> {
  if (!wgCan(request.user).openRounds) throw new HttpError(403, 'forbidden');
  const round = await findRound(db, roundId);
  if (!round) throw new HttpError(404, 'not-found');
  return { round, roundTitle: inLanguage(request.lang, round.titleEn, round.titleCy) };
}
