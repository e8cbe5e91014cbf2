import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

type Rows<T> = { rows: T[] };
const ids = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}::uuid`),
    sql`, `,
  );

export type CollaborativeActivity = {
  id: string;
  shares: number;
  meetings: number;
  enquiries: { state: string; count: number }[];
};

/**
 * How active each collaborative has been: what members shared into it and the meetings it held
 * between `from` and `to`, and its peer enquiries begun since `yearStart`, by state. Each count
 * reads its collaborative's rows through an index that starts with the collaborative
 * (`shares_audience_newest`, `meetings_collaborative`, `peer_enquiries_collaborative`).
 */
export async function collaborativeActivity(
  db: Db,
  collaborativeIds: readonly string[],
  period: { from: string; to: string; yearStart: string },
): Promise<Map<string, CollaborativeActivity>> {
  const byId = new Map<string, CollaborativeActivity>(
    collaborativeIds.map((id) => [id, { id, shares: 0, meetings: 0, enquiries: [] }]),
  );
  if (collaborativeIds.length === 0) return byId;
  const [counts, enquiries] = await Promise.all([
    db.execute(sql`
      select c.id::text as id,
        (select count(*)::int from shares sh where sh.audience = 'collaborative' and sh.audience_id = c.id::text
           and sh.shared_at >= ${period.from}::date and sh.shared_at < ${period.to}::date + 1
           and exists (select 1 from collaborative_members m where m.collaborative_id = c.id and m.school_number = sh.school_number)) as shares,
        (select count(*)::int from meetings mt where mt.collaborative_id = c.id and mt.meets_on between ${period.from}::date and ${period.to}::date) as meetings
      from collaboratives c where c.id in (${ids(collaborativeIds)})`) as unknown as Promise<
      Rows<{ id: string; shares: number; meetings: number }>
    >,
    db.execute(sql`
      select e.collaborative_id::text as id, e.state, count(*)::int as count from peer_enquiries e
      where e.collaborative_id in (${ids(collaborativeIds)}) and (e.created_at >= ${period.yearStart}::date or coalesce(e.visit_start, e.visit_end) >= ${period.yearStart}::date)
      group by 1, 2`) as unknown as Promise<Rows<{ id: string; state: string; count: number }>>,
  ]);
  for (const r of counts.rows)
    Object.assign(byId.get(r.id)!, { shares: Number(r.shares), meetings: Number(r.meetings) });
  for (const r of enquiries.rows) byId.get(r.id)?.enquiries.push({ state: r.state, count: Number(r.count) });
  return byId;
}

/** The member schools of these collaboratives: which collaborative each school is in. */
export async function membersOf(db: Db, collaborativeIds: readonly string[]) {
  if (collaborativeIds.length === 0) return [];
  const result = (await db.execute(sql`
    select m.collaborative_id::text as "collaborativeId", m.school_number as "schoolNumber" from collaborative_members m
    where m.collaborative_id in (${ids(collaborativeIds)})`)) as unknown as Rows<{
    collaborativeId: string;
    schoolNumber: string;
  }>;
  return result.rows;
}
