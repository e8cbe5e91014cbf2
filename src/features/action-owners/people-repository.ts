// The people an action may be assigned to: those who can see it (issue 13). Each list mirrors the
// policy that decides who opens the thing (src/policy), so an owner can always open their action.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collaborativeFacilitators,
  collaborativeMembers,
  concernCases,
  roleAssignments,
  schools,
  users,
} from '../../db/schema/index.ts';
import type { Person } from './owner-choice.ts';

const SCHOOL_STAFF = ['headteacher', 'school_leader', 'practitioner'];

async function activeWhere(db: Db, condition: ReturnType<typeof and>): Promise<Person[]> {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(users.active, true), condition))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** A school's staff: who sees its development plan (school-policy.ts `staff`). */
export function schoolStaff(db: Db, schoolNumber: string): Promise<Person[]> {
  return activeWhere(
    db,
    and(
      eq(roleAssignments.scopeType, 'school'),
      eq(roleAssignments.scopeId, schoolNumber),
      inArray(roleAssignments.role, SCHOOL_STAFF),
    ),
  );
}

/** An LA's staff (officers and improvement partners): who sees its self-evaluation and plan. */
export function laStaff(db: Db, laCode: string): Promise<Person[]> {
  return activeWhere(
    db,
    and(
      eq(roleAssignments.scopeType, 'la'),
      eq(roleAssignments.scopeId, laCode),
      inArray(roleAssignments.role, ['la_officer', 'improvement_partner']),
    ),
  );
}

/** A collaborative's space: its member schools' staff, its lead and its facilitators. */
export function collaborativePeople(db: Db, collaborativeId: string): Promise<Person[]> {
  const memberSchools = db
    .select({ n: collaborativeMembers.schoolNumber })
    .from(collaborativeMembers)
    .where(eq(collaborativeMembers.collaborativeId, collaborativeId));
  const facilitators = db
    .select({ id: collaborativeFacilitators.userId })
    .from(collaborativeFacilitators)
    .where(eq(collaborativeFacilitators.collaborativeId, collaborativeId));
  return activeWhere(
    db,
    or(
      and(
        eq(roleAssignments.scopeType, 'school'),
        inArray(roleAssignments.scopeId, memberSchools),
        inArray(roleAssignments.role, SCHOOL_STAFF),
      ),
      and(eq(roleAssignments.role, 'collaborative_lead'), eq(roleAssignments.scopeId, collaborativeId)),
      inArray(users.id, facilitators),
    ),
  );
}

/** Who may open a concern case (concern-case-policy.ts): the LA's officers, the headteacher, the chair. */
export async function concernCasePeople(db: Db, caseId: string): Promise<Person[]> {
  const [found] = await db
    .select({ laCode: concernCases.laCode, schoolNumber: concernCases.schoolNumber, gb: schools.governingBodyId })
    .from(concernCases)
    .innerJoin(schools, eq(schools.number, concernCases.schoolNumber))
    .where(eq(concernCases.id, caseId));
  if (!found) return [];
  return activeWhere(
    db,
    or(
      and(eq(roleAssignments.role, 'la_officer'), eq(roleAssignments.scopeId, found.laCode)),
      and(eq(roleAssignments.role, 'headteacher'), eq(roleAssignments.scopeId, found.schoolNumber)),
      found.gb
        ? and(eq(roleAssignments.role, 'chair_of_governors'), eq(roleAssignments.scopeId, found.gb))
        : sql`false`,
    ),
  );
}
