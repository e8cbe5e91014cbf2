import type { Audience } from '../reference/reference-data.ts';
import { GOVERNING_BODY_ROLES, type CurrentUser } from './roles.ts';
import { managesPeopleAt } from './people-policy.ts';

/** What a school-level decision needs to know about the school. */
export type SchoolContext = { number: string; name: string; laCode: string; governingBodyId: string | null };

export type StaffRole = 'headteacher' | 'school_leader' | 'practitioner';

export function staffRole(user: CurrentUser | null, school: SchoolContext): StaffRole | null {
  const roles = (user?.assignments ?? [])
    .filter((a) => a.scopeType === 'school' && a.scopeId === school.number)
    .map((a) => a.role);
  if (roles.includes('headteacher')) return 'headteacher';
  if (roles.includes('school_leader')) return 'school_leader';
  if (roles.includes('practitioner')) return 'practitioner';
  return null;
}

export function governsSchool(user: CurrentUser | null, school: SchoolContext): boolean {
  return (
    !!school.governingBodyId &&
    !!user?.assignments.some((a) => GOVERNING_BODY_ROLES.includes(a.role) && a.scopeId === school.governingBodyId)
  );
}

export function servesSchoolLa(user: CurrentUser | null, school: SchoolContext): boolean {
  return !!user?.assignments.some(
    (a) => (a.role === 'la_officer' || a.role === 'improvement_partner') && a.scopeId === school.laCode,
  );
}

/**
 * The audiences whose shared items this user may read for this school (school staff read
 * everything, which is not an audience). Everyone signed in reads what was made public.
 */
export function audiencesFor(user: CurrentUser | null, school: SchoolContext): Audience[] {
  const audiences: Audience[] = ['public'];
  if (governsSchool(user, school)) audiences.push('governors');
  if (servesSchoolLa(user, school)) audiences.push('la');
  return audiences;
}

/**
 * Everything a user may do in a school's improvement area; views get this as `schoolCan`. Its
 * governors see the area (viewArea); what is theirs as the governing body is governing-body-policy.ts.
 */
export function schoolCan(user: CurrentUser | null, school: SchoolContext) {
  const role = staffRole(user, school);
  const leader = role === 'headteacher' || role === 'school_leader';
  return {
    staff: role !== null,
    readPrivate: role !== null,
    addEvidence: role !== null,
    edit: leader,
    curate: leader,
    // DOMAIN.md section 7 rule 2: the headteacher widens sharing; anyone who can edit narrows it.
    widenSharing: role === 'headteacher',
    narrowSharing: leader,
    localAuthority: servesSchoolLa(user, school),
    viewArea: role !== null || governsSchool(user, school) || servesSchoolLa(user, school),
    // Its people page (people-policy.ts): the headteacher adds and removes staff and governors.
    managePeople: role === 'headteacher' && managesPeopleAt(user, { kind: 'school', school }),
  };
}
export type SchoolCan = ReturnType<typeof schoolCan>;
