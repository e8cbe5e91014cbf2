import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { laCycles, laEvidence, laFindingEvidence, laFindings } from '../../db/schema/index.ts';

export type LaEvidence = typeof laEvidence.$inferSelect;
type FindingRow = typeof laFindings.$inferSelect;
/** A finding with the evidence it rests on (la_finding_evidence), newest evidence first as the form lists it. */
export type LaFinding = FindingRow & { evidenceIds: string[] };
export type FindingValues = Pick<FindingRow, 'kind' | 'title' | 'body' | 'nifTheme' | 'language'>;
export type EvidenceValues = Pick<LaEvidence, 'source' | 'observedOn' | 'title' | 'body' | 'nifThemes' | 'language'>;

export async function listEvidence(db: Db, cycleId: string) {
  return db
    .select()
    .from(laEvidence)
    .where(eq(laEvidence.cycleId, cycleId))
    .orderBy(desc(laEvidence.observedOn), desc(laEvidence.createdAt));
}

/** An evidence item of this LA (in any of its cycles), or null. */
export async function findEvidence(db: Db, laCode: string, id: string): Promise<LaEvidence | null> {
  const [row] = await db
    .select({ e: laEvidence })
    .from(laEvidence)
    .innerJoin(laCycles, eq(laCycles.id, laEvidence.cycleId))
    .where(and(eq(laEvidence.id, id), eq(laCycles.laCode, laCode)));
  return row?.e ?? null;
}

/** Of these ids, the evidence items that belong to this cycle. */
export async function evidenceInCycle(db: Db, cycleId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: laEvidence.id, title: laEvidence.title, source: laEvidence.source, language: laEvidence.language })
    .from(laEvidence)
    .where(and(eq(laEvidence.cycleId, cycleId), inArray(laEvidence.id, ids)));
}

export async function insertEvidence(db: Db, values: typeof laEvidence.$inferInsert) {
  const [row] = await db.insert(laEvidence).values(values).returning();
  return row!;
}

export async function updateEvidence(db: Db, id: string, version: number, values: EvidenceValues, now: Date) {
  const [row] = await db
    .update(laEvidence)
    .set({ ...values, updatedAt: now, version: sql`${laEvidence.version} + 1` })
    .where(and(eq(laEvidence.id, id), eq(laEvidence.version, version)))
    .returning();
  return row ?? null;
}

/** The evidence ids of each of these findings, in the order the evidence list shows them. */
async function evidenceIdsOf(db: Db, findingIds: string[]): Promise<Map<string, string[]>> {
  const links = findingIds.length
    ? await db
        .select({ findingId: laFindingEvidence.findingId, evidenceId: laFindingEvidence.evidenceId })
        .from(laFindingEvidence)
        .innerJoin(laEvidence, eq(laEvidence.id, laFindingEvidence.evidenceId))
        .where(inArray(laFindingEvidence.findingId, findingIds))
        .orderBy(desc(laEvidence.observedOn), desc(laEvidence.createdAt))
    : [];
  const byFinding = new Map(findingIds.map((id) => [id, [] as string[]]));
  for (const link of links) byFinding.get(link.findingId)!.push(link.evidenceId);
  return byFinding;
}

export async function listFindings(db: Db, cycleId: string): Promise<LaFinding[]> {
  const rows = await db
    .select()
    .from(laFindings)
    .where(eq(laFindings.cycleId, cycleId))
    .orderBy(asc(laFindings.kind), asc(laFindings.createdAt));
  const links = await evidenceIdsOf(
    db,
    rows.map((f) => f.id),
  );
  return rows.map((f) => ({ ...f, evidenceIds: links.get(f.id)! }));
}

export async function findFinding(db: Db, laCode: string, id: string): Promise<LaFinding | null> {
  const [row] = await db
    .select({ f: laFindings })
    .from(laFindings)
    .innerJoin(laCycles, eq(laCycles.id, laFindings.cycleId))
    .where(and(eq(laFindings.id, id), eq(laCycles.laCode, laCode)));
  if (!row) return null;
  return { ...row.f, evidenceIds: (await evidenceIdsOf(db, [row.f.id])).get(row.f.id)! };
}

/** The finding rests on exactly these evidence items from now on. */
export async function replaceFindingEvidence(db: Db, findingId: string, evidenceIds: string[]) {
  await db.delete(laFindingEvidence).where(eq(laFindingEvidence.findingId, findingId));
  if (evidenceIds.length)
    await db
      .insert(laFindingEvidence)
      .values([...new Set(evidenceIds)].map((evidenceId) => ({ findingId, evidenceId })));
}

export async function findingsInCycle(db: Db, cycleId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: laFindings.id, title: laFindings.title, kind: laFindings.kind, language: laFindings.language })
    .from(laFindings)
    .where(and(eq(laFindings.cycleId, cycleId), inArray(laFindings.id, ids)));
}

export async function insertFinding(db: Db, values: typeof laFindings.$inferInsert) {
  const [row] = await db.insert(laFindings).values(values).returning();
  return row!;
}

export async function updateFinding(db: Db, id: string, version: number, values: FindingValues, now: Date) {
  const [row] = await db
    .update(laFindings)
    .set({ ...values, updatedAt: now, version: sql`${laFindings.version} + 1` })
    .where(and(eq(laFindings.id, id), eq(laFindings.version, version)))
    .returning();
  return row ?? null;
}
