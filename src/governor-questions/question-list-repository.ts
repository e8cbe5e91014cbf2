// The school's list of governors' questions and comments, and the counts the home page and the
// governors' links show: filtered in SQL to what the reader may read (governors: items open to them).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { openToGovernorsSql, type ThreadItemType, type ThreadKind, type ThreadStatus } from './question-repository.ts';

/** The list shows this many threads at most, newest change first. */
export const LIST_LIMIT = 100;

export type ListedThread = {
  id: string;
  item_type: ThreadItemType;
  item_id: string;
  kind: ThreadKind;
  status: ThreadStatus;
  asked_by: string;
  asker_name: string;
  updated_at: Date;
  body: string;
  body_lang: string;
  item_title: string | null;
  item_lang: string | null;
  item_other: Record<string, string> | null;
  revision_number: number | null;
};

/** Who is reading: the school's staff read every thread; governors those on items open to them. */
export type ListReader = { governorsOnly: boolean };

const readable = (reader: ListReader) =>
  reader.governorsOnly ? openToGovernorsSql(sql`t.item_type`, sql`t.item_id`) : sql`true`;

export async function listThreads(db: Db, schoolNumber: string, statuses: readonly ThreadStatus[], reader: ListReader) {
  const result = await db.execute(sql`
    select t.id, t.item_type, t.item_id, t.kind, t.status, t.asked_by, u.display_name as asker_name, t.updated_at,
           m.body, m.language as body_lang,
           case t.item_type
             when 'priority' then (select p.title from priorities p where p.id = t.item_id::uuid)
             when 'evidence' then (select e.title from evidence e where e.id = t.item_id::uuid)
             when 'finding' then (select f.title from findings f where f.id = t.item_id::uuid)
           end as item_title,
           case t.item_type
             when 'priority' then (select p.language from priorities p where p.id = t.item_id::uuid)
             when 'evidence' then (select e.language from evidence e where e.id = t.item_id::uuid)
             when 'finding' then (select f.language from findings f where f.id = t.item_id::uuid)
           end as item_lang,
           case t.item_type
             when 'priority' then (select p.other_language from priorities p where p.id = t.item_id::uuid)
             when 'evidence' then (select e.other_language from evidence e where e.id = t.item_id::uuid)
             when 'finding' then (select f.other_language from findings f where f.id = t.item_id::uuid)
           end as item_other,
           case t.item_type when 'plan_revision' then (select r.number from plan_revisions r where r.id = t.item_id::uuid) end
             as revision_number
      from governor_threads t
      join users u on u.id = t.asked_by
      join lateral (select gm.body, gm.language from governor_thread_messages gm where gm.thread_id = t.id
                     order by gm.created_at, gm.id limit 1) m on true
     where t.school_number = ${schoolNumber} and t.status in (${inList(statuses)}) and ${readable(reader)}
     order by t.updated_at desc, t.id
     limit ${LIST_LIMIT}`);
  return (result as unknown as { rows: ListedThread[] }).rows;
}

/** How many of the school's questions wait for an answer (open), for the reader. */
export async function countOpenQuestions(db: Db, schoolNumber: string, reader: ListReader): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n from governor_threads t
     where t.school_number = ${schoolNumber} and t.kind = 'question' and t.status = 'open' and ${readable(reader)}`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}

const inList = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
