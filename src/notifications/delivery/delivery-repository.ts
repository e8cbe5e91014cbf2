// What an email carries: a person's notifications that no email has carried yet, claimed under a
// row lock so two runners never put the same one in two messages.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { events, notifications, users } from '../../db/schema/index.ts';
import type { Cadence, EventKind } from '../event-kinds.ts';

export type EmailCadence = Exclude<Cadence, 'in_service'>;

export type PendingItem = {
  id: string;
  kind: EventKind;
  params: Record<string, string>;
  createdAt: Date;
};

export type Recipient = { id: string; email: string; displayName: string; preferredLanguage: string };

/** The person as an email needs them; null when they no longer exist or are switched off. */
export async function findRecipient(db: Db, userId: string): Promise<Recipient | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      preferredLanguage: users.preferredLanguage,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  return row ?? null;
}

/**
 * Locks and returns the person's unread notifications of one cadence that no email has carried.
 * SKIP LOCKED: a second runner at the same moment takes none of them (it finds them locked) rather
 * than waiting and sending them again. Read ones are left out: the person has already seen them.
 */
export async function claimUnemailed(tx: Db, userId: string, cadence: EmailCadence): Promise<PendingItem[]> {
  const rows = await tx
    .select({
      id: notifications.id,
      kind: notifications.kind,
      params: events.params,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.cadence, cadence),
        isNull(notifications.emailedAt),
        isNull(notifications.readAt),
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .for('update', { of: notifications, skipLocked: true });
  return rows.map((row) => ({ ...row, kind: row.kind as EventKind }));
}

export async function stampEmailed(tx: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(notifications)
    .set({ emailedAt: now })
    .where(inArray(notifications.id, [...ids]));
}

/** Everyone with something of this cadence waiting for an email (the digest's list of people). */
export async function peopleWithUnemailed(db: Db, cadence: EmailCadence): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.cadence, cadence), isNull(notifications.emailedAt), isNull(notifications.readAt)))
    .orderBy(asc(notifications.userId));
  return rows.map((row) => row.userId);
}
