import { asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { events } from '../db/schema/index.ts';
import type { EventKind, EventParams } from './event-kinds.ts';

/** What a service says happened, for one kind, with the names its message needs. */
export type EventOf<K extends EventKind> = EventBase & {
  kind: K;
  /** Names and titles for the message, in the language they were written. */
  params: EventParams<K>;
};

/** What a service says happened. Recorded in the transaction that makes the change. */
export type EventInput = { [K in EventKind]: EventOf<K> }[EventKind];

type EventBase = {
  actorId: string | null;
  subject: { type: string; id: string };
  /** The page that shows the thing: a path on this site, never a full URL. */
  link: string;
  schoolNumber?: string | null;
  collaborativeId?: string | null;
  laCode?: string | null;
  /** People the change names (a reviewer invited, a school's headteacher matched). */
  audience?: readonly string[];
};

export type EventRow = typeof events.$inferSelect;

/** The outbox write. Call it inside the service's transaction, beside appendAudit. */
export async function recordEvent(tx: Db, input: EventInput): Promise<void> {
  if (!input.link.startsWith('/') || input.link.startsWith('//'))
    throw new Error(`event link must be a path: ${input.link}`);
  await tx.insert(events).values({
    kind: input.kind,
    actorId: input.actorId,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    link: input.link,
    schoolNumber: input.schoolNumber ?? null,
    collaborativeId: input.collaborativeId ?? null,
    laCode: input.laCode ?? null,
    audience: [...(input.audience ?? [])],
    params: input.params,
  });
}

/**
 * The oldest events nobody has relayed, locked for this transaction. SKIP LOCKED lets two instances
 * relay at once without taking the same event, so no one is told twice.
 */
export async function takeUnrelayedEvents(tx: Db, limit: number): Promise<EventRow[]> {
  return tx
    .select()
    .from(events)
    .where(isNull(events.relayedAt))
    .orderBy(asc(events.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markRelayed(tx: Db, ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(events)
    .set({ relayedAt: now })
    .where(inArray(events.id, [...ids]));
}

/** Events still waiting to be relayed (for health and tests). */
export async function countUnrelayedEvents(db: Db): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(events)
    .where(isNull(events.relayedAt));
  return row?.count ?? 0;
}
