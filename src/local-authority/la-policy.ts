import { holdsScope } from '../policy/policy.ts';
import type { CurrentUser } from '../policy/roles.ts';

/** LAs in which the user works as LA staff (officers and improvement partners). */
export function laStaffCodes(user: CurrentUser | null): string[] {
  return (user?.assignments ?? []).filter((a) => (a.role === 'la_officer' || a.role === 'improvement_partner') && a.scopeId).map((a) => a.scopeId!);
}

/**
 * What a user may do in an LA's own area (DOMAIN.md sections 6 and 7). Staff (officers and
 * improvement partners) see the local picture, which is built only from what schools shared;
 * officers run the LA's self-evaluation and record professional learning; schools causing concern
 * are for officers alone (rule 6: never in collaborative views, never to improvement partners).
 */
export function laCan(user: CurrentUser | null, laCode: string) {
  const officer = holdsScope(user, 'la_officer', laCode);
  const staff = officer || holdsScope(user, 'improvement_partner', laCode);
  return {
    staff,
    officer,
    // The LA's self-evaluation, plan and impact: officers write, improvement partners read.
    editSelfEvaluation: officer,
    // Agreeing a brokered match on the LA's behalf.
    broker: staff,
    recordLearning: officer,
    concern: officer,
  };
}
export type LaCan = ReturnType<typeof laCan>;

/** A concern case: the LA's officers, and the school's headteacher and chair of governors. */
export type ConcernScope = { laCode: string; schoolNumber: string; governingBodyId: string | null };

export function concernCaseCan(user: CurrentUser | null, c: ConcernScope) {
  const officer = holdsScope(user, 'la_officer', c.laCode);
  const headteacher = holdsScope(user, 'headteacher', c.schoolNumber);
  const chair = !!c.governingBodyId && holdsScope(user, 'chair_of_governors', c.governingBodyId);
  return { view: officer || headteacher || chair, manage: officer, school: headteacher || chair };
}
export type ConcernCaseCan = ReturnType<typeof concernCaseCan>;
