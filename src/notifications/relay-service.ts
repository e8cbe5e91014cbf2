// The relay: turns recorded events into notifications for the people allowed to see them (issue 12).
// One transaction per batch: the events are locked, their notifications inserted and the events
// stamped together, so a crash part-way leaves them to be relayed again, and the unique (person,
// event) pair means a second relay tells nobody twice.
import type { Db } from '../db/client.ts';
import { markRelayed, takeUnrelayedEvents, type EventRow } from './events-repository.ts';
import { isEventKind } from './event-kinds.ts';
import { cadencesFor, insertNotifications, type NewNotification } from './notifications-repository.ts';

/** Who is told of one event: only people allowed to see its subject, never its actor. */
export type AudienceResolver = (db: Db, event: EventRow) => Promise<readonly string[]>;

export type RelayResult = { events: number; notified: NewNotification[] };

export async function relayPendingEvents(
  db: Db,
  audienceFor: AudienceResolver,
  now: Date,
  batchSize = 100,
): Promise<RelayResult> {
  return db.transaction(async (tx) => {
    const pending = await takeUnrelayedEvents(tx, batchSize);
    const notified: NewNotification[] = [];
    for (const event of pending) {
      if (!isEventKind(event.kind)) continue; // a kind this version no longer knows: stamped, told to nobody
      const audience = [...new Set(await audienceFor(tx, event))].filter((userId) => userId !== event.actorId);
      const cadences = await cadencesFor(tx, audience, event.kind);
      const kind = event.kind;
      notified.push(
        ...(await insertNotifications(
          tx,
          audience.map((userId) => ({ userId, eventId: event.id, kind, cadence: cadences.get(userId)! })),
        )),
      );
    }
    await markRelayed(
      tx,
      pending.map((event) => event.id),
      now,
    );
    return { events: pending.length, notified };
  });
}
