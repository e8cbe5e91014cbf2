// What waits on a person, read for the signed-in home (issue 13): one query per section, each a
// union of capped lists (`total` is each list's count before the cap, from a window count), filtered
// to the section's school, governing body, collaborative or LA in SQL. The rules match the
// notifications' (src/notifications/audience-rules.ts): what a kind tells a role of is what waits
// on that role here. Concern reviews and round deadlines come from the calendar's feedDeadlines,
// which already says whose each date is (a concern case's restricted people only).
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reusedSql } from '../../db/reused-query.ts';
import { HOME_LIST_CAP, type HomeRow } from './home-model.ts';
import { openToGovernorsSql } from '../../governor-questions/question-repository.ts';

/** Each home query is built once, with placeholders, and then only run (src/db/reused-query.ts). */
const rowsOf = async (db: Db, name: string, build: () => SQL, values: Record<string, unknown>) =>
  (await reusedSql<HomeRow>(db, name, build)(values)).map((r) => ({ ...r, total: Number(r.total) }));
const p = (name: string) => sql.placeholder(name);

/** Enquiry states in which the next step is the host school's (agree, prepare the pack, agree the report, follow up). */
const HOST_STEPS = ['proposed', 'agreed', 'preparing', 'report_drafted', 'follow_up'];
const OPEN_ENQUIRY = sql`e.state not in ('closed', 'cancelled')`;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The latest revision of a plan, unapproved: only the latest can be approved (as the approval reminder). */
const latestUnapproved = sql`r.approved_at is null and r.number = (select max(r2.number) from plan_revisions r2 where r2.plan_id = r.plan_id)`;

/**
 * A school's evidence waiting for review. The big school has hundreds: its newest few come from the
 * partial index evidence_to_review, and its count from that index alone, not a window over every row.
 */
const toReview = (e: SQL, school: Placeholder) =>
  sql`${e}.school_number = ${school} and not ${e}.curated and not ${e}.archived`;

/**
 * A school's staff: evidence waiting for a leader's review, plan actions overdue or due by `soon`,
 * the plan revision waiting for the governors, support requests a broker has answered (matched,
 * impact not yet recorded), peer enquiries it hosts whose next step is its own, the coming
 * meetings of its collaboratives, and its governors' questions waiting for an answer.
 */
export async function schoolWork(db: Db, school: string, today: string, soon: string, leader: boolean) {
  const name = leader ? 'home_school_leaders' : 'home_school_staff';
  return rowsOf(db, name, () => schoolWorkSql(leader), { school, today, soon });
}

function schoolWorkSql(leader: boolean) {
  const school = p('school');
  // Everyone on the staff sees the coming meetings; what waits on its leaders is read only for them.
  const forLeaders = sql`
    (select 'evidence' as kind, e.id::text as id, e.title, e.observed_on::text as day, null as ref, e.language as lang, e.other_language as other, 'title' as field,
            (select count(*) from evidence c where ${toReview(sql`c`, school)}) as total
       from evidence e where ${toReview(sql`e`, school)}
      order by e.created_at desc limit ${HOME_LIST_CAP})
    union all
    (select 'action', a.id::text, a.description, a.due_on::text, a.status, a.language, a.other_language, 'description', count(*) over ()
       from plan_actions a join priorities p on p.id = a.priority_id
      where p.school_number = ${school} and a.status <> 'done' and a.due_on <= ${p('soon')}::date
      order by a.due_on, a.id limit ${HOME_LIST_CAP})
    union all
    (select 'revision', r.id::text, r.number::text, r.created_at::date::text, null, null, '{}'::jsonb, null, count(*) over ()
       from plan_revisions r join development_plans d on d.id = r.plan_id
      where d.school_number = ${school} and ${latestUnapproved}
      order by r.created_at desc limit ${HOME_LIST_CAP})
    union all
    (select 'support', sr.id::text, sr.need, ag.starts_on::text, ag.supporting_school_number, sr.language, sr.other_language, 'need', count(*) over ()
       from support_requests sr join support_agreements ag on ag.request_id = sr.id
      where sr.school_number = ${school} and sr.status = 'matched' and ag.impact_recorded_at is null
      order by ag.created_at desc limit ${HOME_LIST_CAP})
    union all
    (select 'enquiry', e.id::text, e.question, e.state, e.collaborative_id::text, e.language, e.other_language, 'question', count(*) over ()
       from peer_enquiries e
      where e.host_school_number = ${school} and e.state in (${list(HOST_STEPS)})
      order by e.updated_at desc limit ${HOME_LIST_CAP})
    union all
    (select 'question', t.id::text, left(q.body, ${EXCERPT}), t.created_at::date::text, null, q.language, '{}'::jsonb, 'body', count(*) over ()
       from governor_threads t cross join lateral ${firstMessage}
      where t.school_number = ${school} and t.kind = 'question' and t.status = 'open'
      order by t.created_at, t.id limit ${HOME_LIST_CAP})
    union all
`;
  return sql`${leader ? forLeaders : sql``}
    (select 'meeting' as kind, m.id::text as id, m.title, m.meets_on::text as day, m.collaborative_id::text as ref,
            m.language as lang, m.other_language as other, 'title' as field, count(*) over () as total
       from meetings m
      where m.collaborative_id in (select cm.collaborative_id from collaborative_members cm where cm.school_number = ${school})
        and m.meets_on >= ${p('today')}::date
      order by m.meets_on, m.starts_at nulls first limit ${HOME_LIST_CAP})
`;
}

/** How much of a governor's question the home shows: the whole of it is on its item's page. */
const EXCERPT = 160;
const firstMessage = sql`(select gm.body, gm.language from governor_thread_messages gm
  where gm.thread_id = t.id order by gm.created_at, gm.id limit 1) q`;

/**
 * A governing body: its schools' plan revisions waiting for approval, what was shared with the
 * governors since `since` (the same 'shared_with_you' events the notifications tell of, kept only
 * while the share still stands), and the school's answers to this governor's questions (answered,
 * not yet closed, on items still open to the governors).
 */
export async function governorWork(db: Db, governingBodyId: string, since: string, userId: string) {
  return rowsOf(db, 'home_governors', governorWorkSql, { governingBodyId, since, userId });
}

function governorWorkSql() {
  const governingBodyId = p('governingBodyId');
  return sql`
    (select 'revision' as kind, r.id::text as id, s.name as title, r.number::text as day, s.number as ref, null as lang, '{}'::jsonb as other, null as field, count(*) over () as total
       from plan_revisions r join development_plans d on d.id = r.plan_id join schools s on s.number = d.school_number
      where s.governing_body_id = ${governingBodyId} and ${latestUnapproved}
      order by r.created_at limit ${HOME_LIST_CAP})
    union all
    (select 'shared', ev.link, coalesce(ev.params->>'title', ''), ev.occurred_at::date::text, ev.params->>'school', null, '{}'::jsonb, null, count(*) over ()
       from events ev join schools s on s.number = ev.school_number
       join shares sh on ev.subject_id = sh.item_type || '|' || sh.item_id || '|' || sh.audience || '|' || sh.audience_id
      where ev.kind = 'shared_with_you' and s.governing_body_id = ${governingBodyId} and sh.audience = 'governors'
        and ev.occurred_at >= ${p('since')}::date
      order by ev.occurred_at desc limit ${HOME_LIST_CAP})
    union all
    (select 'answer', t.id::text, left(q.body, ${EXCERPT}), t.updated_at::date::text, s.number, q.language, '{}'::jsonb, 'body', count(*) over ()
       from governor_threads t join schools s on s.number = t.school_number cross join lateral ${firstMessage}
      where s.governing_body_id = ${governingBodyId} and t.asked_by = ${p('userId')}::uuid and t.status = 'answered'
        and ${openToGovernorsSql(sql`t.item_type`, sql`t.item_id`)}
      order by t.updated_at desc, t.id limit ${HOME_LIST_CAP})`;
}

/**
 * A collaborative's lead: its next meetings, its enquiries under way, and member schools working
 * alone: none of their staff at a meeting of it, hosting or reviewing in an enquiry of it, or
 * sharing into it since `since`.
 */
export async function collaborativeWork(db: Db, collaborativeId: string, today: string, since: string) {
  return rowsOf(db, 'home_collaborative', collaborativeWorkSql, { collaborativeId, today, since });
}

function collaborativeWorkSql() {
  const [collaborativeId, today, since] = [p('collaborativeId'), p('today'), p('since')];
  return sql`
    (select 'meeting' as kind, m.id::text as id, m.title, m.meets_on::text as day, null as ref, m.language as lang, m.other_language as other, 'title' as field, count(*) over () as total
       from meetings m where m.collaborative_id = ${collaborativeId}::uuid and m.meets_on >= ${today}::date
      order by m.meets_on, m.starts_at nulls first limit ${HOME_LIST_CAP})
    union all
    (select 'enquiry', e.id::text, e.question, e.state, s.name, e.language, e.other_language, 'question', count(*) over ()
       from peer_enquiries e join schools s on s.number = e.host_school_number
      where e.collaborative_id = ${collaborativeId}::uuid and ${OPEN_ENQUIRY}
      order by e.updated_at desc limit ${HOME_LIST_CAP})
    union all
    (select 'alone', s.number, s.name, null, null, null, '{}'::jsonb, null, count(*) over ()
       from collaborative_members cm join schools s on s.number = cm.school_number
      where cm.collaborative_id = ${collaborativeId}::uuid
        and not exists (select 1 from meeting_schools ms join meetings m on m.id = ms.meeting_id
                         where ms.school_number = s.number and m.collaborative_id = cm.collaborative_id and m.meets_on >= ${since}::date)
        and not exists (select 1 from peer_enquiries e where e.collaborative_id = cm.collaborative_id and e.updated_at >= ${since}::date
                           and (e.host_school_number = s.number
                                or exists (select 1 from enquiry_reviewers er where er.enquiry_id = e.id and er.school_number = s.number)))
        and not exists (select 1 from shares sh where sh.audience = 'collaborative' and sh.audience_id = cm.collaborative_id::text
                           and sh.school_number = s.number and sh.shared_at >= ${since}::date)
      order by s.name limit ${HOME_LIST_CAP})`;
}

/**
 * An LA's staff: support requests its staff broker waiting for a match (not given to a
 * collaborative), and its active collaboratives with nothing happening: no meeting since `since`
 * or to come, no enquiry under way, nothing shared into it since `since`.
 */
export async function laWork(db: Db, laCode: string, today: string, since: string) {
  return rowsOf(db, 'home_la', laWorkSql, { laCode, since });
}

function laWorkSql() {
  const [laCode, since] = [p('laCode'), p('since')];
  return sql`
    (select 'request' as kind, sr.id::text as id, sr.need as title, sr.created_at::date::text as day, s.name as ref, sr.language as lang, sr.other_language as other, 'need' as field, count(*) over () as total
       from support_requests sr join schools s on s.number = sr.school_number
      where s.la_code = ${laCode} and sr.status = 'open' and sr.broker_collaborative_id is null
      order by sr.created_at desc limit ${HOME_LIST_CAP})
    union all
    (select 'quiet', c.id::text, c.name_en, null, c.name_cy, null, '{}'::jsonb, null, count(*) over ()
       from collaboratives c
      where c.la_code = ${laCode} and c.status = 'active'
        and not exists (select 1 from meetings m where m.collaborative_id = c.id and m.meets_on >= ${since}::date)
        and not exists (select 1 from peer_enquiries e where e.collaborative_id = c.id and ${OPEN_ENQUIRY})
        and not exists (select 1 from shares sh where sh.audience = 'collaborative' and sh.audience_id = c.id::text and sh.shared_at >= ${since}::date)
      order by c.name_en limit ${HOME_LIST_CAP})
`;
}

/**
 * Welsh Government, in the open round (the latest deadline): plans submitted for the first reading
 * (no comments yet), plans late (still in draft past the deadline), and comments to answer: plans
 * resubmitted after WG sent them back with comments (only WG comments, so a resubmission is the
 * LA's answer, waiting on WG's reply).
 */
export async function nationalWork(db: Db, today: string) {
  return rowsOf(db, 'home_national', nationalWorkSql, { today });
}

function nationalWorkSql() {
  const commented = sql`exists (select 1 from la_plan_comments c where c.plan_id = p.id)`;
  return sql`
    with round as (select id, deadline from planning_rounds where status = 'open' order by deadline desc limit 1)
    (select 'submitted' as kind, p.id::text as id, la.name_en as title, round.deadline::text as day, la.name_cy as ref, null as lang, '{}'::jsonb as other, null as field, count(*) over () as total
       from la_plans p join round on round.id = p.round_id join local_authorities la on la.code = p.la_code
      where p.state = 'submitted' and not ${commented}
      order by p.submitted_at limit ${HOME_LIST_CAP})
    union all
    (select 'late', p.id::text, la.name_en, round.deadline::text, la.name_cy, null, '{}'::jsonb, null, count(*) over ()
       from la_plans p join round on round.id = p.round_id join local_authorities la on la.code = p.la_code
      where p.state = 'draft' and round.deadline < ${p('today')}::date
      order by la.name_en limit ${HOME_LIST_CAP})
    union all
    (select 'comments', p.id::text, la.name_en, round.deadline::text, la.name_cy, null, '{}'::jsonb, null, count(*) over ()
       from la_plans p join round on round.id = p.round_id join local_authorities la on la.code = p.la_code
      where p.state = 'submitted' and ${commented}
      order by p.updated_at limit ${HOME_LIST_CAP})`;
}
