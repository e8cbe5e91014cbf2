// The LA scope: an LA's own area (its local picture, self-evaluation, learning records, brokering
// and schools causing concern). Pure: the loader in src/access/loaders reads the LA, this decides.
import { holdsScope } from './policy.ts';
import type { CurrentUser } from './roles.ts';
import { managesPeopleAt } from './people-policy.ts';

/** LAs in which the user works as LA staff (officers and improvement partners). */
export function laStaffCodes(user: CurrentUser | null): string[] {
  return (user?.assignments ?? [])
    .filter((a) => (a.role === 'la_officer' || a.role === 'improvement_partner') && a.scopeId)
    .map((a) => a.scopeId!);
}

/** Is the user one of this LA's staff (an officer or an improvement partner)? */
export const servesLa = (user: CurrentUser | null, laCode: string) =>
  holdsScope(user, 'la_officer', laCode) || holdsScope(user, 'improvement_partner', laCode);

/**
 * What a user may do in an LA's own area (DOMAIN.md sections 6 and 7). Staff (officers and
 * improvement partners) see the local picture, which is built only from what schools shared;
 * officers run the LA's self-evaluation and record professional learning; schools causing concern
 * are for officers alone (rule 6: never in collaborative views, never to improvement partners).
 */
export function laCan(user: CurrentUser | null, laCode: string) {
  const officer = holdsScope(user, 'la_officer', laCode);
  const staff = servesLa(user, laCode);
  return {
    staff,
    officer,
    // The LA's self-evaluation, plan and impact: officers write, improvement partners read.
    editSelfEvaluation: officer,
    // Agreeing a brokered match on the LA's behalf.
    broker: staff,
    recordLearning: officer,
    concern: officer,
    // Its people page (people-policy.ts): officers add headteachers, improvement partners and officers.
    managePeople: managesPeopleAt(user, { kind: 'la', laCode }) && officer,
  };
}
export type LaCan = ReturnType<typeof laCan>;
