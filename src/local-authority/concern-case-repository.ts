// A school causing concern, as the concern-case scope loads it (src/access/loaders/concern-case.ts).
// The case's own pages and changes are the concern feature's (features/concern/concern-repository.ts).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { reused } from '../db/reused-query.ts';
import { concernCases, localAuthorities, schools } from '../db/schema/index.ts';

export type ConcernCase = typeof concernCases.$inferSelect;
export type CaseWithSchool = ConcernCase & {
  schoolName: string;
  governingBodyId: string | null;
  governance: string | null;
  laNameEn: string;
  laNameCy: string;
};

const caseColumns = {
  schoolName: schools.name,
  governingBodyId: schools.governingBodyId,
  governance: schools.governance,
  laNameEn: localAuthorities.nameEn,
  laNameCy: localAuthorities.nameCy,
};

/** One case with its school and LA (null when there is none: the caller decides 404). */
export async function findCase(db: Db, id: string): Promise<CaseWithSchool | null> {
  // Every case page's loader asks, and the homes for each case they link to: built once (reused-query.ts).
  const [row] = await reused(db, 'concern_case_with_school', (db) =>
    db
      .select({ c: concernCases, ...caseColumns })
      .from(concernCases)
      .innerJoin(schools, eq(schools.number, concernCases.schoolNumber))
      .innerJoin(localAuthorities, eq(localAuthorities.code, concernCases.laCode))
      .where(eq(concernCases.id, sql.placeholder('id'))),
  ).execute({ id });
  return row
    ? {
        ...row.c,
        schoolName: row.schoolName,
        governingBodyId: row.governingBodyId,
        governance: row.governance,
        laNameEn: row.laNameEn,
        laNameCy: row.laNameCy,
      }
    : null;
}
