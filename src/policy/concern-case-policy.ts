// The concern-case scope: one school causing concern (DOMAIN.md section 7 rule 6: restricted).
import { holdsScope } from './policy.ts';
import type { CurrentUser } from './roles.ts';

/** What the policy needs to know of a case: its LA, its school and the school's governing body. */
export type ConcernScope = { laCode: string; schoolNumber: string; governingBodyId: string | null };

/** A concern case: the LA's officers manage it; the school's headteacher and chair of governors read it. */
export function concernCaseCan(user: CurrentUser | null, c: ConcernScope) {
  const officer = holdsScope(user, 'la_officer', c.laCode);
  const headteacher = holdsScope(user, 'headteacher', c.schoolNumber);
  const chair = !!c.governingBodyId && holdsScope(user, 'chair_of_governors', c.governingBodyId);
  return { view: officer || headteacher || chair, manage: officer, school: headteacher || chair };
}
export type ConcernCaseCan = ReturnType<typeof concernCaseCan>;
