// A person's choice to get some kinds of notification only in the service, made from an email.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notificationPreferences, notifications, users } from '../../db/schema/index.ts';
import type { Cadence, EventKind } from '../../notifications/event-kinds.ts';

export async function userExists(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return row !== undefined;
}

/** The person's cadence for each kind they chose one for (no row: the kind's default). */
export async function chosenCadences(
  db: Db,
  userId: string,
  kinds: readonly EventKind[],
): Promise<Map<string, string>> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, cadence: notificationPreferences.cadence })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), inArray(notificationPreferences.kind, [...kinds])));
  return new Map(rows.map((row) => [row.kind, row.cadence]));
}

export async function setCadence(tx: Db, userId: string, kind: EventKind, cadence: Cadence, now: Date): Promise<void> {
  await tx
    .insert(notificationPreferences)
    .values({ userId, kind, cadence, updatedAt: now })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { cadence, updatedAt: now },
    });
}

/** Notifications of these kinds still waiting for an email stay in the service only: none goes out after this. */
export async function keepWaitingInService(tx: Db, userId: string, kinds: readonly EventKind[]): Promise<void> {
  await tx
    .update(notifications)
    .set({ cadence: 'in_service' })
    .where(
      and(eq(notifications.userId, userId), inArray(notifications.kind, [...kinds]), isNull(notifications.emailedAt)),
    );
}
