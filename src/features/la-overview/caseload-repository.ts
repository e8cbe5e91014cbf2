import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { COUNTED_STATES } from './local-priorities-repository.ts';

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const uuids = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}::uuid`),
    sql`, `,
  );
/** Support agreements that have ended or never will: everything else is in progress. */
const FINISHED_AGREEMENTS = ['completed', 'closed', 'cancelled', 'withdrawn', 'ended'];

/** The collaboratives this person facilitates: members, next meeting, enquiries under way. */
export async function facilitatedCollaboratives(db: Db, userId: string, today: string) {
  const result = await rows<{
    id: string;
    kind: string;
    nameEn: string;
    nameCy: string;
    status: string;
    members: number;
    underWay: number;
    nextMeetingId: string | null;
    nextMeetingTitle: string | null;
    nextMeetingOn: string | null;
  }>(
    db,
    sql`
    select c.id::text as id, c.kind, c.name_en as "nameEn", c.name_cy as "nameCy", c.status,
      (select count(*)::int from collaborative_members m where m.collaborative_id = c.id) as members,
      (select count(*)::int from peer_enquiries e where e.collaborative_id = c.id and e.state not in ('closed', 'cancelled')) as "underWay",
      nm.id::text as "nextMeetingId", nm.title as "nextMeetingTitle", nm.meets_on::text as "nextMeetingOn"
    from collaborative_facilitators cf join collaboratives c on c.id = cf.collaborative_id
    left join lateral (select mt.id, mt.title, mt.meets_on from meetings mt where mt.collaborative_id = c.id and mt.meets_on >= ${today}::date order by mt.meets_on, mt.starts_at nulls first limit 1) nm on true
    where cf.user_id = ${userId}::uuid
    order by c.name_en, c.id`,
  );
  return result.map((r) => ({ ...r, members: Number(r.members), underWay: Number(r.underWay) }));
}

/** Open meeting actions of these collaboratives due by `until` (overdue ones included), soonest first. */
export async function meetingActionsDue(db: Db, collaborativeIds: readonly string[], until: string) {
  if (collaborativeIds.length === 0) return [];
  return rows<{
    id: string;
    description: string;
    owner: string;
    dueOn: string;
    language: string;
    otherLanguage: Record<string, string>;
    meetingId: string;
    collaborativeId: string;
  }>(
    db,
    sql`
    select a.id::text as id, a.description, a.owner, a.due_on::text as "dueOn", a.language, a.other_language as "otherLanguage", m.id::text as "meetingId", m.collaborative_id::text as "collaborativeId"
    from meetings m join meeting_actions a on a.meeting_id = m.id
    where m.collaborative_id in (${uuids(collaborativeIds)}) and a.status = 'open' and a.due_on is not null and a.due_on <= ${until}::date
    order by a.due_on, a.description`,
  );
}

/** The schools this person supports: members of the collaboratives they facilitate. */
export async function supportedSchools(db: Db, collaborativeIds: readonly string[]) {
  if (collaborativeIds.length === 0) return [];
  return rows<{ number: string; name: string; laCode: string; sector: string }>(
    db,
    sql`
    select distinct s.number, s.name, s.la_code as "laCode", s.sector from collaborative_members m join schools s on s.number = m.school_number
    where m.collaborative_id in (${uuids(collaborativeIds)}) order by s.name, s.number`,
  );
}

/**
 * Actions of school plans due by `until` (or overdue, not done), only for priorities the school
 * shared with its LA, and only for schools of the LAs this person works in (rule 3).
 */
export async function planActionsDue(
  db: Db,
  schoolNumbers: readonly string[],
  laCodes: readonly string[],
  until: string,
) {
  if (schoolNumbers.length === 0 || laCodes.length === 0) return [];
  return rows<{
    id: string;
    description: string;
    owner: string;
    dueOn: string;
    language: string;
    otherLanguage: Record<string, string>;
    schoolNumber: string;
    priorityId: string;
    priorityTitle: string;
  }>(
    db,
    sql`
    select a.id::text as id, a.description, a.owner, a.due_on::text as "dueOn", a.language, a.other_language as "otherLanguage", p.school_number as "schoolNumber", p.id::text as "priorityId", p.title as "priorityTitle"
    from schools s join priorities p on p.school_number = s.number join plan_actions a on a.priority_id = p.id
    where s.number in (${list(schoolNumbers)}) and s.la_code in (${list(laCodes)}) and p.state in (${list(COUNTED_STATES)})
      and exists (select 1 from shares sh where sh.item_type = 'priority' and sh.item_id = p.id::text and sh.audience = 'la' and sh.audience_id = '')
      and a.status <> 'done' and a.due_on is not null and a.due_on <= ${until}::date
    order by a.due_on, a.description`,
  );
}

/** Support agreements in progress that these schools receive or give, brokered in the LAs this person works in. */
export async function agreementsInProgress(db: Db, schoolNumbers: readonly string[], laCodes: readonly string[]) {
  if (schoolNumbers.length === 0 || laCodes.length === 0) return [];
  return rows<{
    id: string;
    what: string;
    language: string;
    startsOn: string | null;
    endsOn: string | null;
    receiverNumber: string;
    receiverName: string;
    supporterNumber: string;
    supporterName: string;
  }>(
    db,
    sql`
    select a.id::text as id, a.what, a.language, a.starts_on::text as "startsOn", a.ends_on::text as "endsOn",
      rs.number as "receiverNumber", rs.name as "receiverName", ss.number as "supporterNumber", ss.name as "supporterName"
    from support_agreements a join support_requests r on r.id = a.request_id
    join schools rs on rs.number = r.school_number join schools ss on ss.number = a.supporting_school_number
    where a.status not in (${list(FINISHED_AGREEMENTS)})
      and ((rs.number in (${list(schoolNumbers)}) and rs.la_code in (${list(laCodes)})) or (ss.number in (${list(schoolNumbers)}) and ss.la_code in (${list(laCodes)})))
    order by a.ends_on nulls last, a.what`,
  );
}

/** Enquiries under way that these schools host in the collaboratives this person facilitates. */
export async function hostedEnquiries(db: Db, collaborativeIds: readonly string[]) {
  if (collaborativeIds.length === 0) return [];
  return rows<{
    id: string;
    question: string;
    language: string;
    otherLanguage: Record<string, string>;
    state: string;
    visitStart: string | null;
    visitEnd: string | null;
    hostNumber: string;
    collaborativeId: string;
  }>(
    db,
    sql`
    select e.id::text as id, e.question, e.language, e.other_language as "otherLanguage", e.state, e.visit_start::text as "visitStart", e.visit_end::text as "visitEnd", e.host_school_number as "hostNumber", e.collaborative_id::text as "collaborativeId"
    from peer_enquiries e where e.collaborative_id in (${uuids(collaborativeIds)}) and e.state not in ('closed', 'cancelled')
    order by e.visit_start nulls last, e.question`,
  );
}
