// The relay: turns recorded events into notifications for the people allowed to see them (issue 12).
// One transaction per batch: the events are locked, their notifications inserted and the events
// stamped together, so a crash part-way leaves them to be relayed again, and the unique (person,
// event) pair means a second relay tells nobody twice.
//
// A batch that tells more people than one short transaction should hold (a national priority tells
// every headteacher in Wales) is written in slices instead: each slice its own transaction, then a
// rest before the next, so the pages waiting on the database are served during the fan-out rather
// than after it (the embedded database runs one statement at a time, and its promises never give
// way to other requests on their own: npm run bench:fanout). The events are stamped after the last
// slice, so a crash between slices leaves them to be relayed again and the unique pair again tells
// nobody twice. Their lock ends with the first transaction: a second instance may take the same
// event meanwhile, and the pair holds it to once per person too.
import type { Db } from '../db/client.ts';
import { markRelayed, takeUnrelayedEvents, type EventRow } from './events-repository.ts';
import { isEventKind, type EventKind } from './event-kinds.ts';
import { notifyPeople, type NewNotification } from './notifications-repository.ts';

/** Who is told of one event: only people allowed to see its subject, never its actor. */
export type AudienceResolver = (db: Db, event: EventRow) => Promise<readonly string[]>;

export type RelayResult = { events: number; notified: NewNotification[] };

/**
 * How a large fan-out is paced: at most `sliceRows` notifications a transaction, and after each a
 * rest of `restFactor` times as long as the slice took (4: the relay has at most a fifth of the
 * database while pages want it).
 */
export type RelayPacing = { sliceRows: number; restFactor: number };
export const RELAY_PACING: RelayPacing = { sliceRows: 1_000, restFactor: 4 };

type Told = { event: { id: number; kind: EventKind }; userIds: string[] };

export async function relayPendingEvents(
  db: Db,
  audienceFor: AudienceResolver,
  now: Date,
  batchSize = 100,
  pacing: RelayPacing = RELAY_PACING,
): Promise<RelayResult> {
  const notified: NewNotification[] = [];
  const { eventIds, large } = await db.transaction(async (tx) => {
    const pending = await takeUnrelayedEvents(tx, batchSize);
    const told: Told[] = [];
    for (const event of pending) {
      if (!isEventKind(event.kind)) continue; // a kind this version no longer knows: stamped, told to nobody
      const userIds = [...new Set(await audienceFor(tx, event))].filter((userId) => userId !== event.actorId);
      told.push({ event: { id: event.id, kind: event.kind }, userIds });
    }
    const ids = pending.map((event) => event.id);
    if (told.reduce((sum, t) => sum + t.userIds.length, 0) > pacing.sliceRows) return { eventIds: ids, large: told };
    for (const t of told) notified.push(...(await notifyPeople(tx, t.event, t.userIds)));
    await markRelayed(tx, ids, now);
    return { eventIds: ids, large: null };
  });
  if (large) {
    for (const slice of slices(large, pacing.sliceRows)) {
      const started = performance.now(); // a duration, not the time of day: the clock is not asked
      await db.transaction(async (tx) => {
        for (const t of slice) notified.push(...(await notifyPeople(tx, t.event, t.userIds)));
      });
      await rest((performance.now() - started) * pacing.restFactor);
    }
    await markRelayed(db, eventIds, now);
  }
  return { events: eventIds.length, notified };
}

/** The events' audiences cut into slices of at most `rows` people, in order. */
export function slices(told: readonly Told[], rows: number): Told[][] {
  const result: Told[][] = [];
  let current: Told[] = [];
  let size = 0;
  for (const { event, userIds } of told)
    for (let from = 0; from < userIds.length;) {
      const part = userIds.slice(from, from + rows - size);
      current.push({ event, userIds: part });
      size += part.length;
      from += part.length;
      if (size === rows) {
        result.push(current);
        [current, size] = [[], 0];
      }
    }
  if (current.length > 0) result.push(current);
  return result;
}

/** A timer, not a promise: lets requests waiting on the event loop run, however short. */
const rest = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
