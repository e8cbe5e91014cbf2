import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { laCycles, laEvidence, laFindings } from '../../db/schema/index.ts';

export type LaEvidence = typeof laEvidence.$inferSelect;
export type LaFinding = typeof laFindings.$inferSelect;
export type EvidenceValues = Pick<LaEvidence, 'source' | 'observedOn' | 'title' | 'body' | 'nifThemes' | 'language'>;
export type FindingValues = Pick<LaFinding, 'kind' | 'title' | 'body' | 'nifTheme' | 'evidenceIds' | 'language'>;


export async function listEvidence(db: Db, cycleId: string) {
  return db.select().from(laEvidence).where(eq(laEvidence.cycleId, cycleId)).orderBy(desc(laEvidence.observedOn), desc(laEvidence.createdAt));
}

/** An evidence item of this LA (in any of its cycles), or null. */
export async function findEvidence(db: Db, laCode: string, id: string): Promise<LaEvidence | null> {
  const [row] = await db.select({ e: laEvidence }).from(laEvidence).innerJoin(laCycles, eq(laCycles.id, laEvidence.cycleId)).where(and(eq(laEvidence.id, id), eq(laCycles.laCode, laCode)));
  return row?.e ?? null;
}

/** Of these ids, the evidence items that belong to this cycle. */
export async function evidenceInCycle(db: Db, cycleId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: laEvidence.id, title: laEvidence.title, source: laEvidence.source, language: laEvidence.language }).from(laEvidence).where(and(eq(laEvidence.cycleId, cycleId), inArray(laEvidence.id, ids)));
}

export async function insertEvidence(db: Db, values: typeof laEvidence.$inferInsert) {
  const [row] = await db.insert(laEvidence).values(values).returning();
  return row!;
}

export async function updateEvidence(db: Db, id: string, version: number, values: EvidenceValues) {
  const [row] = await db
    .update(laEvidence)
    .set({ ...values, updatedAt: new Date(), version: sql`${laEvidence.version} + 1` })
    .where(and(eq(laEvidence.id, id), eq(laEvidence.version, version)))
    .returning();
  return row ?? null;
}

export async function listFindings(db: Db, cycleId: string) {
  return db.select().from(laFindings).where(eq(laFindings.cycleId, cycleId)).orderBy(asc(laFindings.kind), asc(laFindings.createdAt));
}

export async function findFinding(db: Db, laCode: string, id: string): Promise<LaFinding | null> {
  const [row] = await db.select({ f: laFindings }).from(laFindings).innerJoin(laCycles, eq(laCycles.id, laFindings.cycleId)).where(and(eq(laFindings.id, id), eq(laCycles.laCode, laCode)));
  return row?.f ?? null;
}

export async function findingsInCycle(db: Db, cycleId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: laFindings.id, title: laFindings.title, kind: laFindings.kind, language: laFindings.language }).from(laFindings).where(and(eq(laFindings.cycleId, cycleId), inArray(laFindings.id, ids)));
}

export async function insertFinding(db: Db, values: typeof laFindings.$inferInsert) {
  const [row] = await db.insert(laFindings).values(values).returning();
  return row!;
}

export async function updateFinding(db: Db, id: string, version: number, values: FindingValues) {
  const [row] = await db
    .update(laFindings)
    .set({ ...values, updatedAt: new Date(), version: sql`${laFindings.version} + 1` })
    .where(and(eq(laFindings.id, id), eq(laFindings.version, version)))
    .returning();
  return row ?? null;
}
