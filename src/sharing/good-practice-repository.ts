// A good-practice case study and who published it, as the case-study scope loads it
// (src/access/loaders/case-study.ts). Search, lists and changes are the good-practice feature's.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseStudies, localAuthorities, schools } from '../db/schema/index.ts';

/** The LA a case study belongs to: its own, or its school's. */
export const laOf = sql<string>`coalesce(${caseStudies.laCode}, ${schools.laCode})`;

/** A case study with who published it. */
export async function findCaseStudy(db: Db, id: string) {
  const [row] = await db
    .select({
      caseStudy: caseStudies,
      schoolName: schools.name,
      schoolSector: schools.sector,
      laCode: laOf,
      laNameEn: localAuthorities.nameEn,
      laNameCy: localAuthorities.nameCy,
    })
    .from(caseStudies)
    .leftJoin(schools, eq(schools.number, caseStudies.schoolNumber))
    .leftJoin(localAuthorities, eq(localAuthorities.code, laOf))
    .where(eq(caseStudies.id, id));
  return row ?? null;
}
