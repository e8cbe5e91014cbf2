// The plan scope: an LA's plan in a planning round. The round itself is Welsh Government's alone
// (national-policy.ts: `openRounds`).
import { hasRole, holdsScope } from './policy.ts';
import { servesLa } from './la-policy.ts';
import type { CurrentUser } from './roles.ts';

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
    view: servesLa(user, plan.laCode) || (wg && plan.state !== 'draft') || sharedFinal,
    edit: officer && EDITABLE.includes(plan.state),
    submit: officer && EDITABLE.includes(plan.state),
    share: officer && plan.state === 'final',
    comment: wg && plan.state !== 'draft' && plan.state !== 'final',
    markFinal: wg && plan.state === 'submitted',
    // WG's comments: for the LA's own staff and WG, not for other LAs reading a shared final plan.
    comments: servesLa(user, plan.laCode) || wg,
  };
}
export type PlanCan = ReturnType<typeof planCan>;
