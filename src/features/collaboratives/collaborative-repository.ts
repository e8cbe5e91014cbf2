import { and, asc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collaborativeFacilitators,
  collaborativeMembers,
  collaboratives,
  localAuthorities,
  roleAssignments,
  schools,
  users,
} from '../../db/schema/index.ts';

export type Collaborative = typeof collaboratives.$inferSelect;
export type CollaborativeValues = {
  kind: string;
  nameEn: string;
  nameCy: string;
  status: string;
  basis: string | null;
};
export type ListFilter = {
  laCodes: string[];
  ledIds: string[];
  schoolNumbers: string[];
  facilitatorId: string;
  kind?: string | undefined;
  status?: string | undefined;
};

const SCHOOL_STAFF_ROLES = ['headteacher', 'school_leader', 'practitioner'];
const LA_STAFF_ROLES = ['la_officer', 'improvement_partner'];
const memberOfLas = (laCodes: string[]) =>
  exists(
    sql`(select 1 from ${collaborativeMembers} m join ${schools} s on s.number = m.school_number where m.collaborative_id = ${collaboratives.id} and s.la_code in ${laCodes})`,
  );

/** The collaboratives of the user's LAs (owned, or with a member school there), of their schools, and those they lead or facilitate. */
export async function listCollaboratives(db: Db, filter: ListFilter) {
  const reach: SQL[] = [];
  if (filter.laCodes.length) reach.push(inArray(collaboratives.laCode, filter.laCodes), memberOfLas(filter.laCodes));
  if (filter.ledIds.length) reach.push(inArray(collaboratives.id, filter.ledIds));
  if (filter.schoolNumbers.length)
    reach.push(
      exists(
        sql`(select 1 from ${collaborativeMembers} m where m.collaborative_id = ${collaboratives.id} and m.school_number in ${filter.schoolNumbers})`,
      ),
    );
  reach.push(
    exists(
      sql`(select 1 from ${collaborativeFacilitators} f where f.collaborative_id = ${collaboratives.id} and f.user_id = ${filter.facilitatorId})`,
    ),
  );
  if (!reach.length) return [];
  const where = and(
    or(...reach),
    filter.kind ? eq(collaboratives.kind, filter.kind) : undefined,
    filter.status ? eq(collaboratives.status, filter.status) : undefined,
  );
  return db
    .select({
      id: collaboratives.id,
      kind: collaboratives.kind,
      nameEn: collaboratives.nameEn,
      nameCy: collaboratives.nameCy,
      status: collaboratives.status,
      laCode: collaboratives.laCode,
      basis: collaboratives.basis,
      members: sql<number>`(select count(*)::int from ${collaborativeMembers} m where m.collaborative_id = ${collaboratives.id})`,
    })
    .from(collaboratives)
    .where(where)
    .orderBy(asc(collaboratives.nameEn));
}

export async function insertCollaborative(db: Db, values: CollaborativeValues & { laCode: string }) {
  const [row] = await db.insert(collaboratives).values(values).returning();
  return row!;
}

/** Updates only if nobody saved since `version`; null on a conflict. */
export async function updateCollaborative(db: Db, id: string, version: number, values: CollaborativeValues) {
  const [row] = await db
    .update(collaboratives)
    .set({ ...values, version: sql`${collaboratives.version} + 1` })
    .where(and(eq(collaboratives.id, id), eq(collaboratives.version, version)))
    .returning();
  return row ?? null;
}

export async function findSchool(db: Db, number: string) {
  const [row] = await db
    .select({
      number: schools.number,
      name: schools.name,
      laCode: schools.laCode,
      sector: schools.sector,
      open: schools.open,
    })
    .from(schools)
    .where(eq(schools.number, number));
  return row ?? null;
}

export async function listMembers(db: Db, id: string) {
  return db
    .select({
      number: schools.number,
      name: schools.name,
      laCode: schools.laCode,
      laNameEn: localAuthorities.nameEn,
      laNameCy: localAuthorities.nameCy,
      sector: schools.sector,
      open: schools.open,
    })
    .from(collaborativeMembers)
    .innerJoin(schools, eq(schools.number, collaborativeMembers.schoolNumber))
    .leftJoin(localAuthorities, eq(localAuthorities.code, schools.laCode))
    .where(eq(collaborativeMembers.collaborativeId, id))
    .orderBy(asc(schools.name));
}

export async function insertMember(db: Db, id: string, schoolNumber: string) {
  const rows = await db
    .insert(collaborativeMembers)
    .values({ collaborativeId: id, schoolNumber })
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}

export async function deleteMember(db: Db, id: string, schoolNumber: string) {
  const rows = await db
    .delete(collaborativeMembers)
    .where(and(eq(collaborativeMembers.collaborativeId, id), eq(collaborativeMembers.schoolNumber, schoolNumber)))
    .returning();
  return rows.length > 0;
}

const leadOf = (id: string) =>
  and(
    eq(roleAssignments.role, 'collaborative_lead'),
    eq(roleAssignments.scopeType, 'collaborative'),
    eq(roleAssignments.scopeId, id),
  );

export async function listLeads(db: Db, id: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(leadOf(id))
    .orderBy(asc(users.displayName));
}

/** Active staff of the member schools: who may be made a lead. */
export async function leadCandidates(db: Db, id: string) {
  const members = db
    .select({ n: collaborativeMembers.schoolNumber })
    .from(collaborativeMembers)
    .where(eq(collaborativeMembers.collaborativeId, id));
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        inArray(roleAssignments.role, SCHOOL_STAFF_ROLES),
        inArray(roleAssignments.scopeId, members),
      ),
    )
    .orderBy(asc(users.displayName));
}

export async function insertLead(db: Db, id: string, userId: string) {
  const rows = await db
    .insert(roleAssignments)
    .values({ userId, role: 'collaborative_lead', scopeType: 'collaborative', scopeId: id })
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}

export async function deleteLead(db: Db, id: string, userId: string) {
  const rows = await db
    .delete(roleAssignments)
    .where(and(leadOf(id), eq(roleAssignments.userId, userId)))
    .returning();
  return rows.length > 0;
}

export async function listFacilitators(db: Db, id: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(collaborativeFacilitators)
    .innerJoin(users, eq(users.id, collaborativeFacilitators.userId))
    .where(eq(collaborativeFacilitators.collaborativeId, id))
    .orderBy(asc(users.displayName));
}

/** Active LA officers and improvement partners of the LA: who may facilitate. */
export async function facilitatorCandidates(db: Db, laCode: string) {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(eq(users.active, true), inArray(roleAssignments.role, LA_STAFF_ROLES), eq(roleAssignments.scopeId, laCode)),
    )
    .orderBy(asc(users.displayName));
}

export async function insertFacilitator(db: Db, id: string, userId: string) {
  const rows = await db
    .insert(collaborativeFacilitators)
    .values({ collaborativeId: id, userId })
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}

export async function deleteFacilitator(db: Db, id: string, userId: string) {
  const rows = await db
    .delete(collaborativeFacilitators)
    .where(and(eq(collaborativeFacilitators.collaborativeId, id), eq(collaborativeFacilitators.userId, userId)))
    .returning();
  return rows.length > 0;
}

const inOpenCollaborativeOfKind = (kind: string) =>
  exists(
    sql`(select 1 from ${collaborativeMembers} m join ${collaboratives} c on c.id = m.collaborative_id where m.school_number = ${schools.number} and c.kind = ${kind} and c.status <> 'closed')`,
  );

/** The LA's open schools missing a vertical or a horizontal collaborative (closed ones do not count). */
export async function collaborationGaps(db: Db, laCode: string) {
  const open = and(eq(schools.laCode, laCode), eq(schools.open, true));
  const [totals] = await db
    .select({ schools: sql<number>`count(*)::int` })
    .from(schools)
    .where(open);
  const columns = { number: schools.number, name: schools.name, sector: schools.sector };
  const [noVertical, noHorizontal] = await Promise.all([
    db
      .select(columns)
      .from(schools)
      .where(and(open, sql`not ${inOpenCollaborativeOfKind('vertical')}`))
      .orderBy(asc(schools.name)),
    db
      .select(columns)
      .from(schools)
      .where(and(open, sql`not ${inOpenCollaborativeOfKind('horizontal')}`))
      .orderBy(asc(schools.name)),
  ]);
  return { openSchools: totals?.schools ?? 0, noVertical, noHorizontal };
}
