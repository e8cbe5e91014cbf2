import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  directoryImports,
  governingBodies,
  localAuthorities,
  schoolChanges,
  schools,
  users,
} from '../../db/schema/index.ts';
import { searchKey } from '../../lib/search-text.ts';
import type { ListedSchool } from './address-list-parser.ts';
import type { CurrentSchool, ImportPlan } from './import-plan.ts';

const BATCH = 250;

export async function laCodes(db: Db): Promise<Set<string>> {
  return new Set((await db.select({ code: localAuthorities.code }).from(localAuthorities)).map((r) => r.code));
}

export async function currentSchools(db: Db): Promise<CurrentSchool[]> {
  return db
    .select({
      number: schools.number,
      name: schools.name,
      laCode: schools.laCode,
      sector: schools.sector,
      governance: schools.governance,
      wmCode: schools.wmCode,
      schoolType: schools.schoolType,
      religiousCharacter: schools.religiousCharacter,
      address1: schools.address1,
      address2: schools.address2,
      address3: schools.address3,
      address4: schools.address4,
      postcode: schools.postcode,
      phone: schools.phone,
      pupils: schools.pupils,
      open: schools.open,
    })
    .from(schools);
}

function row(school: ListedSchool, now: Date) {
  return {
    ...school,
    searchText: searchKey(`${school.name} ${school.number} ${school.postcode ?? ''}`),
    updatedAt: now,
  };
}

export type Progress = (done: number, total: number) => void;

/** Applies a plan; the caller owns the transaction. Returns the import's id. */
export async function applyPlan(
  tx: Db,
  plan: ImportPlan,
  edition: { fileName: string; fileSha256: string; editionDate: string; importedBy: string | null },
  now: Date,
  progress: Progress,
): Promise<string> {
  const total = plan.added.length + plan.changed.length + plan.reopened.length + plan.closed.length;
  let done = 0;
  const step = (n: number) => progress((done += n), total);
  const [created] = await tx
    .insert(directoryImports)
    .values({
      ...edition,
      added: plan.added.length,
      changed: plan.changed.length,
      closed: plan.closed.length,
      reopened: plan.reopened.length,
      unchanged: plan.unchanged,
    })
    .returning({ id: directoryImports.id });
  const importId = created!.id;
  const history: (typeof schoolChanges.$inferInsert)[] = [];

  for (let i = 0; i < plan.added.length; i += BATCH) {
    const batch = plan.added.slice(i, i + BATCH);
    // Each new school starts with a governing body of its own; federations are joined later.
    await tx
      .insert(governingBodies)
      .values(
        batch.map((s) => ({
          id: `GB${s.number}`,
          name: s.name,
          kind: s.sector === 'pru' ? 'management_committee' : 'governing_body',
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(schools)
      .values(batch.map((s) => ({ ...row(s, now), governingBodyId: `GB${s.number}`, open: true })));
    history.push(...batch.map((s) => ({ schoolNumber: s.number, importId, kind: 'added', fields: null })));
    step(batch.length);
  }
  for (const [kind, list] of [
    ['changed', plan.changed],
    ['reopened', plan.reopened],
  ] as const) {
    for (const { school, fields } of list) {
      await tx
        .update(schools)
        .set({ ...row(school, now), open: true, closedOn: null })
        .where(eq(schools.number, school.number));
      history.push({ schoolNumber: school.number, importId, kind, fields });
      step(1);
    }
  }
  for (let i = 0; i < plan.closed.length; i += BATCH) {
    const numbers = plan.closed.slice(i, i + BATCH).map((s) => s.number);
    await tx
      .update(schools)
      .set({ open: false, closedOn: edition.editionDate, updatedAt: now })
      .where(inArray(schools.number, numbers));
    history.push(...numbers.map((n) => ({ schoolNumber: n, importId, kind: 'closed', fields: null })));
    step(numbers.length);
  }
  for (let i = 0; i < history.length; i += BATCH) await tx.insert(schoolChanges).values(history.slice(i, i + BATCH));
  return importId;
}

export async function listImports(db: Db) {
  return db
    .select({ entry: directoryImports, importerName: users.displayName })
    .from(directoryImports)
    .leftJoin(users, eq(users.id, directoryImports.importedBy))
    .orderBy(desc(directoryImports.importedAt))
    .limit(50);
}

export async function directoryCounts(db: Db) {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${schools.open})::int`,
      closed: sql<number>`count(*) filter (where not ${schools.open})::int`,
    })
    .from(schools);
  return row ?? { open: 0, closed: 0 };
}
