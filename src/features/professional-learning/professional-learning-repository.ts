import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collaborativeMembers,
  collaboratives,
  professionalLearningProgrammes,
  professionalLearningRecords,
  roleAssignments,
  schools,
  users,
} from '../../db/schema/index.ts';
import type { Person, RuleInput } from './professional-learning-rule.ts';

const LA_STAFF_ROLES = ['la_officer', 'improvement_partner'];
const SENIOR_ROLES = ['headteacher', 'school_leader'];
const SCHOOL_ROLES = ['headteacher', 'school_leader', 'practitioner'];
// Middle (all-age) schools have a secondary phase, so their senior leadership counts with the secondary schools.
const SECONDARY_SECTORS = ['secondary', 'middle'];

export type Programme = typeof professionalLearningProgrammes.$inferSelect;
export type LearningRecord = {
  id: string;
  userId: string;
  name: string;
  programmeCode: string;
  completedOn: string;
  recordedBy: string | null;
};
/** One role a person holds, with where: the school or collaborative (null for the LA itself). */
export type PersonRole = { userId: string; name: string; role: string; placeEn: string | null; placeCy: string | null };

export const programmes = (db: Db): Promise<Programme[]> =>
  db
    .select()
    .from(professionalLearningProgrammes)
    .orderBy(sql`${professionalLearningProgrammes.required} desc`, asc(professionalLearningProgrammes.nameEn));

const laSchoolNumbers = (db: Db, laCode: string) =>
  db
    .select({ n: schools.number })
    .from(schools)
    .where(and(eq(schools.laCode, laCode), eq(schools.open, true)));
const laCollaborativeIds = (db: Db, laCode: string) =>
  db
    .select({ id: sql<string>`${collaboratives.id}::text` })
    .from(collaboratives)
    .where(and(eq(collaboratives.laCode, laCode), ne(collaboratives.status, 'closed')));

/**
 * The LA's people, each role on its own row: its staff, the staff of its open schools and the
 * leads of its collaboratives that have not closed (active accounts only).
 */
export async function laPeople(db: Db, laCode: string, userId?: string): Promise<PersonRole[]> {
  const base = { userId: users.id, name: users.displayName, role: roleAssignments.role };
  const active = and(eq(users.active, true), userId ? eq(users.id, userId) : undefined);
  const [staff, schoolStaff, leads] = await Promise.all([
    db
      .select({ ...base, placeEn: sql<null>`null`, placeCy: sql<null>`null` })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(active, inArray(roleAssignments.role, LA_STAFF_ROLES), eq(roleAssignments.scopeId, laCode))),
    db
      .select({ ...base, placeEn: schools.name, placeCy: schools.name })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .innerJoin(schools, eq(schools.number, roleAssignments.scopeId))
      .where(
        and(
          active,
          inArray(roleAssignments.role, SCHOOL_ROLES),
          eq(roleAssignments.scopeType, 'school'),
          eq(schools.laCode, laCode),
          eq(schools.open, true),
        ),
      ),
    db
      .select({ ...base, placeEn: collaboratives.nameEn, placeCy: collaboratives.nameCy })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .innerJoin(collaboratives, sql`${collaboratives.id}::text = ${roleAssignments.scopeId}`)
      .where(
        and(
          active,
          eq(roleAssignments.role, 'collaborative_lead'),
          eq(collaboratives.laCode, laCode),
          ne(collaboratives.status, 'closed'),
        ),
      ),
  ]);
  return [...staff, ...schoolStaff, ...leads].sort(
    (a, b) => a.name.localeCompare(b.name, 'en-GB') || a.userId.localeCompare(b.userId),
  );
}

/** The active staff of one school, each role on its own row. */
export function schoolPeople(db: Db, schoolNumber: string, userId?: string): Promise<PersonRole[]> {
  return db
    .select({
      userId: users.id,
      name: users.displayName,
      role: roleAssignments.role,
      placeEn: schools.name,
      placeCy: schools.name,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .innerJoin(schools, eq(schools.number, roleAssignments.scopeId))
    .where(
      and(
        eq(users.active, true),
        inArray(roleAssignments.role, SCHOOL_ROLES),
        eq(roleAssignments.scopeType, 'school'),
        eq(roleAssignments.scopeId, schoolNumber),
        userId ? eq(users.id, userId) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

/** SQL: the user is one of the LA's people (as laPeople lists them). */
function inLa(db: Db, laCode: string): SQL {
  const roles = db.select({ u: roleAssignments.userId }).from(roleAssignments).where(sql`
    (${roleAssignments.role} in ('la_officer', 'improvement_partner') and ${roleAssignments.scopeId} = ${laCode})
    or (${roleAssignments.scopeType} = 'school' and ${roleAssignments.role} in ('headteacher', 'school_leader', 'practitioner') and ${roleAssignments.scopeId} in (${laSchoolNumbers(db, laCode)}))
    or (${roleAssignments.role} = 'collaborative_lead' and ${roleAssignments.scopeId} in (${laCollaborativeIds(db, laCode)}))`);
  return and(inArray(professionalLearningRecords.userId, roles), eq(users.active, true))!;
}

function recordsWhere(db: Db, where: SQL | undefined): Promise<LearningRecord[]> {
  const recorder = sql<
    string | null
  >`(select r.display_name from users r where r.id = ${professionalLearningRecords.recordedBy})`;
  return db
    .select({
      id: professionalLearningRecords.id,
      userId: users.id,
      name: users.displayName,
      programmeCode: professionalLearningRecords.programmeCode,
      completedOn: professionalLearningRecords.completedOn,
      recordedBy: recorder,
    })
    .from(professionalLearningRecords)
    .innerJoin(users, eq(users.id, professionalLearningRecords.userId))
    .where(where)
    .orderBy(asc(users.displayName), asc(professionalLearningRecords.completedOn));
}

/** Completions by the LA's people, of one programme when it is named. */
export const laRecords = (db: Db, laCode: string, programmeCode: string | null) =>
  recordsWhere(
    db,
    and(inLa(db, laCode), programmeCode ? eq(professionalLearningRecords.programmeCode, programmeCode) : undefined),
  );

/** Completions by the active staff of a school. */
export function schoolRecords(db: Db, schoolNumber: string) {
  const staff = db
    .select({ u: roleAssignments.userId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.scopeType, 'school'),
        eq(roleAssignments.scopeId, schoolNumber),
        inArray(roleAssignments.role, SCHOOL_ROLES),
      ),
    );
  return recordsWhere(db, and(inArray(professionalLearningRecords.userId, staff), eq(users.active, true)));
}

/** A person's own completions, for their account page. */
export const completionsOf = (db: Db, userId: string) =>
  db
    .select({
      programmeCode: professionalLearningRecords.programmeCode,
      nameEn: professionalLearningProgrammes.nameEn,
      nameCy: professionalLearningProgrammes.nameCy,
      completedOn: professionalLearningRecords.completedOn,
    })
    .from(professionalLearningRecords)
    .innerJoin(
      professionalLearningProgrammes,
      eq(professionalLearningProgrammes.code, professionalLearningRecords.programmeCode),
    )
    .where(eq(professionalLearningRecords.userId, userId))
    .orderBy(asc(professionalLearningRecords.completedOn));

export async function findRecord(db: Db, id: string): Promise<LearningRecord | null> {
  const [row] = await recordsWhere(db, eq(professionalLearningRecords.id, id));
  return row ?? null;
}

export async function hasRecord(db: Db, userId: string, programmeCode: string): Promise<boolean> {
  const [row] = await db
    .select({ id: professionalLearningRecords.id })
    .from(professionalLearningRecords)
    .where(
      and(eq(professionalLearningRecords.userId, userId), eq(professionalLearningRecords.programmeCode, programmeCode)),
    );
  return !!row;
}

/** Null when the person already has a completion of the programme (the unique index decides, even in a race). */
export async function insertRecord(
  db: Db,
  v: { userId: string; programmeCode: string; completedOn: string; recordedBy: string },
) {
  const [row] = await db.insert(professionalLearningRecords).values(v).onConflictDoNothing().returning();
  return row ?? null;
}

export async function deleteRecord(db: Db, id: string): Promise<boolean> {
  const deleted = await db
    .delete(professionalLearningRecords)
    .where(eq(professionalLearningRecords.id, id))
    .returning({ id: professionalLearningRecords.id });
  return deleted.length > 0;
}

/** Everything the rule needs about one LA: its staff, secondary schools, collaboratives, and who completed the required programme. */
export async function ruleInput(db: Db, laCode: string): Promise<RuleInput> {
  const person = { id: users.id, name: users.displayName };
  const activeRole = (roles: string[]) => and(eq(users.active, true), inArray(roleAssignments.role, roles));
  const [staff, secondary, collabs] = await Promise.all([
    db
      .selectDistinct(person)
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(activeRole(LA_STAFF_ROLES), eq(roleAssignments.scopeType, 'la'), eq(roleAssignments.scopeId, laCode))),
    db
      .select({ number: schools.number, name: schools.name })
      .from(schools)
      .where(and(eq(schools.laCode, laCode), eq(schools.open, true), inArray(schools.sector, SECONDARY_SECTORS)))
      .orderBy(asc(schools.name)),
    db
      .select({ id: collaboratives.id, nameEn: collaboratives.nameEn, nameCy: collaboratives.nameCy })
      .from(collaboratives)
      .where(and(eq(collaboratives.laCode, laCode), ne(collaboratives.status, 'closed'))),
  ]);
  const collabIds = collabs.map((c) => c.id);
  const [members, schoolLeaders, leads] = await Promise.all([
    collabIds.length
      ? db
          .select({
            collaborativeId: collaborativeMembers.collaborativeId,
            number: schools.number,
            sector: schools.sector,
          })
          .from(collaborativeMembers)
          .innerJoin(schools, eq(schools.number, collaborativeMembers.schoolNumber))
          .where(and(inArray(collaborativeMembers.collaborativeId, collabIds), eq(schools.open, true)))
      : [],
    // Senior leaders of the LA's secondary schools and of every open member school of its collaboratives (some may be in a neighbouring LA).
    db
      .select({ school: roleAssignments.scopeId, ...person })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(
        and(
          activeRole(SENIOR_ROLES),
          eq(roleAssignments.scopeType, 'school'),
          sql`${roleAssignments.scopeId} in (
      select s.number from schools s where s.open and ((s.la_code = ${laCode} and s.sector in ('secondary', 'middle'))
        or s.number in (select m.school_number from collaborative_members m join collaboratives c on c.id = m.collaborative_id where c.la_code = ${laCode} and c.status <> 'closed')))`,
        ),
      ),
    collabIds.length
      ? db
          .select({ collaborativeId: roleAssignments.scopeId, ...person })
          .from(roleAssignments)
          .innerJoin(users, eq(users.id, roleAssignments.userId))
          .where(and(activeRole(['collaborative_lead']), inArray(roleAssignments.scopeId, collabIds)))
      : [],
  ]);
  const leadersOf = (school: string): Person[] =>
    schoolLeaders.filter((l) => l.school === school).map((l) => ({ id: l.id, name: l.name }));
  const everyone = [...staff, ...schoolLeaders, ...leads].map((p) => p.id);
  const completed = everyone.length
    ? await db
        .selectDistinct({ id: professionalLearningRecords.userId })
        .from(professionalLearningRecords)
        .innerJoin(
          professionalLearningProgrammes,
          eq(professionalLearningProgrammes.code, professionalLearningRecords.programmeCode),
        )
        .where(
          and(
            eq(professionalLearningProgrammes.required, true),
            inArray(professionalLearningRecords.userId, [...new Set(everyone)]),
          ),
        )
    : [];
  return {
    staff,
    secondarySchools: secondary.map((s) => ({ ...s, seniorLeaders: leadersOf(s.number) })),
    collaboratives: collabs.map((c) => {
      const own = members.filter((m) => m.collaborativeId === c.id);
      const leaders = [
        ...leads.filter((l) => l.collaborativeId === c.id).map((l) => ({ id: l.id, name: l.name })),
        ...own.flatMap((m) => leadersOf(m.number)),
      ];
      return { ...c, memberSectors: own.map((m) => m.sector), leaders };
    }),
    completed: new Set(completed.map((c) => c.id)),
  };
}
