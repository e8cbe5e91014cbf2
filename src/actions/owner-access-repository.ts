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

/** A reader's places of each kind, as lists: the values of `readerReach`'s placeholders. */
export function reachValues(person: { id: string; assignments: readonly RoleAssignment[] }) {
  const scopes = (roles: Role[]) =>
    person.assignments.filter((a) => roles.includes(a.role) && a.scopeId).map((a) => a.scopeId!);
  return {
    userId: person.id,
    staffOf: scopes(SCHOOL_STAFF as Role[]),
    laStaffOf: scopes(['la_officer', 'improvement_partner']),
    officerOf: scopes(['la_officer']),
    headOf: scopes(['headteacher']),
    chairOf: scopes(['chair_of_governors']),
    leadOf: scopes(['collaborative_lead']),
  };
}

const among = (value: SQL | AnyPgColumn, list: keyof ReturnType<typeof reachValues>) =>
  sql`${value} = any(${sql.placeholder(list)}::text[])`;

/**
 * The rules above for the signed-in reader, whose role assignments are in hand: their schools,
 * LAs, collaboratives and governing bodies as lists (`reachValues`), so the query has almost
 * nothing to plan (planning the sub-queries above cost PGlite ten times running them) and, with
 * placeholders for the lists, is built once for every reader (src/db/reused-query.ts). A list
 * that is empty matches nothing. Facilitating a collaborative is not a role, so it is still asked
 * of the table.
 */
export function readerReach(): Record<ActionTable, SQL> {
  const userId = sql.placeholder('userId');
  return {
    meeting: or(
      among(sql`${collaboratives.id}::text`, 'leadOf'),
      sql`exists (select 1 from ${collaborativeFacilitators} where ${collaborativeFacilitators.collaborativeId} = ${collaboratives.id}
        and ${collaborativeFacilitators.userId} = ${userId}::uuid)`,
      sql`exists (select 1 from ${collaborativeMembers} where ${collaborativeMembers.collaborativeId} = ${collaboratives.id}
        and ${among(collaborativeMembers.schoolNumber, 'staffOf')})`,
    )!,
    plan: among(priorities.schoolNumber, 'staffOf'),
    la: among(laCycles.laCode, 'laStaffOf'),
    concern: or(
      among(concernCases.laCode, 'officerOf'),
      among(concernCases.schoolNumber, 'headOf'),
      among(schools.governingBodyId, 'chairOf'),
    )!,
  };
}
