import { holdsScope } from './policy.ts';
import type { CurrentUser } from './roles.ts';

/** What the policy needs to know of a case study: who published it (a school or an LA) and its state. */
export type CaseStudyScope = { schoolNumber: string | null; laCode: string | null; status: string };

/**
 * Good practice (DOMAIN.md section 6). A school's headteacher and school leaders write its case
 * studies; an LA's officers write the LA's. Publishing is the headteacher's (or, for an LA, an
 * officer's) act. Published case studies are for anyone signed in; drafts only for their writers.
 */
export function caseStudyCan(user: CurrentUser | null, cs: CaseStudyScope) {
  const school = cs.schoolNumber;
  const edit = school
    ? holdsScope(user, 'headteacher', school) || holdsScope(user, 'school_leader', school)
    : !!cs.laCode && holdsScope(user, 'la_officer', cs.laCode);
  const publisher = school
    ? holdsScope(user, 'headteacher', school)
    : !!cs.laCode && holdsScope(user, 'la_officer', cs.laCode);
  const published = cs.status === 'published';
  return {
    view: (!!user && published) || edit,
    edit,
    publish: publisher && !published,
    unpublish: publisher && published,
  };
}
export type CaseStudyCan = ReturnType<typeof caseStudyCan>;
