// The governing-body scope: a school's governing body (DOMAIN.md section 2: governors, the chair
// and the clerk hold their role in the governing body, not in the school). The school's own pages
// stay in the school scope (school-policy.ts); this decides what is the governing body's to read and to do.
import { holdsScope } from './policy.ts';
import { governsSchool, staffRole, type SchoolContext } from './school-policy.ts';
import { GOVERNING_BODY_ROLES, type CurrentUser } from './roles.ts';

/** What the loader found about this reader beyond their roles: a delegation the body recorded. */
export type GoverningBodyFacts = { delegatedToApprove: boolean };

/** What a user may do as, or for, this school's governing body; school pages get this as `governingBodyCan`. */
export function governingBodyCan(
  user: CurrentUser | null,
  school: SchoolContext,
  facts: GoverningBodyFacts = { delegatedToApprove: false },
) {
  const member = governsSchool(user, school);
  const body = school.governingBodyId;
  const chair = !!body && holdsScope(user, 'chair_of_governors', body);
  const clerk = !!body && holdsScope(user, 'clerk', body);
  const delegated = !!body && holdsScope(user, 'governor', body) && facts.delegatedToApprove;
  return {
    // A governor, the chair or the clerk of this school's governing body.
    member,
    // What the school shared with its governors (the 'governors' audience: audiencesFor).
    readShared: member,
    // Revisions of the plan are kept for the governing body: its members read them, and so do the
    // school's staff who prepare them. A revision freezes priorities not otherwise shared.
    readRevisions: member || staffRole(user, school) !== null,
    // Recording the body's approval of the latest revision, as resolved at a meeting: its chair,
    // its clerk, or a governor the body delegated to record it.
    approvePlan: chair || clerk || delegated,
    // Naming (and un-naming) the governors delegated to record the approval: the chair or the clerk.
    delegateApproval: chair || clerk,
    // Governors' questions and comments (governor-question-policy.ts): the body asks, the school's
    // staff read them and its leaders answer; the list of them is for both.
    questions: member || staffRole(user, school) !== null,
  };
}
export type GoverningBodyCan = ReturnType<typeof governingBodyCan>;

/** The governing bodies a person sits on (or clerks). */
export function governingBodyIds(user: CurrentUser | null): string[] {
  return (user?.assignments ?? [])
    .filter((a) => GOVERNING_BODY_ROLES.includes(a.role) && a.scopeId)
    .map((a) => a.scopeId!);
}
