import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { collaborativeMembers, collaboratives, schools } from '../../db/schema/index.ts';

/** Enquiry states in which the visit has happened (DOMAIN.md section 5): on site or later, not cancelled. */
export const VISITED_STATES = [
  'on_site',
  'making_sense',
  'report_drafted',
  'report_agreed',
  'follow_up',
  'closed',
] as const;

/** What to count: a period (inclusive ISO dates), and for a collaborative's page only its own activity. */
export type ActivityScope = { from: string; to: string; today: string; collaborativeId: string | null };

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const visited = sql`e.state in (${list(VISITED_STATES)})`;
const visitDate = sql`coalesce(e.visit_start, e.visit_end, e.updated_at::date)`;

/** A collaborative's member schools, by name (never by any count: DOMAIN.md rule 6). */
export async function collaborativeSchools(db: Db, collaborativeId: string) {
  return db
    .select({ number: schools.number, name: schools.name, inCollaborative: sql<boolean>`true` })
    .from(collaborativeMembers)
    .innerJoin(schools, eq(schools.number, collaborativeMembers.schoolNumber))
    .where(eq(collaborativeMembers.collaborativeId, collaborativeId))
    .orderBy(asc(schools.name), asc(schools.number));
}

/** Every open school of the LA, by name, and whether it is in any collaborative that has not closed. */
export async function laSchools(db: Db, laCode: string) {
  const member = db
    .select({ one: sql`1` })
    .from(collaborativeMembers)
    .innerJoin(collaboratives, eq(collaboratives.id, collaborativeMembers.collaborativeId))
    .where(and(eq(collaborativeMembers.schoolNumber, schools.number), ne(collaboratives.status, 'closed')));
  return db
    .select({ number: schools.number, name: schools.name, inCollaborative: sql<boolean>`exists (${member})` })
    .from(schools)
    .where(and(eq(schools.laCode, laCode), eq(schools.open, true)))
    .orderBy(asc(schools.name), asc(schools.number));
}

export type ActivityCounts = {
  school: string;
  hosted: number;
  visited: number;
  gave: number;
  received: number;
  meetings: number;
  sessions: number;
  lastActivity: string | null;
};

/**
 * Per school, the peer activity of the period (in the collaborative, when one is named) and the
 * date of its last peer activity anywhere, up to today (for the working-alone flag). One pass,
 * counted in SQL; each branch reads its table through the school-number index.
 */
export async function activityCounts(
  db: Db,
  schoolNumbers: readonly string[],
  scope: ActivityScope,
): Promise<ActivityCounts[]> {
  if (schoolNumbers.length === 0) return [];
  const inSchools = (column: SQL) => sql`${column} in (${list(schoolNumbers)})`;
  const counted = (kind: string) =>
    sql`count(*) filter (where kind = ${kind} and on_date between ${scope.from}::date and ${scope.to}::date${scope.collaborativeId ? sql` and collaborative_id = ${scope.collaborativeId}::uuid` : sql``})::int`;
  const result = await db.execute(sql`
    with activity as (
      select e.host_school_number as school, 'hosted' as kind, ${visitDate} as on_date, e.collaborative_id
        from peer_enquiries e where ${visited} and ${inSchools(sql`e.host_school_number`)}
      union all
      select distinct r.school_number, 'visited', ${visitDate}, e.collaborative_id
        from enquiry_reviewers r join peer_enquiries e on e.id = r.enquiry_id
        where ${visited} and r.school_number <> e.host_school_number and ${inSchools(sql`r.school_number`)}
      union all
      select f.supporting_school_number, 'gave', f.created_at::date, e.collaborative_id
        from enquiry_follow_ups f join peer_enquiries e on e.id = f.enquiry_id
        where e.state <> 'cancelled' and f.supporting_school_number <> e.host_school_number and ${inSchools(sql`f.supporting_school_number`)}
      union all
      select e.host_school_number, 'received', f.created_at::date, e.collaborative_id
        from enquiry_follow_ups f join peer_enquiries e on e.id = f.enquiry_id
        where e.state <> 'cancelled' and f.supporting_school_number <> e.host_school_number and ${inSchools(sql`e.host_school_number`)}
      union all
      select ms.school_number, 'meeting', m.meets_on, m.collaborative_id
        from meeting_schools ms join meetings m on m.id = ms.meeting_id where ${inSchools(sql`ms.school_number`)}
      union all
      select ps.school_number, 'session', s.held_on, s.collaborative_id
        from progression_session_schools ps join progression_sessions s on s.id = ps.session_id where ${inSchools(sql`ps.school_number`)}
    )
    select school, ${counted('hosted')} as hosted, ${counted('visited')} as visited, ${counted('gave')} as gave, ${counted('received')} as received,
      ${counted('meeting')} as meetings, ${counted('session')} as sessions,
      (max(on_date) filter (where on_date <= ${scope.today}::date))::text as "lastActivity"
    from activity group by school`);
  return (result as unknown as { rows: ActivityCounts[] }).rows.map((r) => ({
    ...r,
    hosted: Number(r.hosted),
    visited: Number(r.visited),
    gave: Number(r.gave),
    received: Number(r.received),
    meetings: Number(r.meetings),
    sessions: Number(r.sessions),
  }));
}

export type PeerLink = { source: string; target: string; kind: 'visit' | 'support'; count: number };

/** Who visited whom and who supported whom in the period, among these schools. */
export async function peerLinks(db: Db, schoolNumbers: readonly string[], scope: ActivityScope): Promise<PeerLink[]> {
  if (schoolNumbers.length === 0) return [];
  const both = (source: SQL) =>
    sql`${source} in (${list(schoolNumbers)}) and e.host_school_number in (${list(schoolNumbers)})`;
  const inCollaborative = scope.collaborativeId ? sql` and e.collaborative_id = ${scope.collaborativeId}::uuid` : sql``;
  const result = await db.execute(sql`
    select r.school_number as source, e.host_school_number as target, 'visit' as kind, count(distinct e.id)::int as count
      from enquiry_reviewers r join peer_enquiries e on e.id = r.enquiry_id
      where ${visited} and r.school_number <> e.host_school_number and ${both(sql`r.school_number`)}
        and ${visitDate} between ${scope.from}::date and ${scope.to}::date${inCollaborative}
      group by 1, 2
    union all
    select f.supporting_school_number, e.host_school_number, 'support', count(*)::int
      from enquiry_follow_ups f join peer_enquiries e on e.id = f.enquiry_id
      where e.state <> 'cancelled' and f.supporting_school_number <> e.host_school_number and ${both(sql`f.supporting_school_number`)}
        and f.created_at::date between ${scope.from}::date and ${scope.to}::date${inCollaborative}
      group by 1, 2
    order by 3, 1, 2`);
  return (result as unknown as { rows: PeerLink[] }).rows.map((r) => ({ ...r, count: Number(r.count) }));
}
