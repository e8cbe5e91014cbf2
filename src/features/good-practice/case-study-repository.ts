import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseStudies, localAuthorities, nationalPriorities, schools } from '../../db/schema/index.ts';
import { laOf } from '../../sharing/good-practice-repository.ts';
import { searchWordCondition } from '../../db/search-condition.ts';

export type CaseStudy = typeof caseStudies.$inferSelect;
export type CaseStudyValues = Pick<
  CaseStudy,
  | 'title'
  | 'summary'
  | 'whatWeDid'
  | 'learners'
  | 'impact'
  | 'nifThemes'
  | 'nationalPriorities'
  | 'areas'
  | 'searchText'
  | 'language'
>;
export type SearchFilters = { q: string[]; theme: string; national: string; area: string; phase: string; la: string };
export type Facet = 'theme' | 'national' | 'area' | 'phase' | 'la';

const listColumns = {
  id: caseStudies.id,
  title: caseStudies.title,
  summary: caseStudies.summary,
  status: caseStudies.status,
  publishedAt: caseStudies.publishedAt,
  language: caseStudies.language,
  otherLanguage: caseStudies.otherLanguage,
  nifThemes: caseStudies.nifThemes,
  schoolNumber: caseStudies.schoolNumber,
  schoolName: schools.name,
  laCode: laOf,
  laNameEn: localAuthorities.nameEn,
  laNameCy: localAuthorities.nameCy,
  byLa: sql<boolean>`${caseStudies.schoolNumber} is null`,
};
export type CaseStudySummary = {
  id: string;
  title: string;
  summary: string;
  status: string;
  publishedAt: Date | null;
  language: string;
  otherLanguage: Record<string, string>;
  nifThemes: string[];
  schoolNumber: string | null;
  schoolName: string | null;
  laCode: string;
  laNameEn: string | null;
  laNameCy: string | null;
  byLa: boolean;
};

/**
 * Every published case study matching the filters (each word also in its Welsh mutated forms);
 * `except` leaves one filter out, for its own counts.
 */
function conditions(f: SearchFilters, except?: Facet): SQL | undefined {
  return and(
    eq(caseStudies.status, 'published'),
    ...f.q.map((word) => searchWordCondition(caseStudies.searchText, word)),
    f.theme && except !== 'theme' ? sql`${f.theme} = any(${caseStudies.nifThemes})` : undefined,
    f.national && except !== 'national' ? sql`${f.national} = any(${caseStudies.nationalPriorities})` : undefined,
    f.area && except !== 'area' ? sql`${f.area} = any(${caseStudies.areas})` : undefined,
    f.phase && except !== 'phase' ? eq(schools.sector, f.phase) : undefined,
    f.la && except !== 'la' ? sql`${laOf} = ${f.la}` : undefined,
  );
}

const base = (db: Db, columns: Record<string, unknown>) =>
  db
    .select(columns as typeof listColumns)
    .from(caseStudies)
    .leftJoin(schools, eq(schools.number, caseStudies.schoolNumber))
    .leftJoin(localAuthorities, eq(localAuthorities.code, laOf));

/** A page of published case studies, newest first, and how many match. */
export async function searchCaseStudies(db: Db, f: SearchFilters, page: { limit: number; offset: number }) {
  const where = conditions(f);
  const [rows, [total]] = await Promise.all([
    base(db, listColumns)
      .where(where)
      .orderBy(desc(caseStudies.publishedAt), asc(caseStudies.title))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(caseStudies)
      .leftJoin(schools, eq(schools.number, caseStudies.schoolNumber))
      .where(where),
  ]);
  return { rows: rows as CaseStudySummary[], total: total?.n ?? 0 };
}

/** How many published case studies each option of each filter would give, the other filters applied. */
export async function facetCounts(db: Db, f: SearchFilters): Promise<Record<Facet, Map<string, number>>> {
  const tagCounts = async (
    facet: Facet,
    column: SQL | typeof caseStudies.nifThemes | typeof caseStudies.nationalPriorities | typeof caseStudies.areas,
  ) => {
    const rows = await db
      .select({ code: sql<string>`tag`, n: sql<number>`count(*)::int` })
      .from(
        sql`${caseStudies} left join ${schools} on ${schools.number} = ${caseStudies.schoolNumber} cross join lateral unnest(${column}) as tag`,
      )
      .where(conditions(f, facet))
      .groupBy(sql`tag`);
    return new Map(rows.map((r) => [r.code, r.n]));
  };
  const columnCounts = async (facet: Facet, column: SQL) => {
    const rows = await db
      .select({ code: sql<string>`${column}`, n: sql<number>`count(*)::int` })
      .from(caseStudies)
      .leftJoin(schools, eq(schools.number, caseStudies.schoolNumber))
      .where(conditions(f, facet))
      .groupBy(column);
    return new Map(rows.filter((r) => r.code).map((r) => [r.code, r.n]));
  };
  const [theme, national, area, phase, la] = await Promise.all([
    tagCounts('theme', caseStudies.nifThemes),
    tagCounts('national', caseStudies.nationalPriorities),
    tagCounts('area', caseStudies.areas),
    columnCounts('phase', sql`${schools.sector}`),
    columnCounts('la', laOf),
  ]);
  return { theme, national, area, phase, la };
}

/** A school's or an LA's own case studies; drafts only when asked for (their writers). */
export async function listOwn(db: Db, owner: { schoolNumber: string } | { laCode: string }, withDrafts: boolean) {
  const ownerCondition =
    'schoolNumber' in owner
      ? eq(caseStudies.schoolNumber, owner.schoolNumber)
      : and(eq(caseStudies.laCode, owner.laCode), isNull(caseStudies.schoolNumber));
  const rows = await base(db, listColumns)
    .where(and(ownerCondition, withDrafts ? undefined : eq(caseStudies.status, 'published')))
    .orderBy(desc(sql`${caseStudies.status} = 'draft'`), desc(caseStudies.updatedAt));
  return rows as CaseStudySummary[];
}

/**
 * For brokering: a school's published case studies (title and id), those on the given NIF themes
 * first; every theme when `themes` is empty.
 */
export async function caseStudiesForSchool(
  db: Db,
  schoolNumber: string,
  themes: readonly string[] = [],
): Promise<{ id: string; title: string }[]> {
  return (await caseStudiesForSchools(db, [schoolNumber], themes)).map(({ id, title }) => ({ id, title }));
}

/** The published case studies of several schools in one query (brokering shows them beside each suggestion). */
export async function caseStudiesForSchools(db: Db, schoolNumbers: readonly string[], themes: readonly string[] = []) {
  if (!schoolNumbers.length) return [];
  return db
    .select({
      id: caseStudies.id,
      title: caseStudies.title,
      schoolNumber: caseStudies.schoolNumber,
      language: caseStudies.language,
      otherLanguage: caseStudies.otherLanguage,
    })
    .from(caseStudies)
    .where(
      and(
        inArray(caseStudies.schoolNumber, [...schoolNumbers]),
        eq(caseStudies.status, 'published'),
        themes.length
          ? sql`${caseStudies.nifThemes} && ${sql`array[${sql.join(
              themes.map((th) => sql`${th}`),
              sql`, `,
            )}]::text[]`}`
          : undefined,
      ),
    )
    .orderBy(desc(caseStudies.publishedAt));
}

/** National priorities a case study may be tagged with (withdrawn ones are no longer offered). */
export async function nationalPriorityOptions(db: Db) {
  return db
    .select({
      code: nationalPriorities.code,
      nameEn: nationalPriorities.nameEn,
      nameCy: nationalPriorities.nameCy,
      withdrawnOn: nationalPriorities.withdrawnOn,
    })
    .from(nationalPriorities)
    .orderBy(asc(nationalPriorities.supporting), asc(nationalPriorities.code));
}

export async function localAuthorityOptions(db: Db) {
  return db
    .select({ code: localAuthorities.code, nameEn: localAuthorities.nameEn, nameCy: localAuthorities.nameCy })
    .from(localAuthorities)
    .orderBy(asc(localAuthorities.code));
}

export async function insertCaseStudy(
  db: Db,
  values: CaseStudyValues & {
    schoolNumber: string | null;
    laCode: string | null;
    createdBy: string | null;
    status?: string;
    publishedAt?: Date | null;
  },
) {
  const [row] = await db.insert(caseStudies).values(values).returning();
  return row!;
}

/** Updates only if nobody saved since `version`; null on a conflict. */
export async function updateCaseStudy(
  db: Db,
  id: string,
  version: number,
  values: Partial<CaseStudyValues> & { status?: string; publishedAt?: Date | null },
) {
  const [row] = await db
    .update(caseStudies)
    .set({ ...values, version: sql`${caseStudies.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(caseStudies.id, id), eq(caseStudies.version, version)))
    .returning();
  return row ?? null;
}
