import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { evidence, findingEvidence, findings, priorities, priorityFindings } from '../../db/schema/index.ts';
import { searchKey } from '../../lib/search-text.ts';
import { searchWordCondition } from '../../db/search-condition.ts';
import { visibleCondition, type ItemAccess } from '../../sharing/share-repository.ts';

export type Finding = typeof findings.$inferSelect;
export type FindingValues = Pick<Finding, 'kind' | 'title' | 'body' | 'nifTheme' | 'language'>;

/** `true` for items the reader may see: the condition as a column, for lists that show what is hidden as a count. */
const visibleColumn = (condition: SQL | undefined) => sql<boolean>`${condition ?? sql`true`}`;

export async function findingsOfCycle(db: Db, cycleId: string, access: ItemAccess) {
  return db
    .select({
      id: findings.id,
      kind: findings.kind,
      title: findings.title,
      nifTheme: findings.nifTheme,
      language: findings.language,
      otherLanguage: findings.otherLanguage,
    })
    .from(findings)
    .where(and(eq(findings.cycleId, cycleId), visibleCondition('finding', findings.id, access)))
    .orderBy(asc(findings.kind), asc(findings.createdAt));
}

export async function findFinding(
  db: Db,
  schoolNumber: string,
  id: string,
  access: ItemAccess,
): Promise<Finding | null> {
  const [row] = await db
    .select()
    .from(findings)
    .where(
      and(
        eq(findings.id, id),
        eq(findings.schoolNumber, schoolNumber),
        visibleCondition('finding', findings.id, access),
      ),
    );
  return row ?? null;
}

/** Every item each finding rests on (for triangulation), and whether this reader may see it. */
export async function evidenceOfFindings(db: Db, findingIds: string[], access: ItemAccess) {
  if (findingIds.length === 0) return [];
  return db
    .select({
      findingId: findingEvidence.findingId,
      id: evidence.id,
      title: evidence.title,
      source: evidence.source,
      observedOn: evidence.observedOn,
      firstHand: evidence.firstHand,
      fromBeyond: evidence.fromBeyond,
      archived: evidence.archived,
      language: evidence.language,
      otherLanguage: evidence.otherLanguage,
      visible: visibleColumn(visibleCondition('evidence', evidence.id, access)),
    })
    .from(findingEvidence)
    .innerJoin(evidence, eq(evidence.id, findingEvidence.evidenceId))
    .where(inArray(findingEvidence.findingId, findingIds))
    .orderBy(desc(evidence.observedOn), asc(evidence.title));
}

export type EvidenceFilter = { q: string; source: string; theme: string };

function evidenceFilterCondition(filter: EvidenceFilter): SQL | undefined {
  const escape = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const key = searchKey(filter.q);
  return and(
    filter.q
      ? or(
          ilike(evidence.title, escape(filter.q)),
          ilike(evidence.body, escape(filter.q)),
          // Every word of the search, each also in its Welsh mutated forms ("plant" finds "phlant").
          key ? and(...key.split(' ').map((word) => searchWordCondition(evidence.searchText, word))) : undefined,
        )
      : undefined,
    filter.source ? eq(evidence.source, filter.source) : undefined,
    filter.theme ? sql`${filter.theme} = any(${evidence.nifThemes})` : undefined,
  );
}

const choiceColumns = {
  id: evidence.id,
  title: evidence.title,
  source: evidence.source,
  observedOn: evidence.observedOn,
  firstHand: evidence.firstHand,
  fromBeyond: evidence.fromBeyond,
  nifThemes: evidence.nifThemes,
  language: evidence.language,
  otherLanguage: evidence.otherLanguage,
};

/** The cycle's evidence a leader may link, newest first, narrowed by the filter: a page of it and how many match. */
export async function evidenceChoices(
  db: Db,
  schoolNumber: string,
  cycleId: string,
  filter: EvidenceFilter,
  limit: number,
) {
  const where = and(
    eq(evidence.schoolNumber, schoolNumber),
    eq(evidence.cycleId, cycleId),
    eq(evidence.archived, false),
    evidenceFilterCondition(filter),
  );
  const [rows, [matching], [all]] = await Promise.all([
    db
      .select(choiceColumns)
      .from(evidence)
      .where(where)
      .orderBy(desc(evidence.observedOn), desc(evidence.createdAt))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(evidence)
      .where(where),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(evidence)
      .where(and(eq(evidence.schoolNumber, schoolNumber), eq(evidence.cycleId, cycleId), eq(evidence.archived, false))),
  ]);
  return { rows, matching: matching?.n ?? 0, inCycle: all?.n ?? 0 };
}

export async function evidenceByIds(db: Db, schoolNumber: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select(choiceColumns)
    .from(evidence)
    .where(and(eq(evidence.schoolNumber, schoolNumber), inArray(evidence.id, ids)))
    .orderBy(desc(evidence.observedOn));
}

export async function linkedEvidenceIds(db: Db, findingId: string): Promise<string[]> {
  const rows = await db
    .select({ id: findingEvidence.evidenceId })
    .from(findingEvidence)
    .where(eq(findingEvidence.findingId, findingId));
  return rows.map((r) => r.id);
}

export async function insertFinding(
  db: Db,
  values: FindingValues & { schoolNumber: string; cycleId: string; createdBy: string },
) {
  const [row] = await db.insert(findings).values(values).returning();
  return row!;
}

/** Updates only if nobody saved since `version` was read; returns the new row, or null on a conflict. */
export async function updateFinding(db: Db, id: string, version: number, values: FindingValues, now: Date) {
  const [row] = await db
    .update(findings)
    .set({ ...values, updatedAt: now, version: sql`${findings.version} + 1` })
    .where(and(eq(findings.id, id), eq(findings.version, version)))
    .returning();
  return row ?? null;
}

export async function findFindingById(db: Db, id: string): Promise<Finding | null> {
  const [row] = await db.select().from(findings).where(eq(findings.id, id));
  return row ?? null;
}

export async function replaceFindingEvidence(db: Db, findingId: string, evidenceIds: string[]) {
  await db.delete(findingEvidence).where(eq(findingEvidence.findingId, findingId));
  if (evidenceIds.length)
    await db.insert(findingEvidence).values(evidenceIds.map((evidenceId) => ({ findingId, evidenceId })));
}

/** The priorities that rest on a finding, as this reader may see them. */
export async function prioritiesOfFinding(db: Db, findingId: string, access: ItemAccess) {
  return db
    .select({
      id: priorities.id,
      title: priorities.title,
      state: priorities.state,
      language: priorities.language,
      otherLanguage: priorities.otherLanguage,
    })
    .from(priorityFindings)
    .innerJoin(priorities, eq(priorities.id, priorityFindings.priorityId))
    .where(and(eq(priorityFindings.findingId, findingId), visibleCondition('priority', priorities.id, access)))
    .orderBy(asc(priorities.title));
}
