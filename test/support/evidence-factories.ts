import type { Db } from '../../src/db/client.ts';
import { cycles, evidence, shares } from '../../src/db/schema/index.ts';
import { searchKey } from '../../src/lib/search-text.ts';
import { academicYearOf, type Audience } from '../../src/reference/reference-data.ts';

/** The school's cycle for this academic year (made if missing). */
export async function buildCycle(db: Db, schoolNumber: string, academicYear = academicYearOf(new Date())) {
  const [made] = await db.insert(cycles).values({ schoolNumber, academicYear }).onConflictDoNothing().returning();
  if (made) return made;
  const rows = await db.select().from(cycles);
  return rows.find((c) => c.schoolNumber === schoolNumber && c.academicYear === academicYear)!;
}

export type EvidenceOverrides = Partial<typeof evidence.$inferInsert>;

/** Evidence items written straight to the table, as a list test needs many quickly. */
export async function buildEvidence(db: Db, schoolNumber: string, cycleId: string, items: EvidenceOverrides[]) {
  if (!items.length) return [];
  const rows = items.map((o, i) => {
    const title = o.title ?? `Evidence ${i + 1}`;
    const body = o.body ?? '';
    return {
      source: 'learning_walk',
      observedOn: '2025-10-01',
      firstHand: true,
      curated: true,
      ...o,
      title,
      body,
      schoolNumber,
      cycleId,
      searchText: searchKey(`${title} ${body}`),
    };
  });
  const made = [];
  for (let i = 0; i < rows.length; i += 500)
    made.push(
      ...(await db
        .insert(evidence)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  return made;
}

export async function shareEvidence(db: Db, schoolNumber: string, itemId: string, audience: Audience) {
  await db.insert(shares).values({ itemType: 'evidence', itemId, schoolNumber, audience });
}
