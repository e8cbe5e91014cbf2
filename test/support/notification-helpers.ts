import { inArray } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { events } from '../../src/db/schema/index.ts';
import { audienceFor } from '../../src/notifications/audience.ts';
import { relayPendingEvents } from '../../src/notifications/relay-service.ts';
import { EVENT_PARAMS, type EventKind } from '../../src/notifications/event-kinds.ts';
import type { EventInput } from '../../src/notifications/events-repository.ts';

export type Told = { userId: string; kind: string; link: string; params: Record<string, string> };

/** Relays every pending event with the real audience rules; returns who was told what, by the event's link. */
export async function relayAll(db: Db, now = new Date('2026-12-07T09:00:00Z')): Promise<Told[]> {
  const { notified } = await relayPendingEvents(db, audienceFor, now, 1000);
  if (notified.length === 0) return [];
  const rows = await db
    .select()
    .from(events)
    .where(
      inArray(
        events.id,
        notified.map((n) => n.eventId),
      ),
    );
  const byId = new Map(rows.map((e) => [e.id, e]));
  return notified.map((n) => {
    const event = byId.get(n.eventId)!;
    return { userId: n.userId, kind: n.kind, link: event.link, params: event.params as Record<string, string> };
  });
}

/** The people told of one kind, with the link each was given. */
export const toldOf = (told: Told[], kind: string) =>
  new Map(told.filter((t) => t.kind === kind).map((t) => [t.userId, t.link]));

/** A name of each sort a message may need, for events a test records without caring what they say. */
const SAMPLE_PARAMS: Record<string, string> = {
  school: 'Oak Primary',
  title: 'A thing to know',
  number: '2',
  date: '2026-12-14',
  need: 'Help with reading',
  supportingSchool: 'Ysgol Derw',
  question: 'How do we help families of learners who are often absent?',
  round: 'Plans 2027',
  la: 'Cardiff',
  deadline: '2027-01-31',
  name: 'Literacy',
};

/** An event of any kind, given the names its message needs (samples unless `params` says otherwise). */
export function testEvent(
  input: Omit<EventInput, 'kind' | 'params'> & { kind: EventKind; params?: Record<string, string> },
): EventInput {
  const needed = Object.fromEntries(EVENT_PARAMS[input.kind].map((name) => [name, SAMPLE_PARAMS[name]!]));
  return { ...input, params: { ...needed, ...input.params } } as EventInput;
}
