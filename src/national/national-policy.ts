import { hasRole, holdsScope } from '../policy/policy.ts';
import type { CurrentUser } from '../policy/roles.ts';

const laStaff = (user: CurrentUser | null, laCode: string) => holdsScope(user, 'la_officer', laCode) || holdsScope(user, 'improvement_partner', laCode);

/** Welsh Government: aggregates, planning rounds and national publications; never a school's items (rule 3). */
export function wgCan(user: CurrentUser | null) {
  const wg = hasRole(user, 'wg_official');
  return { read: wg, openRounds: wg, publish: wg, comment: wg, markFinal: wg };
}

export type PlanScope = { laCode: string; state: string; sharedWithLas: boolean };
const EDITABLE = ['draft', 'in_discussion'];

/**
 * An LA's plan in a planning round. Its LA's officers draft and submit it, its improvement partners
 * read it; WG reads it once submitted, comments and marks it final; a final plan the LA chose to
 * share is read by every LA's officers (DOMAIN.md section 6: LAs agreed to share their plans).
 */
export function planCan(user: CurrentUser | null, plan: PlanScope) {
  const officer = holdsScope(user, 'la_officer', plan.laCode);
  const wg = hasRole(user, 'wg_official');
  const sharedFinal = plan.state === 'final' && plan.sharedWithLas && hasRole(user, 'la_officer');
  return {
    view: laStaff(user, plan.laCode) || (wg && plan.state !== 'draft') || sharedFinal,
    edit: officer && EDITABLE.includes(plan.state),
    submit: officer && EDITABLE.includes(plan.state),
    share: officer && plan.state === 'final',
    comment: wg && plan.state !== 'draft' && plan.state !== 'final',
    markFinal: wg && plan.state === 'submitted',
  };
}
export type PlanCan = ReturnType<typeof planCan>;

export type PartnershipScope = { id: string; laCodes: readonly string[] };

/** An LA partnership: its member LAs' staff and its coordinators see it; member LAs' officers manage it. */
export function partnershipCan(user: CurrentUser | null, p: PartnershipScope) {
  const manage = p.laCodes.some((code) => holdsScope(user, 'la_officer', code));
  const coordinator = holdsScope(user, 'partnership_coordinator', p.id);
  return { view: manage || coordinator || p.laCodes.some((code) => laStaff(user, code)) || hasRole(user, 'wg_official'), manage, coordinator };
}
export type PartnershipCan = ReturnType<typeof partnershipCan>;
