import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;

/** The LA's open schools, counted by sector (phase). */
export async function schoolsBySector(db: Db, laCode: string) {
  const result = await rows<{ sector: string; schools: number }>(
    db,
    sql`
    select sector, count(*)::int as schools from schools where la_code = ${laCode} and open group by sector order by sector`,
  );
  return result.map((r) => ({ ...r, schools: Number(r.schools) }));
}

/** The LA's collaboratives (owned by it, or facilitated by its staff), by name, with their members. */
export async function laCollaboratives(db: Db, laCode: string) {
  const result = await rows<{
    id: string;
    kind: string;
    nameEn: string;
    nameCy: string;
    status: string;
    laCode: string | null;
    members: number;
  }>(
    db,
    sql`
    with la_staff as (select ra.user_id from role_assignments ra where ra.scope_id = ${laCode} and ra.role in ('la_officer', 'improvement_partner'))
    select c.id, c.kind, c.name_en as "nameEn", c.name_cy as "nameCy", c.status, c.la_code as "laCode",
      (select count(*)::int from collaborative_members m where m.collaborative_id = c.id) as members
    from collaboratives c
    where c.la_code = ${laCode}
       or c.id in (select cf.collaborative_id from collaborative_facilitators cf where cf.user_id in (select user_id from la_staff))
    order by c.name_en, c.id`,
  );
  return result.map((r) => ({ ...r, members: Number(r.members) }));
}

/** Active offers of the LA's schools: strengths they offer to share. */
export async function activeOffers(db: Db, laCode: string) {
  return rows<{
    id: string;
    title: string;
    nifTheme: string | null;
    language: string;
    otherLanguage: Record<string, string>;
    schoolNumber: string;
    schoolName: string;
  }>(
    db,
    sql`
    select o.id, o.title, o.nif_theme as "nifTheme", o.language, o.other_language as "otherLanguage", s.number as "schoolNumber", s.name as "schoolName"
    from schools s join support_offers o on o.school_number = s.number
    where s.la_code = ${laCode} and o.status = 'active'
    order by o.nif_theme nulls last, s.name, o.title`,
  );
}

/** Findings of kind strength this year that the LA's schools shared with the LA (when no school has made an offer yet). */
export async function sharedStrengths(db: Db, laCode: string, year: number) {
  return rows<{
    id: string;
    title: string;
    nifTheme: string | null;
    language: string;
    otherLanguage: Record<string, string>;
    schoolNumber: string;
    schoolName: string;
  }>(
    db,
    sql`
    select f.id, f.title, f.nif_theme as "nifTheme", f.language, f.other_language as "otherLanguage", s.number as "schoolNumber", s.name as "schoolName"
    from schools s
    join cycles cy on cy.school_number = s.number and cy.academic_year = ${year}
    join findings f on f.school_number = s.number and f.cycle_id = cy.id
    where s.la_code = ${laCode} and f.kind = 'strength'
      and exists (select 1 from shares sh where sh.item_type = 'finding' and sh.item_id = f.id::text and sh.audience = 'la' and sh.audience_id = '')
    order by f.nif_theme nulls last, s.name, f.title`,
  );
}
