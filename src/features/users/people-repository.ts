// The SQL of the people pages: the roles held at a place, one assignment, and the CSV uploads held
// between preview and apply. The place's roles are PAGE_ROLES (src/policy/people-policy.ts).
import { and, asc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { peopleUploads, roleAssignments, schools, users } from '../../db/schema/index.ts';
import type { PeoplePlace } from '../../policy/people-policy.ts';

/** An assignment as the people pages and the end-roles job read it. */
const ASSIGNMENT = {
  id: roleAssignments.id,
  userId: roleAssignments.userId,
  role: roleAssignments.role,
  scopeType: roleAssignments.scopeType,
  scopeId: roleAssignments.scopeId,
  endsOn: roleAssignments.endsOn,
};

/** The assignments a place's people page shows: its staff and governors, its LA staff and headteachers, WG. */
function atPlace(place: PeoplePlace): SQL {
  const ra = roleAssignments;
  switch (place.kind) {
    case 'school': {
      const staff = and(
        eq(ra.scopeType, 'school'),
        eq(ra.scopeId, place.school.number),
        inArray(ra.role, ['school_leader', 'practitioner']),
      );
      const governors = place.school.governingBodyId
        ? and(eq(ra.scopeType, 'governing_body'), eq(ra.scopeId, place.school.governingBodyId), eq(ra.role, 'governor'))
        : undefined;
      return or(staff, governors)!;
    }
    case 'la':
      return or(
        and(
          eq(ra.scopeType, 'la'),
          eq(ra.scopeId, place.laCode),
          inArray(ra.role, ['improvement_partner', 'la_officer']),
        ),
        and(
          eq(ra.scopeType, 'school'),
          eq(ra.role, 'headteacher'),
          sql`${ra.scopeId} in (select ${schools.number} from ${schools} where ${schools.laCode} = ${place.laCode})`,
        ),
      )!;
    case 'national':
      return and(eq(ra.scopeType, 'national'), eq(ra.role, 'wg_official'))!;
  }
}

/** Everyone holding a role at the place, one row per role, ended ones included (the page says so). */
export async function listPeopleAt(db: Db, place: PeoplePlace) {
  return db
    .select({
      assignmentId: roleAssignments.id,
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      active: users.active,
      role: roleAssignments.role,
      scopeId: roleAssignments.scopeId,
      endsOn: roleAssignments.endsOn,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(atPlace(place))
    .orderBy(asc(users.displayName), asc(users.email), asc(roleAssignments.role), asc(roleAssignments.scopeId));
}

/** One person's roles at the place (never their roles anywhere else), or null when they hold none here. */
export async function findPersonAt(db: Db, place: PeoplePlace, userId: string) {
  const rows = await db
    .select({
      assignmentId: roleAssignments.id,
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      role: roleAssignments.role,
      scopeType: roleAssignments.scopeType,
      scopeId: roleAssignments.scopeId,
      endsOn: roleAssignments.endsOn,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.userId, userId), atPlace(place)))
    .orderBy(asc(roleAssignments.role), asc(roleAssignments.scopeId));
  if (rows.length === 0) return null;
  const { displayName, email } = rows[0]!;
  return { userId, displayName, email, assignments: rows };
}

/** One assignment, if it is held at the place. */
export async function findAssignmentAt(db: Db, place: PeoplePlace, userId: string, assignmentId: string) {
  const [row] = await db
    .select(ASSIGNMENT)
    .from(roleAssignments)
    .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId), atPlace(place)));
  return row ?? null;
}

/** Adds the role, or, when the person already holds it, sets its end date; the row as it was before, if any. */
export async function upsertAssignment(
  db: Db,
  values: { userId: string; role: string; scopeType: string; scopeId: string | null; endsOn: string | null },
) {
  const [before] = await db
    .select({ id: roleAssignments.id, endsOn: roleAssignments.endsOn })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, values.userId),
        eq(roleAssignments.role, values.role),
        eq(roleAssignments.scopeType, values.scopeType),
        values.scopeId === null ? isNull(roleAssignments.scopeId) : eq(roleAssignments.scopeId, values.scopeId),
      ),
    )
    .for('update');
  if (before) {
    await db.update(roleAssignments).set({ endsOn: values.endsOn }).where(eq(roleAssignments.id, before.id));
    return before;
  }
  await db.insert(roleAssignments).values(values);
  return null;
}

export async function setEndsOn(db: Db, assignmentId: string, endsOn: string | null) {
  await db.update(roleAssignments).set({ endsOn }).where(eq(roleAssignments.id, assignmentId));
}

export async function deleteAssignmentById(db: Db, assignmentId: string) {
  await db.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
}

export async function findSchoolInLa(db: Db, number: string, laCode: string) {
  const [row] = await db
    .select({ number: schools.number, laCode: schools.laCode, governingBodyId: schools.governingBodyId })
    .from(schools)
    .where(and(eq(schools.number, number), eq(schools.laCode, laCode)));
  return row ?? null;
}

export async function insertUpload(db: Db, values: { userId: string; place: string; rows: unknown; createdAt: Date }) {
  const [row] = await db.insert(peopleUploads).values(values).returning({ id: peopleUploads.id });
  return row!.id;
}

/** An upload of this person's, for this place, not older than `since`. */
export async function findUpload(db: Db, id: string, userId: string, place: string, since: Date) {
  const [row] = await db
    .select({ id: peopleUploads.id, rows: peopleUploads.rows })
    .from(peopleUploads)
    .where(
      and(
        eq(peopleUploads.id, id),
        eq(peopleUploads.userId, userId),
        eq(peopleUploads.place, place),
        gte(peopleUploads.createdAt, since),
      ),
    );
  return row ?? null;
}

/** Removes the upload, and any of this person's left over past `since`. */
export async function deleteUploads(db: Db, userId: string, id: string, since: Date) {
  await db
    .delete(peopleUploads)
    .where(and(eq(peopleUploads.userId, userId), or(eq(peopleUploads.id, id), lt(peopleUploads.createdAt, since))));
}

/** Role assignments whose end date is before `today` (YYYY-MM-DD in Wales). */
export async function assignmentsEndedBefore(db: Db, today: string) {
  return db.select(ASSIGNMENT).from(roleAssignments).where(lt(roleAssignments.endsOn, today));
}
