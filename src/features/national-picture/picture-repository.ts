import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { CollaborativeRef, SchoolGroup } from './picture-cube.ts';

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;

/**
 * Schools counted in the national picture, grouped so that identical schools are one row: a
 * school-year counts when one of its priorities (not a draft) is shared at national-aggregate
 * level or wider (audience 'national' or 'public'). Each school's contribution is kept up to date
 * by triggers as things change (`picture_school_years`, migration 0032), so this reads one summary
 * row per counted school instead of every share and priority.
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
    select academic_year as year, la_code as la, sector as phase, themes, national_priorities as nps, collaboratives, count(*)::int as schools
    from picture_school_years
    group by academic_year, la_code, sector, themes, national_priorities, collaboratives`,
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

/** Raised by the triggers whenever anything the picture is built from changes (shares, priorities, members, the directory). */
export async function pictureVersion(db: Db): Promise<number> {
  const [r] = await rows<{ version: string | null }>(
    db,
    sql`select max(version)::text as version from aggregate_versions where name = 'national-picture'`,
  );
  return Number(r?.version ?? 0);
}
