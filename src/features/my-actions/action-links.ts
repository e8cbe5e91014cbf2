// Whether an assigned action's link opens for its owner, decided by the policy of the record it is in
// (canOpen's `given`): the My actions page and the home's list of them ask the same way.
import { collaborativeCan } from '../../policy/collaborative-policy.ts';
import { concernCaseCan } from '../../policy/concern-case-policy.ts';
import { laCan } from '../../policy/la-policy.ts';
import type { CurrentUser } from '../../policy/roles.ts';
import { schoolCan } from '../../policy/school-policy.ts';
import type { AssignedAction } from './my-actions-repository.ts';

/** The `can` of the record each action's link names, decided by that record's own policy (canOpen's `given`). */
export function givenFor(user: CurrentUser, a: AssignedAction): Record<string, object> {
  const s = a.scope;
  if (s.kind === 'plan') return { school: schoolCan(user, s.school) };
  if (s.kind === 'meeting') return { collaborative: collaborativeCan(user, s.collaborative) };
  if (s.kind === 'la') return { la: laCan(user, s.laCode) };
  return { concernCase: concernCaseCan(user, s) };
}
