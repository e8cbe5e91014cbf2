import { Type } from '@sinclair/typebox';
import type { PlanAccess } from '../../access/loaders/plan.ts';
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

export const localName = (lang: string, en: string, cy: string) => (lang === 'cy' ? cy : en);

/** The page model every plan page shares. */
export function planModel(access: PlanAccess) {
  return {
    plan: access.plan,
    planCan: access.can,
    laName: access.laName,
    roundTitle: access.roundTitle,
    base: `/plans/${access.plan.id}`,
  };
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
