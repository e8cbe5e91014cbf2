import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { calendarFeeds, users } from '../../db/schema/index.ts';

export type Feed = typeof calendarFeeds.$inferSelect;

export async function findFeedOf(db: Db, userId: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row ?? null;
}

/** The feed with this token hash, only while its owner's account is active. */
export async function findActiveFeed(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ userId: calendarFeeds.userId, language: calendarFeeds.language })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(sql`${calendarFeeds.tokenHash} = ${tokenHash} and ${users.active}`);
  return row ?? null;
}

/** Makes or replaces the user's feed: the old address stops working at once. */
export async function saveFeed(db: Db, userId: string, tokenHash: string, language: string) {
  await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash, language })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, language, createdAt: sql`now()` } });
}

export async function deleteFeed(db: Db, userId: string): Promise<boolean> {
  const removed = await db
    .delete(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .returning({ userId: calendarFeeds.userId });
  return removed.length > 0;
}

export type FeedEvent = {
  kind: 'meeting' | 'progression' | 'visit';
  id: string;
  collaborative_id: string;
  name_en: string;
  name_cy: string;
  day: string;
  last_day: string | null;
  starts_at: string | null;
  ends_at: string | null;
  title: string;
  location: string;
  detail: string;
  area: string | null;
  step: number | null;
};

/** States in which an enquiry's visit is agreed and not over as a plan (DOMAIN.md section 5). */
export const VISIT_STATES = [
  'agreed',
  'preparing',
  'on_site',
  'making_sense',
  'report_drafted',
  'report_agreed',
  'follow_up',
];
const SCHOOL_STAFF = ['headteacher', 'school_leader', 'practitioner'];

/**
 * Everything on the user's calendar between two dates, in one query. The collaboratives are
 * those whose working space the user may enter (`can.space` in collaborative-policy.ts): its
 * leads, its LA facilitators and staff of its member schools. Visits also reach the enquiry's
 * reviewers, its facilitator and staff of the host school.
 */
export async function feedEvents(db: Db, userId: string, from: string, to: string): Promise<FeedEvent[]> {
  const staffRoles = sql.join(
    SCHOOL_STAFF.map((r) => sql`${r}`),
    sql`, `,
  );
  const states = sql.join(
    VISIT_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with my_schools as (
      select scope_id as school_number from role_assignments where user_id = ${userId} and role in (${staffRoles}) and scope_id is not null
    ), convened as (
      select c.id from collaboratives c
      where exists (select 1 from role_assignments ra where ra.user_id = ${userId} and ra.role = 'collaborative_lead' and ra.scope_id = c.id::text)
         or exists (select 1 from collaborative_facilitators f where f.collaborative_id = c.id and f.user_id = ${userId})
    ), spaces as (
      select id from convened
      union
      select m.collaborative_id from collaborative_members m join my_schools s on s.school_number = m.school_number
    )
    select 'meeting' as kind, m.id, c.id as collaborative_id, c.name_en, c.name_cy, m.meets_on::text as day, null as last_day, m.starts_at, m.ends_at,
           m.title, m.location, m.agenda as detail, null as area, null::int as step
      from meetings m join collaboratives c on c.id = m.collaborative_id
     where m.collaborative_id in (select id from spaces) and m.meets_on between ${from} and ${to}
    union all
    select 'progression', p.id, c.id, c.name_en, c.name_cy, p.held_on::text, null, null, null, '', '', p.focus, p.area, p.progression_step
      from progression_sessions p join collaboratives c on c.id = p.collaborative_id
     where p.collaborative_id in (select id from spaces) and p.held_on between ${from} and ${to}
    union all
    select 'visit', e.id, c.id, c.name_en, c.name_cy, e.visit_start::text, coalesce(e.visit_end, e.visit_start)::text, null, null, s.name, '', e.question, null, null
      from peer_enquiries e join collaboratives c on c.id = e.collaborative_id join schools s on s.number = e.host_school_number
     where e.state in (${states}) and e.visit_start is not null
       and coalesce(e.visit_end, e.visit_start) >= ${from} and e.visit_start <= ${to}
       and (e.facilitator_id = ${userId}
            or exists (select 1 from enquiry_reviewers r where r.enquiry_id = e.id and r.user_id = ${userId})
            or e.host_school_number in (select school_number from my_schools)
            or e.collaborative_id in (select id from convened))
    order by day, starts_at nulls first, id
  `);
  return (result as unknown as { rows: FeedEvent[] }).rows;
}

/** One enquiry's visit, for its calendar file. */
export async function findVisit(db: Db, collaborativeId: string, enquiryId: string) {
  const result = await db.execute(sql`
    select e.id, e.visit_start::text as visit_start, e.visit_end::text as visit_end, e.state, e.question, s.name as host_name
      from peer_enquiries e join schools s on s.number = e.host_school_number
     where e.id = ${enquiryId} and e.collaborative_id = ${collaborativeId}`);
  const [row] = (
    result as unknown as {
      rows: {
        id: string;
        visit_start: string | null;
        visit_end: string | null;
        state: string;
        question: string;
        host_name: string;
      }[];
    }
  ).rows;
  return row ?? null;
}
