import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { notificationPreferences } from '../db/schema/index.ts';
import { buildUser, countRows } from '../../test/support/factories.ts';
import { createTestDatabase } from '../../test/support/test-database.ts';
import { countUnrelayedEvents, recordEvent, type EventRow } from './events-repository.ts';
import { countUnread } from './notifications-repository.ts';
import { relayPendingEvents, slices } from './relay-service.ts';
import { testEvent } from '../../test/support/notification-helpers.ts';

// The audience named by the change itself: enough to test the relay apart from the audience rules.
const namedAudience = async (_db: unknown, event: EventRow) => event.audience;

let database: Database;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

describe('relaying events into notifications', () => {
  it('tells each person named once, never the actor, and at their chosen cadence', async () => {
    const db = database.db;
    const [actor, governor, chair] = [await buildUser(db), await buildUser(db), await buildUser(db)];
    await db
      .insert(notificationPreferences)
      .values({ userId: chair.id, kind: 'revision_awaiting_approval', cadence: 'daily' });
    await db.transaction(async (tx) => {
      await recordEvent(
        tx,
        testEvent({
          kind: 'revision_awaiting_approval',
          actorId: actor.id,
          subject: { type: 'plan_revision', id: 'r1' },
          link: '/schools/6601234/plan',
          audience: [actor.id, governor.id, chair.id, governor.id],
        }),
      );
    });

    const result = await relayPendingEvents(db, namedAudience, new Date('2026-12-07T09:00:00Z'));

    expect(result.events).toBe(1);
    expect(result.notified.map((n) => [n.userId, n.cadence]).sort()).toEqual(
      [
        [governor.id, 'at_once'],
        [chair.id, 'daily'],
      ].sort(),
    );
    expect(await countUnread(db, governor.id)).toBe(1);
    expect(await countUnread(db, actor.id)).toBe(0);
    expect(await countUnrelayedEvents(db)).toBe(0);
  });

  it('relays an event once: a second pass tells nobody again', async () => {
    const db = database.db;
    const reader = await buildUser(db);
    await recordEvent(
      db,
      testEvent({
        kind: 'shared_with_you',
        actorId: null,
        subject: { type: 'share', id: 's1' },
        link: '/shares/s1',
        audience: [reader.id],
      }),
    );
    await relayPendingEvents(db, namedAudience, new Date());
    const again = await relayPendingEvents(db, namedAudience, new Date());
    expect(again).toEqual({ events: 0, notified: [] });
    expect(await countRows(db, 'notifications')).toBe(1);
  });

  it('loses nothing when the change rolls back, and keeps the event when the relay fails', async () => {
    const db = database.db;
    const reader = await buildUser(db);
    await expect(
      db.transaction(async (tx) => {
        await recordEvent(
          tx,
          testEvent({
            kind: 'shared_with_you',
            actorId: null,
            subject: { type: 'share', id: 's2' },
            link: '/x',
            audience: [reader.id],
          }),
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await countRows(db, 'events')).toBe(0);

    await recordEvent(
      db,
      testEvent({
        kind: 'shared_with_you',
        actorId: null,
        subject: { type: 'share', id: 's3' },
        link: '/x',
        audience: [reader.id],
      }),
    );
    const failing = async () => {
      throw new Error('audience lookup failed');
    };
    await expect(relayPendingEvents(db, failing, new Date())).rejects.toThrow('audience lookup failed');
    expect(await countUnrelayedEvents(db)).toBe(1);
    expect((await relayPendingEvents(db, namedAudience, new Date())).notified).toHaveLength(1);
  });

  it('tells a large audience in slices, once each, and stamps the event only after the last', async () => {
    const db = database.db;
    const people = await Promise.all(Array.from({ length: 7 }, () => buildUser(db)));
    await db
      .insert(notificationPreferences)
      .values({ userId: people[5]!.id, kind: 'shared_with_you', cadence: 'daily' });
    await recordEvent(
      db,
      testEvent({
        kind: 'shared_with_you',
        actorId: people[0]!.id,
        subject: { type: 'share', id: 'many' },
        link: '/x',
        audience: people.map((p) => p.id),
      }),
    );
    // A relay that dies after its first slice of three: told so far stay told, the event waits.
    await expect(
      relayPendingEvents(db, namedAudience, new Date(), 100, {
        sliceRows: 3,
        get restFactor(): number {
          throw new Error('killed between slices');
        },
      }),
    ).rejects.toThrow('killed between slices');
    expect(await countRows(db, 'notifications')).toBe(3);
    expect(await countUnrelayedEvents(db)).toBe(1);

    const again = await relayPendingEvents(db, namedAudience, new Date(), 100, { sliceRows: 2, restFactor: 0 });
    expect(again.events).toBe(1);
    // The rest, at each one's cadence: never the actor, nobody twice.
    expect(again.notified.map((n) => [n.userId, n.cadence])).toEqual([
      [people[4]!.id, 'weekly'],
      [people[5]!.id, 'daily'],
      [people[6]!.id, 'weekly'],
    ]);
    expect(await countRows(db, 'notifications')).toBe(6);
    expect(await countUnrelayedEvents(db)).toBe(0);
  });

  it('cuts audiences into slices of at most the given size, in order, across events', () => {
    const told = [
      { event: { id: 1, kind: 'shared_with_you' as const }, userIds: ['a', 'b', 'c'] },
      { event: { id: 2, kind: 'shared_with_you' as const }, userIds: ['d', 'e'] },
    ];
    expect(slices(told, 2).map((slice) => slice.map((t) => `${t.event.id}:${t.userIds.join('')}`))).toEqual([
      ['1:ab'],
      ['1:c', '2:d'],
      ['2:e'],
    ]);
  });

  it('refuses a link that leaves the site', async () => {
    await expect(
      recordEvent(
        database.db,
        testEvent({
          kind: 'shared_with_you',
          actorId: null,
          subject: { type: 'share', id: 's4' },
          link: '//evil.example/x',
        }),
      ),
    ).rejects.toThrow('event link must be a path');
  });
});
