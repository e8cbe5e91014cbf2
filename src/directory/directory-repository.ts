import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { unionAll, type PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { reused } from '../db/reused-query.ts';
import {
  collaborativeMembers,
  collaboratives,
  directoryImports,
  localAuthorities,
  schoolChanges,
  schools,
} from '../db/schema/index.ts';
import { isWelshFormOf, searchKey } from '../lib/search-text.ts';
import { searchWordCondition } from '../db/search-condition.ts';
import { FACETS, type DirectoryFilter, type Facet } from './directory-filter.ts';

export type Page = { limit: number; offset: number };
export type FacetCounts = Record<Facet, Map<string, number>>;

type FacetColumns = Record<Facet, PgColumn>;

const FACET_COLUMNS: FacetColumns = {
  la: schools.laCode,
  sector: schools.sector,
  wm: schools.wmCode,
  governance: schools.governance,
  religious: schools.religiousCharacter,
};

type LaKey = { code: string; words: string[] };

// The 22 LAs are fixed reference data (DOMAIN.md section 3), so their words are read once per database.
const laKeysCache = new WeakMap<Db, Promise<LaKey[]>>();

/** The 22 LAs with the words of both their names, normalised as school search text is. */
function laKeys(db: Db): Promise<LaKey[]> {
  let keys = laKeysCache.get(db);
  if (!keys) {
    keys = db
      .select()
      .from(localAuthorities)
      .then((rows) => rows.map((r) => ({ code: r.code, words: searchKey(`${r.nameEn} ${r.nameCy}`).split(' ') })));
    keys.catch(() => laKeysCache.delete(db));
    laKeysCache.set(db, keys);
  }
  return keys;
}

/**
 * Every word must appear in the school's search text (name, number, postcode) or begin a word
 * of its LA's name in either language, so "ynys mon" finds the schools of Ynys Môn; either in
 * a Welsh mutated form too ("Gymraeg" for "Cymraeg", "Sir Benfro" for "Penfro"). A whole
 * school number or postcode (any spacing or case) also matches exactly.
 */
function searchCondition(q: string, las: LaKey[]): SQL | undefined {
  const words = searchKey(q).split(' ').filter(Boolean);
  if (!words.length) return undefined;
  const byWord = words.map((word) => {
    const codes = las
      .filter((la) => la.words.some((w) => w.startsWith(word) || isWelshFormOf(word, w)))
      .map((la) => la.code);
    return or(searchWordCondition(schools.searchText, word), codes.length ? inArray(schools.laCode, codes) : undefined);
  });
  const compact = q.replace(/\s+/g, '').toUpperCase();
  return or(
    and(...byWord),
    /^\d{7}$/.test(compact) ? eq(schools.number, compact) : undefined,
    /^[A-Z0-9]{5,8}$/.test(compact) ? sql`replace(${schools.postcode}, ' ', '') = ${compact}` : undefined,
  );
}

/** Each active filter as SQL over the given columns, leaving out one facet's own (for its counts). */
function facetConditions(filter: DirectoryFilter, columns: FacetColumns, except?: Facet): SQL | undefined {
  return and(...FACETS.filter((f) => f !== except && filter[f].length).map((f) => inArray(columns[f], filter[f])));
}

/**
 * The total and, per facet, the count of each value with every other filter applied, in one
 * scan of the table: the schools matching status and search are first grouped by all five
 * facet columns (a few hundred groups at most), then each facet sums those groups. Without
 * facets (the API), just the total.
 */
function countsQuery(db: Db, filter: DirectoryFilter, baseWhere: SQL | undefined, withFacets: boolean) {
  if (!withFacets) {
    return db
      .select({ facet: sql<string>`'total'`, value: sql<string>`''`, count: sql<number>`count(*)::int` })
      .from(schools)
      .where(and(baseWhere, facetConditions(filter, FACET_COLUMNS)));
  }
  const base = db.$with('base').as(
    db
      .select({
        la: schools.laCode,
        sector: schools.sector,
        wm: schools.wmCode,
        governance: schools.governance,
        religious: schools.religiousCharacter,
        n: sql<number>`count(*)::int`.as('n'),
      })
      .from(schools)
      .where(baseWhere)
      .groupBy(schools.laCode, schools.sector, schools.wmCode, schools.governance, schools.religiousCharacter),
  );
  const columns: FacetColumns = {
    la: base.la,
    sector: base.sector,
    wm: base.wm,
    governance: base.governance,
    religious: base.religious,
  };
  const total = db
    .select({
      facet: sql<string>`'total'`.as('facet'),
      value: sql<string>`''`.as('value'),
      count: sql<number>`coalesce(sum(${base.n}), 0)::int`.as('count'),
    })
    .from(base)
    .where(facetConditions(filter, columns));
  const perFacet = FACETS.map((f) =>
    db
      .select({
        facet: sql<string>`${sql.raw(`'${f}'`)}`.as('facet'),
        value: sql<string>`${columns[f]}`.as('value'),
        count: sql<number>`sum(${base.n})::int`.as('count'),
      })
      .from(base)
      .where(and(facetConditions(filter, columns, f), sql`${columns[f]} is not null`))
      .groupBy(columns[f]),
  );
  // The WITH goes on an outer query: drizzle puts each part of a UNION in parentheses.
  const [first, ...more] = perFacet;
  const counts = unionAll(total, first!, ...more).as('counts');
  return db.with(base).select().from(counts);
}

const summaryColumns = {
  number: schools.number,
  name: schools.name,
  laCode: schools.laCode,
  laNameEn: localAuthorities.nameEn,
  laNameCy: localAuthorities.nameCy,
  sector: schools.sector,
  governance: schools.governance,
  wmCode: schools.wmCode,
  schoolType: schools.schoolType,
  religiousCharacter: schools.religiousCharacter,
  postcode: schools.postcode,
  pupils: schools.pupils,
  open: schools.open,
  closedOn: schools.closedOn,
};

/**
 * One page of schools (by name) with the total and, for each facet, the count per value
 * with every other active filter applied: the counts say what ticking that value would give.
 */
export async function searchSchools(
  db: Db,
  filter: DirectoryFilter,
  page: Page,
  options: { facets: boolean } = { facets: true },
) {
  const search = searchCondition(filter.q, filter.q ? await laKeys(db) : []);
  const baseWhere = and(filter.includeClosed ? undefined : eq(schools.open, true), search);
  const [rows, counts] = await Promise.all([
    db
      .select(summaryColumns)
      .from(schools)
      .innerJoin(localAuthorities, eq(localAuthorities.code, schools.laCode))
      .where(and(baseWhere, facetConditions(filter, FACET_COLUMNS)))
      .orderBy(asc(sql`lower(${schools.name})`), asc(schools.number))
      .limit(page.limit)
      .offset(page.offset),
    countsQuery(db, filter, baseWhere, options.facets),
  ]);
  const facets = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  let total = 0;
  for (const c of counts) {
    if (c.facet === 'total') total = c.count;
    else facets[c.facet as Facet].set(c.value, c.count);
  }
  return { rows, total, facets };
}

export type SchoolSummary = Awaited<ReturnType<typeof searchSchools>>['rows'][number];

export async function findSchool(db: Db, number: string) {
  const [school] = await db
    .select({
      ...summaryColumns,
      address1: schools.address1,
      address2: schools.address2,
      address3: schools.address3,
      address4: schools.address4,
      phone: schools.phone,
      languageCategory: schools.languageCategory,
      languageCategorySecond: schools.languageCategorySecond,
    })
    .from(schools)
    .innerJoin(localAuthorities, eq(localAuthorities.code, schools.laCode))
    .where(eq(schools.number, number));
  return school ?? null;
}

export type SchoolRecord = NonNullable<Awaited<ReturnType<typeof findSchool>>>;

/** What each import did to the school, newest first. */
export async function schoolHistory(db: Db, number: string) {
  return db
    .select({
      kind: schoolChanges.kind,
      fields: schoolChanges.fields,
      fileName: directoryImports.fileName,
      editionDate: directoryImports.editionDate,
      importedAt: directoryImports.importedAt,
    })
    .from(schoolChanges)
    .innerJoin(directoryImports, eq(directoryImports.id, schoolChanges.importId))
    .where(eq(schoolChanges.schoolNumber, number))
    .orderBy(desc(directoryImports.importedAt), desc(schoolChanges.id));
}

export async function schoolCollaboratives(db: Db, number: string) {
  return db
    .select({
      id: collaboratives.id,
      kind: collaboratives.kind,
      nameEn: collaboratives.nameEn,
      nameCy: collaboratives.nameCy,
      status: collaboratives.status,
    })
    .from(collaborativeMembers)
    .innerJoin(collaboratives, eq(collaboratives.id, collaborativeMembers.collaborativeId))
    .where(eq(collaborativeMembers.schoolNumber, number))
    .orderBy(asc(collaboratives.nameEn));
}

/** Every LA with its open schools counted by sector. */
export async function localAuthoritiesWithCounts(db: Db) {
  const [las, counts] = await Promise.all([
    db.select().from(localAuthorities).orderBy(asc(localAuthorities.code)),
    db
      .select({ laCode: schools.laCode, sector: schools.sector, count: sql<number>`count(*)::int` })
      .from(schools)
      .where(eq(schools.open, true))
      .groupBy(schools.laCode, schools.sector),
  ]);
  return las.map((la) => {
    const bySector: Record<string, number> = {};
    for (const c of counts) if (c.laCode === la.code) bySector[c.sector] = c.count;
    return { ...la, bySector, openSchools: Object.values(bySector).reduce((a, b) => a + b, 0) };
  });
}

export async function findLocalAuthority(db: Db, code: string) {
  // Every LA page's loader asks: built once (src/db/reused-query.ts).
  const [la] = await reused(db, 'local_authority', (db) =>
    db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.code, sql.placeholder('code'))),
  ).execute({ code });
  return la ?? null;
}

export async function listLocalAuthorities(db: Db) {
  return db.select().from(localAuthorities).orderBy(asc(localAuthorities.code));
}
