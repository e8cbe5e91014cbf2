import { and, asc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  collaborativeMembers,
  collaboratives,
  laPartnershipMembers,
  laPartnerships,
  laPartnershipStaff,
  localAuthorities,
  roleAssignments,
  schools,
  users,
} from '../../db/schema/index.ts';
import { isUuid } from '../../lib/request-schemas.ts';
import { memberCodes } from '../../local-authority/la-partnership-repository.ts';

export type Partnership = typeof laPartnerships.$inferSelect;
export type PartnershipValues = Pick<
  Partnership,
  'kind' | 'nameEn' | 'nameCy' | 'purpose' | 'services' | 'startsOn' | 'endsOn' | 'language'
>;
export type StaffValues = { name: string; post: string; employingLaCode: string | null };
export type LocalAuthority = { code: string; nameEn: string; nameCy: string };

const summary = {
  id: laPartnerships.id,
  kind: laPartnerships.kind,
  nameEn: laPartnerships.nameEn,
  nameCy: laPartnerships.nameCy,
  startsOn: laPartnerships.startsOn,
  endsOn: laPartnerships.endsOn,
  laCodes: memberCodes,
};
export type PartnershipSummary = Awaited<ReturnType<typeof listForLa>>[number];

const hasMemberIn = (codes: string[]) =>
  sql`exists (select 1 from ${laPartnershipMembers} m where m.partnership_id = ${laPartnerships.id} and m.la_code in ${codes})`;

/** The partnerships an LA is a member of, by name. */
export async function listForLa(db: Db, laCode: string) {
  return db
    .select(summary)
    .from(laPartnerships)
    .where(hasMemberIn([laCode]))
    .orderBy(asc(laPartnerships.nameEn));
}

/** What a user may see, filtered in SQL: WG all; coordinators theirs; LA staff their LAs'. */
export type Visibility = { all: boolean; partnershipIds: string[]; laCodes: string[] };

export async function listVisible(db: Db, visibility: Visibility) {
  const ids = visibility.partnershipIds.filter(isUuid);
  const conditions: SQL[] = [];
  if (ids.length) conditions.push(inArray(laPartnerships.id, ids));
  if (visibility.laCodes.length) conditions.push(hasMemberIn(visibility.laCodes));
  if (!visibility.all && !conditions.length) return [];
  return db
    .select(summary)
    .from(laPartnerships)
    .where(visibility.all ? undefined : or(...conditions))
    .orderBy(asc(laPartnerships.nameEn));
}

export async function allLocalAuthorities(db: Db): Promise<LocalAuthority[]> {
  return db
    .select({ code: localAuthorities.code, nameEn: localAuthorities.nameEn, nameCy: localAuthorities.nameCy })
    .from(localAuthorities)
    .orderBy(asc(localAuthorities.code));
}

export async function listStaff(db: Db, partnershipId: string) {
  return db
    .select()
    .from(laPartnershipStaff)
    .where(eq(laPartnershipStaff.partnershipId, partnershipId))
    .orderBy(asc(laPartnershipStaff.name));
}

export async function findStaff(db: Db, partnershipId: string, id: string) {
  const [row] = await db
    .select()
    .from(laPartnershipStaff)
    .where(and(eq(laPartnershipStaff.id, id), eq(laPartnershipStaff.partnershipId, partnershipId)));
  return row ?? null;
}

/** People holding the partnership coordinator role for this partnership. */
export async function listCoordinators(db: Db, partnershipId: string) {
  return db
    .select({ id: users.id, name: users.displayName, email: users.email })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.role, 'partnership_coordinator'),
        eq(roleAssignments.scopeId, partnershipId),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.displayName));
}

/**
 * Cross-LA collaboratives that belong to the partnership, derived: owned by a member LA, every
 * member school in a member LA, and schools from two or more LAs.
 */
export async function belongingCollaboratives(db: Db, partnershipId: string) {
  const memberLa = (column: SQL | typeof collaboratives.laCode) =>
    sql`${column} in (select la_code from ${laPartnershipMembers} where partnership_id = ${partnershipId})`;
  const schoolLas = sql`(select count(distinct s.la_code) from ${collaborativeMembers} cm join ${schools} s on s.number = cm.school_number where cm.collaborative_id = ${collaboratives.id})`;
  const outsideSchool = db
    .select({ one: sql`1` })
    .from(collaborativeMembers)
    .innerJoin(schools, eq(schools.number, collaborativeMembers.schoolNumber))
    .where(
      and(eq(collaborativeMembers.collaborativeId, collaboratives.id), sql`not ${memberLa(sql`${schools.laCode}`)}`),
    );
  return db
    .select({
      id: collaboratives.id,
      nameEn: collaboratives.nameEn,
      nameCy: collaboratives.nameCy,
      laCode: collaboratives.laCode,
      status: collaboratives.status,
      schoolLas: sql<number>`${schoolLas}::int`,
    })
    .from(collaboratives)
    .where(and(memberLa(collaboratives.laCode), sql`not ${exists(outsideSchool)}`, sql`${schoolLas} >= 2`))
    .orderBy(asc(collaboratives.nameEn));
}

export async function insertPartnership(db: Db, values: PartnershipValues) {
  const [row] = await db.insert(laPartnerships).values(values).returning();
  return row!;
}

/** Updates only if nobody saved since `version`; null on a conflict. */
export async function updatePartnership(db: Db, id: string, version: number, values: PartnershipValues) {
  const [row] = await db
    .update(laPartnerships)
    .set({ ...values, version: sql`${laPartnerships.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(laPartnerships.id, id), eq(laPartnerships.version, version)))
    .returning();
  return row ?? null;
}

export async function replaceMembers(db: Db, partnershipId: string, laCodes: string[]) {
  await db.delete(laPartnershipMembers).where(eq(laPartnershipMembers.partnershipId, partnershipId));
  await db.insert(laPartnershipMembers).values(laCodes.map((laCode) => ({ partnershipId, laCode })));
}

export async function insertStaff(db: Db, partnershipId: string, values: StaffValues) {
  const [row] = await db
    .insert(laPartnershipStaff)
    .values({ partnershipId, ...values })
    .returning();
  return row!;
}

export async function deleteStaff(db: Db, partnershipId: string, id: string) {
  const [row] = await db
    .delete(laPartnershipStaff)
    .where(and(eq(laPartnershipStaff.id, id), eq(laPartnershipStaff.partnershipId, partnershipId)))
    .returning();
  return row ?? null;
}
