import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** School priorities that count in the local picture: decided, not drafts or closed ones. */
export const PICTURE_STATES = ['agreed', 'in_progress', 'reviewed'] as const;

/**
 * The school priorities an LA may count (DOMAIN.md section 7, rule 3): priorities of the LA's own
 * schools that the school shared with the LA, or with a collaborative that one of the LA's staff
 * (an officer or improvement partner of this LA) facilitates. Nothing private, nothing shared only
 * with governors, no drafts.
 */
function visiblePriorities(laCode: string): SQL {
  return sql`
    select p.id, p.school_number, p.nif_theme, p.national_priorities
    from priorities p
    join schools sc on sc.number = p.school_number
    where sc.la_code = ${laCode}
      and p.state in (${sql.join(
        PICTURE_STATES.map((s) => sql`${s}`),
        sql`, `,
      )})
      and exists (
        select 1 from shares sh
        where sh.item_type = 'priority' and sh.item_id = p.id::text
          and (sh.audience = 'la'
            or (sh.audience = 'collaborative' and sh.audience_id in (
              select cf.collaborative_id::text from collaborative_facilitators cf
              join role_assignments ra on ra.user_id = cf.user_id
              where ra.role in ('la_officer', 'improvement_partner') and ra.scope_id = ${laCode})))
      )`;
}

export type PictureRow = { code: string; schools: number; priorities: number };

type Rows<T> = { rows: T[] };

/** How many schools (and priorities) shared a priority in each NIF theme, and for each national priority. */
export async function localPicture(
  db: Db,
  laCode: string,
): Promise<{ themes: PictureRow[]; national: PictureRow[]; schools: number }> {
  const visible = visiblePriorities(laCode);
  const [themes, national, total] = await Promise.all([
    db.execute(sql`select v.nif_theme as code, count(distinct v.school_number)::int as schools, count(*)::int as priorities
      from (${visible}) v where v.nif_theme is not null group by v.nif_theme`) as unknown as Promise<Rows<PictureRow>>,
    db.execute(sql`select n.code as code, count(distinct v.school_number)::int as schools, count(*)::int as priorities
      from (${visible}) v cross join lateral unnest(v.national_priorities) as n(code) group by n.code`) as unknown as Promise<
      Rows<PictureRow>
    >,
    db.execute(sql`select count(distinct v.school_number)::int as schools from (${visible}) v`) as unknown as Promise<
      Rows<{ schools: number }>
    >,
  ]);
  return { themes: themes.rows, national: national.rows, schools: total.rows[0]?.schools ?? 0 };
}

/** The number of schools behind one row of the picture, counted again when a priority is drawn from it. */
export async function schoolsSharing(
  db: Db,
  laCode: string,
  row: { kind: 'theme' | 'national'; code: string },
): Promise<number> {
  const visible = visiblePriorities(laCode);
  const condition =
    row.kind === 'theme' ? sql`v.nif_theme = ${row.code}` : sql`${row.code} = any(v.national_priorities)`;
  const result = (await db.execute(
    sql`select count(distinct v.school_number)::int as schools from (${visible}) v where ${condition}`,
  )) as unknown as Rows<{ schools: number }>;
  return result.rows[0]?.schools ?? 0;
}
