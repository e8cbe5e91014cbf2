// The governing-body scope: a school's governing body (DOMAIN.md section 2: governors and the chair
// hold their role in the governing body, not in the school). The school's own pages stay in the
// school scope (school-policy.ts); this decides what is the governing body's to read and to do.
import { governsSchool, staffRole, type SchoolContext } from './school-policy.ts';
import type { CurrentUser } from './roles.ts';

/** What a user may do as, or for, this school's governing body; school pages get this as `governingBodyCan`. */
export function governingBodyCan(user: CurrentUser | null, school: SchoolContext) {
  const member = governsSchool(user, school);
  return {
    // A governor or the chair of this school's governing body.
    member,
    // What the school shared with its governors (the 'governors' audience: audiencesFor).
    readShared: member,
    // Revisions of the plan are kept for the governing body: its members read them, and so do the
    // school's staff who prepare them. A revision freezes priorities not otherwise shared.
    readRevisions: member || staffRole(user, school) !== null,
    // Approving the latest revision for the governing body.
    approvePlan: member,
    // Governors' questions and comments (governor-question-policy.ts): the body asks, the school's
    // staff read them and its leaders answer; the list of them is for both.
    questions: member || staffRole(user, school) !== null,
  };
}
export type GoverningBodyCan = ReturnType<typeof governingBodyCan>;

/** The governing bodies a person sits on. */
export function governingBodyIds(user: CurrentUser | null): string[] {
  return (user?.assignments ?? [])
    .filter((a) => (a.role === 'governor' || a.role === 'chair_of_governors') && a.scopeId)
    .map((a) => a.scopeId!);
}
