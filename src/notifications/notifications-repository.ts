import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { reused } from '../db/reused-query.ts';
import { notificationPreferences, notifications } from '../db/schema/index.ts';
import { defaultCadence, isCadence, type Cadence, type EventKind } from './event-kinds.ts';

export type NewNotification = { userId: string; eventId: number; kind: EventKind; cadence: Cadence };

/**
 * Tells these people of one event, each at their chosen cadence for its kind (or the kind's
 * default), in one INSERT ... SELECT: the ids go as one array parameter, so a national audience
 * is one statement, not a parameter per value (Postgres allows 65,535 of those: 16,383 rows of
 * four). Inserts each (person, event) once: a second relay of the same event adds nothing.
 * Returns what was new.
 */
export async function notifyPeople(
  tx: Db,
  event: { id: number; kind: EventKind },
  userIds: readonly string[],
): Promise<NewNotification[]> {
  if (userIds.length === 0) return [];
  const result = (await tx.execute(sql`
    insert into ${notifications} (user_id, event_id, kind, cadence)
    select person.id, ${event.id}, ${event.kind}, coalesce(chosen.cadence, ${defaultCadence(event.kind)})
    from unnest(${sql.param([...userIds])}::uuid[]) as person(id)
    left join ${notificationPreferences} chosen on chosen.user_id = person.id and chosen.kind = ${event.kind}
    on conflict (user_id, event_id) do nothing
    returning user_id, cadence`)) as unknown as { rows: { user_id: string; cadence: string }[] };
  // The preferences table's check holds a cadence to the four, so every row read back is one.
  return result.rows.map((row) => ({
    userId: row.user_id,
    eventId: event.id,
    kind: event.kind,
    cadence: isCadence(row.cadence) ? row.cadence : defaultCadence(event.kind),
  }));
}

/** For the header on every page: one index-only count. */
export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await reused(db, 'count_unread', (db) =>
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt))),
  ).execute({ userId });
  return row?.count ?? 0;
}
