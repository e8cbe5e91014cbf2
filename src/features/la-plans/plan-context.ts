import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../lib/http-error.ts';
import { planCan, type PlanCan } from '../../policy/plan-policy.ts';
import { wgCan } from '../../policy/national-policy.ts';
import * as repo from './plan-repository.ts';
import { FormText, Uuid } from '../../lib/request-schemas.ts';

/** Shared by the plan routes: access, parameters and names. */
export const plansRead = { access: { permission: 'plans.read' } } as const;
/** Rounds and their template are Welsh Government's alone. */
export const roundsManage = { access: { permission: 'national.read' } } as const;
const uuid = Uuid;
export const RoundParams = Type.Object({ roundId: uuid });
export const RoundSectionParams = Type.Object({ roundId: uuid, sectionId: uuid });
export const PlanParams = Type.Object({ planId: uuid });
export const PlanSectionParams = Type.Object({ planId: uuid, sectionId: uuid });
export const field = FormText(25_000);
export const view = (name: string) => `features/la-plans/views/${name}.njk`;

export type PlanAccess = { plan: repo.PlanWithContext; can: PlanCan; laName: string; roundTitle: string };

export const localName = (lang: string, en: string, cy: string) => (lang === 'cy' ? cy : en);

/**
 * The plan in the URL and what this user may do with it: 404 unless they may read it (another LA's
 * draft does not exist for them), 403 when they may read it but not do `need`. WG's comments are
 * for the LA's own staff and WG, not for other LAs reading a shared final plan.
 */
export async function planAccess(db: Db, request: FastifyRequest, planId: string, need?: keyof PlanCan): Promise<PlanAccess> {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw new HttpError(404, 'not-found');
  const can = planCan(request.user, { laCode: plan.laCode, state: plan.state, sharedWithLas: plan.sharedWithLas });
  if (!can.view) throw new HttpError(404, 'not-found');
  if (need && !can[need]) throw new HttpError(403, 'forbidden');
  return {
    plan,
    can,
    laName: localName(request.lang, plan.laNameEn, plan.laNameCy),
    roundTitle: localName(request.lang, plan.round.titleEn, plan.round.titleCy),
  };
}

export type RoundContext = { round: repo.Round; roundTitle: string };

/** A planning round: Welsh Government's alone (LA staff are refused, strangers never get here: plans.read). */
export async function roundAccess(db: Db, request: FastifyRequest, roundId: string): Promise<RoundContext> {
  if (!wgCan(request.user).openRounds) throw new HttpError(403, 'forbidden');
  const round = await repo.findRound(db, roundId);
  if (!round) throw new HttpError(404, 'not-found');
  return { round, roundTitle: localName(request.lang, round.titleEn, round.titleCy) };
}

/** The page model every plan page shares. */
export function planModel(access: PlanAccess) {
  return { plan: access.plan, planCan: access.can, laName: access.laName, roundTitle: access.roundTitle, base: `/plans/${access.plan.id}` };
}

/** The deadline in words: due in n days, due today, or n days past (what "late" means). */
export function deadlineStatus(deadline: string, now: Date) {
  const end = new Date(`${deadline}T23:59:59.999Z`);
  const days = Math.ceil((end.getTime() - now.getTime()) / 86_400_000) - 1;
  return { passed: end < now, days: Math.abs(days) };
}

/** Late: submitted after the deadline, or still not submitted once it has passed. */
export function isLate(deadline: string, submittedAt: Date | null, now: Date) {
  const end = new Date(`${deadline}T23:59:59.999Z`);
  return submittedAt ? submittedAt > end : now > end;
}
