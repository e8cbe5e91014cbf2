// Whether a person may still open an action they were chosen to lead, as SQL conditions (issue 13):
// the rules of the policy of the record the action is in, re-checked every time an action is listed
// as theirs (My actions, the home) or reminded of (the daily scan). `person` is a user id, or the
// column holding the owner when a query covers every owner at once. For a person whose role
// assignments are in hand (the signed-in reader), `reachOf` says the same with their places as lists.
import { inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ActionTable } from '../notifications/action-params.ts';
import type { Role, RoleAssignment } from '../policy/roles.ts';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  collaborativeFacilitators,
  collaborativeMembers,
  collaboratives,
  concernCases,
  laCycles,
  priorities,
  roleAssignments,
  schools,
  users,
} from '../db/schema/index.ts';

export type Person = string | AnyPgColumn;

const SCHOOL_STAFF = ['headteacher', 'school_leader', 'practitioner'];

const holds = (person: Person, roles: string[], scopeId: SQL | AnyPgColumn): SQL =>
  sql`exists (select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${person}
    and ${inArray(roleAssignments.role, roles)} and ${roleAssignments.scopeId} = ${scopeId})`;

/** The account is still active (an owner who has left is not reminded). */
export const isActive = (person: Person): SQL =>
  sql`exists (select 1 from ${users} where ${users.id} = ${person} and ${users.active})`;

/** A school plan action (joined to `priorities`): the school's staff (school-policy.ts). */
export const mayOpenPlanAction = (person: Person): SQL => holds(person, SCHOOL_STAFF, priorities.schoolNumber);

/**
 * A meeting action (joined to `collaboratives`): the collaborative's working space
 * (collaborative-policy.ts `space`): its lead, its facilitators and the staff of its member schools.
 */
export const mayOpenMeetingAction = (person: Person): SQL =>
  or(
    holds(person, ['collaborative_lead'], sql`${collaboratives.id}::text`),
    sql`exists (select 1 from ${collaborativeFacilitators} where ${collaborativeFacilitators.collaborativeId} = ${collaboratives.id}
      and ${collaborativeFacilitators.userId} = ${person})`,
    sql`exists (select 1 from ${collaborativeMembers} join ${roleAssignments}
      on ${roleAssignments.scopeId} = ${collaborativeMembers.schoolNumber}
      where ${collaborativeMembers.collaborativeId} = ${collaboratives.id} and ${roleAssignments.userId} = ${person}
      and ${inArray(roleAssignments.role, SCHOOL_STAFF)})`,
  )!;

/** An LA plan action (joined to `la_cycles`): the LA's staff (la-policy.ts). */
export const mayOpenLaAction = (person: Person): SQL =>
  holds(person, ['la_officer', 'improvement_partner'], laCycles.laCode);

/**
 * A concern case's support item (joined to `concern_cases` and the case's `schools`): who may open
 * the case (concern-case-policy.ts `view`), restricted: the LA's officers, the school's headteacher
 * and its chair of governors.
 */
export const mayOpenConcernItem = (person: Person): SQL =>
  or(
    holds(person, ['la_officer'], concernCases.laCode),
    holds(person, ['headteacher'], concernCases.schoolNumber),
    holds(person, ['chair_of_governors'], schools.governingBodyId),
  )!;

/**
 * The rules above for one person whose role assignments are in hand (the signed-in reader, this
 * request): their schools, LAs, collaboratives and governing bodies as lists, so the query has
 * almost nothing to plan (planning the sub-queries above cost PGlite ten times running them).
 * Absent for a kind of action they may open none of. Facilitating a collaborative is not a role,
 * so it is still asked of the table.
 */
export function reachOf(person: {
  id: string;
  assignments: readonly RoleAssignment[];
}): Partial<Record<ActionTable, SQL>> {
  const scopes = (roles: Role[]) =>
    person.assignments.filter((a) => roles.includes(a.role) && a.scopeId).map((a) => a.scopeId!);
  const staffOf = scopes(SCHOOL_STAFF as Role[]);
  const laStaffOf = scopes(['la_officer', 'improvement_partner']);
  const officerOf = scopes(['la_officer']);
  const headOf = scopes(['headteacher']);
  const chairOf = scopes(['chair_of_governors']);
  const leadOf = scopes(['collaborative_lead']);
  const reach: Partial<Record<ActionTable, SQL>> = {
    meeting: or(
      leadOf.length ? inArray(sql`${collaboratives.id}::text`, leadOf) : undefined,
      sql`exists (select 1 from ${collaborativeFacilitators} where ${collaborativeFacilitators.collaborativeId} = ${collaboratives.id}
        and ${collaborativeFacilitators.userId} = ${person.id})`,
      staffOf.length
        ? sql`exists (select 1 from ${collaborativeMembers} where ${collaborativeMembers.collaborativeId} = ${collaboratives.id}
        and ${inArray(collaborativeMembers.schoolNumber, staffOf)})`
        : undefined,
    )!,
  };
  if (staffOf.length) reach.plan = inArray(priorities.schoolNumber, staffOf);
  if (laStaffOf.length) reach.la = inArray(laCycles.laCode, laStaffOf);
  const concern = or(
    officerOf.length ? inArray(concernCases.laCode, officerOf) : undefined,
    headOf.length ? inArray(concernCases.schoolNumber, headOf) : undefined,
    chairOf.length ? inArray(schools.governingBodyId, chairOf) : undefined,
  );
  if (concern) reach.concern = concern;
  return reach;
}
