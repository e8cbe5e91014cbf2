// Whether an assigned action's link opens for its owner, decided by the policy of the record it is in
// (canOpen's `given`): the My actions page and the home's list of them ask the same way.
import type { ActionRow } from '../../actions/action-rows-repository.ts';
import { collaborativeCan } from '../../policy/collaborative-policy.ts';
import { concernCaseCan } from '../../policy/concern-case-policy.ts';
import { laCan } from '../../policy/la-policy.ts';
import type { CurrentUser } from '../../policy/roles.ts';
import { schoolCan } from '../../policy/school-policy.ts';

/** The `can` of the record each action's link names, decided by that record's own policy (canOpen's `given`). */
export function givenFor(user: CurrentUser, a: ActionRow): Record<string, object> {
  const laCode = a.laCode ?? '';
  const schoolNumber = a.schoolNumber ?? '';
  switch (a.kind) {
    case 'plan':
      return {
        school: schoolCan(user, {
          number: schoolNumber,
          name: a.place.en,
          laCode,
          governingBodyId: a.governingBodyId,
        }),
      };
    case 'meeting': {
      const c = a.collaborative ?? { memberSchools: [], memberLaCodes: [], facilitatorIds: [] };
      return {
        collaborative: collaborativeCan(user, { id: a.collaborativeId ?? '', laCode: a.laCode, ...c }),
      };
    }
    case 'la':
      return { la: laCan(user, laCode) };
    case 'concern':
      return { concernCase: concernCaseCan(user, { laCode, schoolNumber, governingBodyId: a.governingBodyId }) };
  }
}
