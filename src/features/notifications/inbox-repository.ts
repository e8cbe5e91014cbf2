// The reader's own notifications: every query names the reader, so someone else's are never read.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { events, notificationPreferences, notifications } from '../../db/schema/index.ts';
import type { Cadence, EventKind } from '../../notifications/event-kinds.ts';

export type InboxItem = {
  id: string;
  kind: string;
  createdAt: Date;
  readAt: Date | null;
  link: string;
  params: Record<string, string>;
  subjectType: string;
  subjectId: string;
};

const itemColumns = {
  id: notifications.id,
  kind: notifications.kind,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  link: events.link,
  params: events.params,
  subjectType: events.subjectType,
  subjectId: events.subjectId,
};

const mine = (userId: string, kind: EventKind | null) =>
  and(eq(notifications.userId, userId), kind ? eq(notifications.kind, kind) : undefined);

/** One page of the reader's notifications, newest first (the (user, created_at) index), and how many in all. */
export async function listInbox(
  db: Db,
  userId: string,
  options: { kind: EventKind | null; limit: number; offset: number },
): Promise<{ items: InboxItem[]; total: number }> {
  const [items, [totals]] = await Promise.all([
    db
      .select(itemColumns)
      .from(notifications)
      .innerJoin(events, eq(events.id, notifications.eventId))
      .where(mine(userId, options.kind))
      .orderBy(desc(notifications.createdAt), desc(notifications.eventId))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(notifications).where(mine(userId, options.kind)),
  ]);
  return { items, total: totals?.total ?? 0 };
}

/** The kinds the reader has been told of, for the filter. */
export async function kindsInInbox(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ kind: notifications.kind })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return rows.map((row) => row.kind);
}

/** One of the reader's notifications; null when the id is someone else's or names nothing. */
export async function findInboxItem(db: Db, userId: string, id: string): Promise<InboxItem | null> {
  const [row] = await db
    .select(itemColumns)
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .where(and(eq(notifications.userId, userId), eq(notifications.id, id)));
  return row ?? null;
}

/** Marks one unread notification of the reader's read; false when it was not theirs or already read. */
export async function markRead(tx: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), eq(notifications.id, id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Marks every unread notification of the reader's read; how many. */
export async function markAllRead(tx: Db, userId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The reader's own choices (kinds with no row keep their default). */
export async function preferencesOf(db: Db, userId: string): Promise<Map<string, Cadence>> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, cadence: notificationPreferences.cadence })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return new Map(rows.map((row) => [row.kind, row.cadence as Cadence]));
}

/** Writes the reader's choice for each kind, one row per kind. */
export async function savePreferences(
  tx: Db,
  userId: string,
  choices: readonly { kind: EventKind; cadence: Cadence }[],
  now: Date,
): Promise<void> {
  if (choices.length === 0) return;
  await tx
    .insert(notificationPreferences)
    .values(choices.map((c) => ({ userId, kind: c.kind, cadence: c.cadence, updatedAt: now })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { cadence: sql`excluded.cadence`, updatedAt: now },
    });
}
