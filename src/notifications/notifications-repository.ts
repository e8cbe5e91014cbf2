import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { notificationPreferences, notifications } from '../db/schema/index.ts';
import { defaultCadence, isCadence, type Cadence, type EventKind } from './event-kinds.ts';

export type NewNotification = { userId: string; eventId: number; kind: EventKind; cadence: Cadence };

/** Inserts each (person, event) once: a second relay of the same event adds nothing. Returns what was new. */
export async function insertNotifications(tx: Db, rows: readonly NewNotification[]): Promise<NewNotification[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(notifications)
    .values([...rows])
    .onConflictDoNothing({ target: [notifications.userId, notifications.eventId] })
    .returning({
      userId: notifications.userId,
      eventId: notifications.eventId,
      kind: notifications.kind,
      cadence: notifications.cadence,
    });
  return inserted.map((row) => ({ ...row, kind: row.kind as EventKind, cadence: row.cadence as Cadence }));
}

/** Each person's cadence for one kind: their own choice, or the kind's default. */
export async function cadencesFor(db: Db, userIds: readonly string[], kind: EventKind): Promise<Map<string, Cadence>> {
  const chosen = userIds.length
    ? await db
        .select({ userId: notificationPreferences.userId, cadence: notificationPreferences.cadence })
        .from(notificationPreferences)
        .where(and(eq(notificationPreferences.kind, kind), inArray(notificationPreferences.userId, [...userIds])))
    : [];
  const result = new Map<string, Cadence>(userIds.map((id) => [id, defaultCadence(kind)]));
  for (const row of chosen) if (isCadence(row.cadence)) result.set(row.userId, row.cadence);
  return result;
}

/** For the header on every page: one index-only count. */
export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}
