import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Priorities that make the local picture: decided and under way, never drafts (nor closed ones). */
export const COUNTED_STATES = ['agreed', 'in_progress', 'reviewed'] as const;
/** The second dimension of the consolidated picture (the first is always the NIF theme). */
export const DIMENSIONS = ['national', 'phase', 'collaborative'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** The key of "not set" (no theme, no national priority, no collaborative) in URLs and cells. */
export const NONE = 'none';

type Rows<T> = { rows: T[] };
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * The school priorities of this academic year an LA may see (DOMAIN.md section 7, rule 3), one row
 * per priority and way it is visible: shared with the LA by a school of this LA (`via_la`), or
 * shared with a collaborative that any officer or improvement partner of this LA facilitates, by
 * a current member school of any LA (`collaborative_id`). Everything starts from the LA: its schools
 * (`schools_la`), its staff's collaboratives, then each school's cycle of the year
 * (`cycles_school_year`), its priorities (`priorities_school_cycle`) and the share's primary key, so
 * the work grows with the LA, not with Wales.
 */
function visibleCte(laCode: string, year: number): SQL {
  const counted = sql`p.state in (${list(COUNTED_STATES)})`;
  return sql`
    la_staff as (
      select ra.user_id from role_assignments ra where ra.scope_id = ${laCode} and ra.role in ('la_officer', 'improvement_partner')),
    facilitated as (
      select distinct cf.collaborative_id as id from collaborative_facilitators cf where cf.user_id in (select user_id from la_staff)),
    visible as (
      select p.id, p.school_number, true as via_la, null::uuid as collaborative_id
        from schools s
        join cycles cy on cy.school_number = s.number and cy.academic_year = ${year}
        join priorities p on p.school_number = s.number and p.cycle_id = cy.id
        where s.la_code = ${laCode} and ${counted}
          and exists (select 1 from shares sh where sh.item_type = 'priority' and sh.item_id = p.id::text and sh.audience = 'la' and sh.audience_id = '')
      union all
      select p.id, p.school_number, false, f.id
        from facilitated f
        join collaborative_members m on m.collaborative_id = f.id
        join cycles cy on cy.school_number = m.school_number and cy.academic_year = ${year}
        join priorities p on p.school_number = m.school_number and p.cycle_id = cy.id
        where ${counted}
          and exists (select 1 from shares sh where sh.item_type = 'priority' and sh.item_id = p.id::text and sh.audience = 'collaborative' and sh.audience_id = f.id::text)),
    la_collaboratives as (
      select c.id from collaboratives c where c.la_code = ${laCode} and c.status <> 'closed'
      union select id from facilitated)`;
}

/** The column a priority falls in, for each dimension: a national priority, its school's phase, its school's collaboratives. */
function columnJoin(dimension: Dimension): { join: SQL; column: SQL } {
  if (dimension === 'national')
    return { join: sql`left join lateral unnest(p.national_priorities) as col(key) on true`, column: sql`col.key` };
  if (dimension === 'phase')
    return { join: sql`join schools sc on sc.number = v.school_number`, column: sql`sc.sector` };
  return {
    join: sql`left join collaborative_members cm on cm.school_number = v.school_number and cm.collaborative_id in (select id from la_collaboratives)`,
    column: sql`cm.collaborative_id::text`,
  };
}

export type PictureCount = {
  theme: string | null;
  col: string | null;
  schools: number;
  priorities: number;
  level: 'cell' | 'row' | 'column' | 'all';
};

/**
 * Distinct schools (and priorities) per NIF theme x column, with the row, column and grand totals
 * counted again (a school with two priorities in a row counts once there), in one pass.
 */
export async function pictureCounts(
  db: Db,
  laCode: string,
  year: number,
  dimension: Dimension,
): Promise<PictureCount[]> {
  const { join, column } = columnJoin(dimension);
  const result = (await db.execute(sql`
    with ${visibleCte(laCode, year)},
    items as (select distinct v.id, v.school_number from visible v)
    select theme, col, count(distinct school_number)::int as schools, count(distinct id)::int as priorities, grouping(theme)::int as no_theme, grouping(col)::int as no_col
    from (select v.id, v.school_number, coalesce(p.nif_theme, ${NONE}) as theme, coalesce(${column}, ${NONE}) as col
      from items v join priorities p on p.id = v.id ${join}) x
    group by grouping sets ((theme, col), (theme), (col), ())`)) as unknown as Rows<
    PictureCount & { no_theme: number; no_col: number }
  >;
  return result.rows.map((r) => ({
    theme: r.no_theme ? null : r.theme,
    col: r.no_col ? null : r.col,
    schools: Number(r.schools),
    priorities: Number(r.priorities),
    level: r.no_theme && r.no_col ? 'all' : r.no_theme ? 'column' : r.no_col ? 'row' : 'cell',
  }));
}

/**
 * Raised by the triggers (migration 0032) when something an LA's picture is built from changes:
 * its own schools' shares and priorities, or anything about collaboratives and who facilitates them.
 */
export async function laPictureVersion(db: Db, laCode: string): Promise<number> {
  const result = (await db.execute(sql`
    select coalesce(sum(version), 0)::text as version from aggregate_versions
    where name in ('la-picture', ${`la-picture:${laCode}`})`)) as unknown as Rows<{ version: string }>;
  return Number(result.rows[0]?.version ?? 0);
}

export type CellPriority = {
  id: string;
  title: string;
  state: string;
  language: string;
  otherLanguage: Record<string, string>;
  schoolNumber: string;
  schoolName: string;
  schoolLa: string;
  viaLa: boolean;
  collaboratives: string[];
};

/** The priorities behind one cell, with how each is visible (shared with the LA, and with which facilitated collaboratives). */
export async function cellPriorities(
  db: Db,
  laCode: string,
  year: number,
  dimension: Dimension,
  cell: { theme: string; col: string },
): Promise<CellPriority[]> {
  const { join, column } = columnJoin(dimension);
  const result = (await db.execute(sql`
    with ${visibleCte(laCode, year)},
    items as (select v.id, v.school_number, bool_or(v.via_la) as via_la, array_remove(array_agg(distinct v.collaborative_id::text), null) as collaboratives from visible v group by v.id, v.school_number)
    select distinct p.id, p.title, p.state, p.language, p.other_language as "otherLanguage", s.number as "schoolNumber", s.name as "schoolName", s.la_code as "schoolLa", v.via_la as "viaLa", v.collaboratives
    from items v join priorities p on p.id = v.id join schools s on s.number = v.school_number ${join}
    where coalesce(p.nif_theme, ${NONE}) = ${cell.theme} and coalesce(${column}, ${NONE}) = ${cell.col}
    order by s.name, s.number, p.title`)) as unknown as Rows<CellPriority>;
  return result.rows;
}

/** The columns a dimension may have: every national priority, or the LA's (and its staff's) collaboratives. */
export async function nationalPriorityNames(db: Db) {
  const result = (await db.execute(
    sql`select code, name_en as "nameEn", name_cy as "nameCy" from national_priorities order by supporting, code`,
  )) as unknown as Rows<{ code: string; nameEn: string; nameCy: string }>;
  return result.rows;
}

export async function laCollaborativeNames(db: Db, laCode: string) {
  const result = (await db.execute(sql`
    with la_staff as (select ra.user_id from role_assignments ra where ra.scope_id = ${laCode} and ra.role in ('la_officer', 'improvement_partner'))
    select c.id::text as code, c.name_en as "nameEn", c.name_cy as "nameCy" from collaboratives c
    where (c.la_code = ${laCode} and c.status <> 'closed')
       or c.id in (select cf.collaborative_id from collaborative_facilitators cf where cf.user_id in (select user_id from la_staff))
    order by c.name_en`)) as unknown as Rows<{ code: string; nameEn: string; nameCy: string }>;
  return result.rows;
}
