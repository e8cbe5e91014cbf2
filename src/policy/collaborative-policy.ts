import { holdsScope } from './policy.ts';
import type { CurrentUser } from './roles.ts';

/** What the policy needs to know of a collaborative. */
export type CollaborativeScope = {
  id: string;
  laCode: string | null;
  memberLaCodes: readonly string[];
  memberSchools: readonly string[];
  facilitatorIds: readonly string[];
};

const SCHOOL_STAFF = ['headteacher', 'school_leader', 'practitioner'];
const SCHOOL_LEADERS = ['headteacher', 'school_leader'];

function scopesHeld(user: CurrentUser | null, roles: readonly string[]): string[] {
  return (user?.assignments ?? []).filter((a) => roles.includes(a.role) && a.scopeId).map((a) => a.scopeId!);
}

/** LAs whose collaboratives the user manages (LA officers). Partnership coordinators: see `collaborativeCan`. */
export const managedLaCodes = (user: CurrentUser | null) => scopesHeld(user, ['la_officer']);
/** LAs whose collaboratives the user may see (LA officers and improvement partners). */
export const staffLaCodes = (user: CurrentUser | null) => scopesHeld(user, ['la_officer', 'improvement_partner']);
/** Collaboratives the user leads. */
export const ledCollaborativeIds = (user: CurrentUser | null) => scopesHeld(user, ['collaborative_lead']);
/** Schools the user works in (any staff role). */
export const staffSchoolNumbers = (user: CurrentUser | null) => scopesHeld(user, SCHOOL_STAFF);
/** Schools the user leads (headteacher or school leader): they act for the school, e.g. as an enquiry's host. */
export const leaderSchoolNumbers = (user: CurrentUser | null) => scopesHeld(user, SCHOOL_LEADERS);
/** LA partnerships the user coordinates. */
export const coordinatedPartnershipIds = (user: CurrentUser | null) => scopesHeld(user, ['partnership_coordinator']);

/**
 * Record-level rules (DOMAIN.md sections 2, 5 and 7).
 * - manage: LA officers of the owning LA, and coordinators of a partnership that includes it
 *   (`partnershipLaCodes`: the LAs of the partnerships the user coordinates).
 * - space: the collaborative's own working space (what members shared, meetings, progression
 *   sessions, enquiries): staff of member schools, its leads and its LA facilitators. Rule 3: the
 *   LA sees what was shared with collaboratives its staff facilitate, not every collaborative.
 * - view: the collaborative's page (members, leads, facilitators): the above, plus LA staff of
 *   the owning LA or of an LA with a member school.
 * Anyone else is told it does not exist.
 */
export function collaborativeCan(
  user: CurrentUser | null,
  collaborative: CollaborativeScope,
  partnershipLaCodes: readonly string[] = [],
) {
  const owner = collaborative.laCode;
  const manage = !!owner && (holdsScope(user, 'la_officer', owner) || partnershipLaCodes.includes(owner));
  const staffLas = staffLaCodes(user);
  const laStaff =
    (!!owner && staffLas.includes(owner)) || collaborative.memberLaCodes.some((code) => staffLas.includes(code));
  const lead = holdsScope(user, 'collaborative_lead', collaborative.id);
  const facilitator = !!user && collaborative.facilitatorIds.includes(user.id);
  const memberStaff = staffSchoolNumbers(user).some((n) => collaborative.memberSchools.includes(n));
  const hostSchools = leaderSchoolNumbers(user).filter((n) => collaborative.memberSchools.includes(n));
  const space = lead || facilitator || memberStaff;
  return {
    view: manage || laStaff || space,
    manage,
    space,
    lead,
    facilitator,
    // Meetings, their actions and progression sessions: convenors and the leaders of member schools.
    record: lead || facilitator || hostSchools.length > 0,
    // Agreeing an enquiry's facilitator, reviewers and protocol: the collaborative's convenors.
    convene: lead || facilitator,
    // Who hosted, visited, gave and received support: the space, and the LA that facilitates.
    reciprocity: space || laStaff || manage,
    // Member schools this user may act for (propose an enquiry as host, share into the space).
    hostSchools,
  };
}
export type CollaborativeCan = ReturnType<typeof collaborativeCan>;
