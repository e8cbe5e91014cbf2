import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { CollaborativeRef, SchoolGroup } from './picture-cube.ts';

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;

/**
 * Schools counted in the national picture, grouped so that identical schools are one row: a
 * school-year counts when one of its priorities (not a draft) is shared at national-aggregate
 * level or wider (audience 'national' or 'public'). Starts from the shares index on audience, then
 * each priority by its key, so only what is shared nationally is read.
 */
export async function countedSchoolGroups(db: Db): Promise<SchoolGroup[]> {
  const result = await rows<{
    year: number;
    la: string;
    phase: string;
    themes: string[];
    nps: string[];
    collaboratives: string[];
    schools: number;
  }>(
    db,
    sql`
    with counted as (
      select p.school_number, cy.academic_year as year, coalesce(p.nif_theme, 'none') as theme, p.national_priorities as nps
      from shares sh
      join priorities p on p.id = sh.item_id::uuid
      join cycles cy on cy.id = p.cycle_id
      where sh.item_type = 'priority' and sh.audience in ('national', 'public') and p.state <> 'draft'),
    per_school as (
      select c.school_number, c.year, array_agg(distinct c.theme order by c.theme) as themes,
        coalesce(array_agg(distinct n.code order by n.code) filter (where n.code is not null), '{}') as nps
      from counted c left join lateral unnest(c.nps) as n(code) on true
      group by c.school_number, c.year)
    select ps.year, s.la_code as la, s.sector as phase, ps.themes, ps.nps, coalesce(m.ids, '{}') as collaboratives, count(*)::int as schools
    from per_school ps
    join schools s on s.number = ps.school_number
    left join lateral (
      select array_agg(cm.collaborative_id::text order by cm.collaborative_id) as ids
      from collaborative_members cm join collaboratives co on co.id = cm.collaborative_id
      where cm.school_number = ps.school_number and co.status <> 'closed') m on true
    group by ps.year, s.la_code, s.sector, ps.themes, ps.nps, m.ids`,
  );
  return result.map((r) => ({ ...r, year: Number(r.year), schools: Number(r.schools) }));
}

/** Open collaboratives, with their members' LAs and phases as anyone can read them in the directory. */
export async function collaborativeRefs(db: Db): Promise<(CollaborativeRef & { nameEn: string; nameCy: string })[]> {
  return rows(
    db,
    sql`
    select co.id::text as id, co.la_code as "laCode", co.name_en as "nameEn", co.name_cy as "nameCy",
      coalesce(array_agg(distinct s.la_code) filter (where s.number is not null), '{}') as "memberLas",
      coalesce(array_agg(distinct s.sector) filter (where s.number is not null), '{}') as "memberPhases",
      coalesce(array_agg(distinct s.number) filter (where s.number is not null), '{}') as members
    from collaboratives co
    left join collaborative_members cm on cm.collaborative_id = co.id
    left join schools s on s.number = cm.school_number
    where co.status <> 'closed'
    group by co.id
    order by co.name_en, co.id`,
  );
}

export async function localAuthorityNames(db: Db) {
  return rows<{ code: string; nameEn: string; nameCy: string }>(
    db,
    sql`select code, name_en as "nameEn", name_cy as "nameCy" from local_authorities order by code`,
  );
}

export async function nationalPriorityNames(db: Db) {
  return rows<{ code: string; nameEn: string; nameCy: string; withdrawnOn: string | null }>(
    db,
    sql`
    select code, name_en as "nameEn", name_cy as "nameCy", withdrawn_on::text as "withdrawnOn" from national_priorities order by supporting, published_on, code`,
  );
}

/** The academic years with a cycle whose priorities were shared nationally. */
export async function countedYears(db: Db): Promise<number[]> {
  const result = await rows<{ year: number }>(
    db,
    sql`
    select distinct cy.academic_year as year from shares sh join priorities p on p.id = sh.item_id::uuid join cycles cy on cy.id = p.cycle_id
    where sh.item_type = 'priority' and sh.audience in ('national', 'public') and p.state <> 'draft' order by 1`,
  );
  return result.map((r) => Number(r.year));
}

/** Changes whenever anything the picture is built from changes (shares, priorities, members, the directory). */
export async function pictureFingerprint(db: Db): Promise<string> {
  const [r] = await rows<{ fp: string }>(
    db,
    sql`
    select concat_ws('/',
      (select count(*) || ':' || coalesce(max(sh.shared_at)::text, '') || ':' || coalesce(max(p.updated_at)::text, '') || ':' || coalesce(sum(p.version), 0)
         || ':' || coalesce(sum(length(p.state) + coalesce(length(p.nif_theme), 0) + cardinality(p.national_priorities)), 0)
       from shares sh join priorities p on p.id = sh.item_id::uuid where sh.item_type = 'priority' and sh.audience in ('national', 'public')),
      (select count(*) || ':' || coalesce(sum(version), 0) || ':' || string_agg(status, '' order by id) from collaboratives),
      (select count(*) from collaborative_members),
      (select coalesce(max(updated_at)::text, '') from schools),
      (select count(*) || ':' || string_agg(code || coalesce(withdrawn_on::text, ''), ',') from national_priorities)) as fp`,
  );
  return r!.fp;
}
