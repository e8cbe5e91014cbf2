// The dates in a person's feed that concern them as an officer or a school's restricted people:
// their LA's planning-round deadlines (the LA's officers), and the review dates of open support
// items on concern cases (only the case's restricted people: the LA's officers, the school's
// headteacher and chair of governors, as in src/policy/concern-case-policy.ts).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reusedSql } from '../../db/reused-query.ts';

export type FeedDeadline = {
  kind: 'round_deadline' | 'concern_review';
  id: string;
  /** The LA plan or the concern case the date belongs to. */
  record_id: string;
  day: string;
  title_en: string;
  title_cy: string;
  /** The concern case's school (null for a round deadline): the home puts the date in that school's section. */
  school_number: string | null;
  /** The LA the date is for: the home puts it in that LA's section. */
  la_code: string;
};

export async function feedDeadlines(db: Db, userId: string, from: string, to: string): Promise<FeedDeadline[]> {
  // Every calendar feed and the home of every headteacher and LA officer run it: built once (reused-query.ts).
  return reusedSql<FeedDeadline>(db, 'feed_deadlines', feedDeadlinesSql)({ userId, from, to });
}

function feedDeadlinesSql() {
  const [userId, from, to] = [sql.placeholder('userId'), sql.placeholder('from'), sql.placeholder('to')];
  return sql`
    with mine as (
      select ra.role, ra.scope_id from role_assignments ra join users u on u.id = ra.user_id
       where ra.user_id = ${userId}::uuid and u.active
         and ra.role in ('la_officer', 'headteacher', 'chair_of_governors') and ra.scope_id is not null
    )
    select 'round_deadline' as kind, p.id, p.id as record_id, r.deadline::text as day, r.title_en, r.title_cy, null as school_number, p.la_code
      from la_plans p join planning_rounds r on r.id = p.round_id
     where r.status = 'open' and r.deadline between ${from}::date and ${to}::date
       and exists (select 1 from mine where mine.role = 'la_officer' and mine.scope_id = p.la_code)
    union all
    select 'concern_review', i.id, c.id, i.review_on::text, s.name, s.name, s.number, c.la_code
      from concern_support_items i join concern_cases c on c.id = i.case_id join schools s on s.number = c.school_number
     where c.state <> 'exited' and i.status = 'open' and i.review_on between ${from}::date and ${to}::date
       and exists (select 1 from mine
                    where (mine.role = 'la_officer' and mine.scope_id = c.la_code)
                       or (mine.role = 'headteacher' and mine.scope_id = c.school_number)
                       or (mine.role = 'chair_of_governors' and mine.scope_id = s.governing_body_id))
    order by day, id
  `;
}
