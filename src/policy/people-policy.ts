// Who runs whose people (issue 14): schools and LAs give and take away their own roles, so an
// administrator is not needed for every new practitioner. The one rule, for every page that grants,
// changes or removes a role (the people pages, their CSV upload): may this actor grant this role at
// this place? Changing an end date or removing a role is the same question about the assignment's
// place. Pure: the people service asks it, the scope policies build their `managePeople` on it.
import { hasRole, holdsScope } from './policy.ts';
import type { CurrentUser, Role } from './roles.ts';
import type { SchoolContext } from './school-policy.ts';

/** Where a role is held: a school (and its governing body), an LA, or Wales. */
export type PeoplePlace =
  | { kind: 'school'; school: Pick<SchoolContext, 'number' | 'laCode' | 'governingBodyId'> }
  | { kind: 'la'; laCode: string }
  | { kind: 'national' };

/**
 * The roles each place's people page manages. A school's: its staff below the headteacher and its
 * governors (the chair is chosen by the governing body itself, and the clerk appointed by it, so
 * only an administrator records either). An LA's: the headteachers of the schools it maintains, its improvement partners and officers.
 */
export const PAGE_ROLES = {
  school: ['school_leader', 'practitioner', 'governor'],
  la: ['headteacher', 'improvement_partner', 'la_officer'],
  national: ['wg_official'],
} as const satisfies Record<PeoplePlace['kind'], readonly Role[]>;
export type PageRole = (typeof PAGE_ROLES)[keyof typeof PAGE_ROLES][number];

/**
 * The scope id a role takes at a place, or undefined when the role is not held there (a governor
 * at a school with no governing body recorded, an LA role at a school, any role at the wrong place).
 */
export function scopeIdAt(role: Role, place: PeoplePlace): string | null | undefined {
  switch (role) {
    case 'headteacher':
    case 'school_leader':
    case 'practitioner':
      return place.kind === 'school' ? place.school.number : undefined;
    case 'governor':
    case 'chair_of_governors':
    case 'clerk':
      return place.kind === 'school' ? (place.school.governingBodyId ?? undefined) : undefined;
    case 'improvement_partner':
    case 'la_officer':
      return place.kind === 'la' ? place.laCode : undefined;
    case 'wg_official':
      return place.kind === 'national' ? null : undefined;
    default:
      // Collaborative leads, partnership coordinators and administrators are held elsewhere.
      return undefined;
  }
}

/** May the actor grant (and so change or remove) `role` at `place`? */
export function mayGrant(actor: CurrentUser | null, role: Role, place: PeoplePlace): boolean {
  if (!actor || scopeIdAt(role, place) === undefined) return false;
  if (hasRole(actor, 'administrator')) return true;
  switch (place.kind) {
    case 'school':
      if (role === 'headteacher') return holdsScope(actor, 'la_officer', place.school.laCode);
      return (
        (role === 'school_leader' || role === 'practitioner' || role === 'governor') &&
        holdsScope(actor, 'headteacher', place.school.number)
      );
    case 'la':
      return holdsScope(actor, 'la_officer', place.laCode);
    case 'national':
      return hasRole(actor, 'wg_official');
  }
}

/**
 * May the actor change or remove this holder's role? As granting it, but never their own: no one
 * ends their own access by a slip, or lengthens it.
 */
export function mayRevoke(actor: CurrentUser | null, holderId: string, role: Role, place: PeoplePlace): boolean {
  return !!actor && actor.id !== holderId && mayGrant(actor, role, place);
}

/** May the actor open a place's people page: can they grant any of the roles held at that place? */
export function managesPeopleAt(actor: CurrentUser | null, place: PeoplePlace): boolean {
  return PAGE_ROLES[place.kind].some((role) => mayGrant(actor, role, place));
}
