// All SQL of governors' questions (issue 15, part 5): the item a thread is kept with, the threads
// and their messages, and the school's list of them, filtered for the reader in SQL.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  developmentPlans,
  evidence,
  findings,
  governorThreadMessages,
  governorThreads,
  planRevisions,
  priorities,
  shares,
  users,
} from '../db/schema/index.ts';
import { isUuid } from '../lib/request-schemas.ts';
import type { THREAD_ITEM_TYPES, THREAD_KINDS, THREAD_SIDES, THREAD_STATUSES } from '../reference/record-states.ts';
import { OUTPUT_KINDS } from '../sharing/share-repository.ts';

export type ThreadItemType = (typeof THREAD_ITEM_TYPES)[number];
export type ThreadKind = (typeof THREAD_KINDS)[number];
export type ThreadStatus = (typeof THREAD_STATUSES)[number];
export type ThreadSide = (typeof THREAD_SIDES)[number];

/** An item of the school a thread may be kept with: its title (people wrote it) or its number. */
export type ThreadItem = {
  type: ThreadItemType;
  id: string;
  title: string;
  language: string | null;
  number: number | null;
};

const RECORDS = { evidence, finding: findings, priority: priorities } as const;

/** The item, if it is this school's; null when there is no such item here. */
export async function findItem(
  db: Db,
  schoolNumber: string,
  type: ThreadItemType,
  id: string,
): Promise<ThreadItem | null> {
  if (type === 'output') {
    const [school, kind] = id.split(':');
    const known = school === schoolNumber && (OUTPUT_KINDS as readonly string[]).includes(kind ?? '');
    return known ? { type, id, title: '', language: null, number: null } : null;
  }
  if (!isUuid(id)) return null;
  if (type === 'plan') {
    const [row] = await db
      .select({ id: developmentPlans.id })
      .from(developmentPlans)
      .where(and(eq(developmentPlans.id, id), eq(developmentPlans.schoolNumber, schoolNumber)));
    return row ? { type, id, title: '', language: null, number: null } : null;
  }
  if (type === 'plan_revision') {
    const [row] = await db
      .select({ number: planRevisions.number })
      .from(planRevisions)
      .innerJoin(developmentPlans, eq(developmentPlans.id, planRevisions.planId))
      .where(and(eq(planRevisions.id, id), eq(developmentPlans.schoolNumber, schoolNumber)));
    return row ? { type, id, title: '', language: null, number: row.number } : null;
  }
  const table = RECORDS[type];
  const [row] = await db
    .select({ title: table.title, language: table.language })
    .from(table)
    .where(and(eq(table.id, id), eq(table.schoolNumber, schoolNumber)));
  return row ? { type, id, title: row.title, language: row.language, number: null } : null;
}

/**
 * The SQL condition that an item is its governors' to read: the plan and its revisions always
 * (governing-body-policy), anything else only while it is shared with the 'governors' audience.
 */
export function openToGovernorsSql(itemType: SQL, itemId: SQL): SQL {
  return sql`(${itemType} in ('plan', 'plan_revision') or exists (select 1 from ${shares} gs
    where gs.item_type = ${itemType} and gs.item_id = ${itemId} and gs.audience = 'governors'))`;
}

export async function isOpenToGovernors(db: Db, type: ThreadItemType, id: string): Promise<boolean> {
  const [row] = await db
    .execute<{ open: boolean }>(sql`select ${openToGovernorsSql(sql`${type}`, sql`${id}`)} as open`)
    .then((r) => (r as unknown as { rows: { open: boolean }[] }).rows);
  return row?.open === true;
}

export async function insertThread(
  db: Db,
  values: {
    schoolNumber: string;
    itemType: ThreadItemType;
    itemId: string;
    kind: ThreadKind;
    askedBy: string;
    now: Date;
  },
) {
  const [row] = await db
    .insert(governorThreads)
    .values({ ...values, status: 'open', createdAt: values.now, updatedAt: values.now })
    .returning();
  return row!;
}

export async function insertMessage(
  db: Db,
  values: { threadId: string; authorId: string; side: ThreadSide; body: string; language: string; now: Date },
) {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(governorThreadMessages)
    .values({ ...rest, createdAt: now })
    .returning({ id: governorThreadMessages.id });
  return row!;
}

/** One thread of the school, held for the change when `lock` (two answers at once keep one status). */
export async function findThread(db: Db, schoolNumber: string, id: string, lock = false) {
  const query = db
    .select()
    .from(governorThreads)
    .where(and(eq(governorThreads.id, id), eq(governorThreads.schoolNumber, schoolNumber)));
  const [row] = await (lock ? query.for('update') : query);
  return row ?? null;
}

export async function setStatus(db: Db, id: string, status: ThreadStatus, now: Date) {
  await db
    .update(governorThreads)
    .set({ status, updatedAt: now, closedAt: status === 'closed' ? now : null })
    .where(eq(governorThreads.id, id));
}

/** The threads kept with one item, oldest first, each with its messages and who wrote them. */
export async function threadsOf(db: Db, schoolNumber: string, type: ThreadItemType, id: string) {
  const threads = await db
    .select({
      id: governorThreads.id,
      kind: governorThreads.kind,
      status: governorThreads.status,
      askedBy: governorThreads.askedBy,
      createdAt: governorThreads.createdAt,
    })
    .from(governorThreads)
    .where(
      and(
        eq(governorThreads.schoolNumber, schoolNumber),
        eq(governorThreads.itemType, type),
        eq(governorThreads.itemId, id),
      ),
    )
    .orderBy(asc(governorThreads.createdAt), asc(governorThreads.id));
  if (threads.length === 0) return [];
  const messages = await db
    .select({
      threadId: governorThreadMessages.threadId,
      id: governorThreadMessages.id,
      side: governorThreadMessages.side,
      body: governorThreadMessages.body,
      language: governorThreadMessages.language,
      createdAt: governorThreadMessages.createdAt,
      authorName: users.displayName,
    })
    .from(governorThreadMessages)
    .innerJoin(users, eq(users.id, governorThreadMessages.authorId))
    .where(
      inArray(
        governorThreadMessages.threadId,
        threads.map((t) => t.id),
      ),
    )
    .orderBy(asc(governorThreadMessages.createdAt), asc(governorThreadMessages.id));
  return threads.map((t) => ({ ...t, messages: messages.filter((m) => m.threadId === t.id) }));
}
