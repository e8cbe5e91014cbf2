import { and, asc, desc, eq, getTableColumns, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { ownerName } from '../action-owners/owner-name-repository.ts';
import type { Db } from '../../db/client.ts';
import {
  concernCases,
  concernInterventions,
  concernSupportItems,
  schools,
  warningNotices,
} from '../../db/schema/index.ts';

export type ConcernCase = typeof concernCases.$inferSelect;
export type WarningNotice = typeof warningNotices.$inferSelect;
export type ConcernIntervention = typeof concernInterventions.$inferSelect;
export type SupportItem = typeof concernSupportItems.$inferSelect;

const nextReview = sql<
  string | null
>`(select min(i.review_on) from ${concernSupportItems} i where i.case_id = ${concernCases.id} and i.status = 'open')`;
const registerColumns = {
  id: concernCases.id,
  schoolNumber: concernCases.schoolNumber,
  schoolName: schools.name,
  source: concernCases.source,
  state: concernCases.state,
  openedOn: concernCases.openedOn,
  exitedOn: concernCases.exitedOn,
  exitReason: concernCases.exitReason,
  nextReviewOn: nextReview,
};
export type RegisterRow = Awaited<ReturnType<typeof listLaCases>>[number];

/** The LA's register: open cases (soonest review first) or exited ones (latest exit first). */
export async function listLaCases(db: Db, laCode: string, which: 'open' | 'exited') {
  const where = and(
    eq(concernCases.laCode, laCode),
    which === 'open' ? ne(concernCases.state, 'exited') : eq(concernCases.state, 'exited'),
  );
  const order =
    which === 'open' ? [sql`${nextReview} asc nulls last`, asc(concernCases.openedOn)] : [desc(concernCases.exitedOn)];
  return db
    .select(registerColumns)
    .from(concernCases)
    .innerJoin(schools, eq(schools.number, concernCases.schoolNumber))
    .where(where)
    .orderBy(...order, asc(schools.name));
}

/**
 * The cases a person may see from their account: their LAs' as an officer, their school's as its
 * headteacher, their governing body's school's as its chair. The same rule as concernCaseCan, in SQL.
 */
export async function listVisibleCases(db: Db, scopes: { officerLas: string[]; headOf: string[]; chairOf: string[] }) {
  const conditions: SQL[] = [];
  if (scopes.officerLas.length) conditions.push(inArray(concernCases.laCode, scopes.officerLas));
  if (scopes.headOf.length) conditions.push(inArray(concernCases.schoolNumber, scopes.headOf));
  if (scopes.chairOf.length) conditions.push(inArray(schools.governingBodyId, scopes.chairOf));
  if (!conditions.length) return [];
  return db
    .select(registerColumns)
    .from(concernCases)
    .innerJoin(schools, eq(schools.number, concernCases.schoolNumber))
    .where(or(...conditions))
    .orderBy(desc(concernCases.openedOn));
}

/** A school of this LA, open, by its number: cases are only opened for the LA's own schools. */
export async function findLaSchool(db: Db, laCode: string, number: string) {
  const [row] = await db
    .select({ number: schools.number, name: schools.name })
    .from(schools)
    .where(and(eq(schools.number, number), eq(schools.laCode, laCode), eq(schools.open, true)));
  return row ?? null;
}

export async function insertCase(db: Db, values: typeof concernCases.$inferInsert) {
  const [row] = await db.insert(concernCases).values(values).returning();
  return row!;
}

/** Moves the case on only if nobody changed it since `version`; null on a conflict. */
export async function updateCase(
  db: Db,
  id: string,
  version: number,
  values: Partial<Pick<ConcernCase, 'state' | 'exitedOn' | 'exitReason'>>,
  now: Date,
) {
  const [row] = await db
    .update(concernCases)
    .set({ ...values, version: sql`${concernCases.version} + 1`, updatedAt: now })
    .where(and(eq(concernCases.id, id), eq(concernCases.version, version)))
    .returning();
  return row ?? null;
}

export const listNotices = (db: Db, caseId: string) =>
  db
    .select()
    .from(warningNotices)
    .where(eq(warningNotices.caseId, caseId))
    .orderBy(desc(warningNotices.issuedOn), desc(warningNotices.createdAt));
export async function findNotice(db: Db, caseId: string, id: string) {
  const [row] = await db
    .select()
    .from(warningNotices)
    .where(and(eq(warningNotices.id, id), eq(warningNotices.caseId, caseId)));
  return row ?? null;
}
export async function insertNotice(db: Db, values: typeof warningNotices.$inferInsert) {
  const [row] = await db.insert(warningNotices).values(values).returning();
  return row!;
}

export const listInterventions = (db: Db, caseId: string) =>
  db
    .select()
    .from(concernInterventions)
    .where(eq(concernInterventions.caseId, caseId))
    .orderBy(asc(concernInterventions.decidedOn), asc(concernInterventions.createdAt));
export async function insertIntervention(db: Db, values: typeof concernInterventions.$inferInsert) {
  const [row] = await db.insert(concernInterventions).values(values).returning();
  return row!;
}

/** The case's support plan; each owner as pages show it (ownerName). */
export const listSupportItems = (db: Db, caseId: string) =>
  db
    .select({ ...getTableColumns(concernSupportItems), owner: ownerName(concernSupportItems) })
    .from(concernSupportItems)
    .where(eq(concernSupportItems.caseId, caseId))
    .orderBy(
      sql`${concernSupportItems.status} = 'done'`,
      sql`${concernSupportItems.reviewOn} asc nulls last`,
      asc(concernSupportItems.createdAt),
    );
export async function findSupportItem(db: Db, caseId: string, id: string) {
  const [row] = await db
    .select()
    .from(concernSupportItems)
    .where(and(eq(concernSupportItems.id, id), eq(concernSupportItems.caseId, caseId)));
  return row ?? null;
}
export async function insertSupportItem(db: Db, values: typeof concernSupportItems.$inferInsert) {
  const [row] = await db.insert(concernSupportItems).values(values).returning();
  return row!;
}
export async function updateSupportItem(
  db: Db,
  id: string,
  version: number,
  values: Partial<
    Pick<SupportItem, 'action' | 'owner' | 'ownerUserId' | 'reviewOn' | 'status' | 'reviewNotes' | 'language'>
  >,
  now: Date,
) {
  const [row] = await db
    .update(concernSupportItems)
    .set({ ...values, version: sql`${concernSupportItems.version} + 1`, updatedAt: now })
    .where(and(eq(concernSupportItems.id, id), eq(concernSupportItems.version, version)))
    .returning();
  return row ?? null;
}
