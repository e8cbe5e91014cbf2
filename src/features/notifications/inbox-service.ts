// Changes to the reader's notifications and preferences: each in its own transaction with its audit entry.
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import {
  defaultCadence as defaultOf,
  isCadence,
  type Cadence,
  type EventKind,
} from '../../notifications/event-kinds.ts';
import * as repo from './inbox-repository.ts';

/** Marks one of the reader's notifications read. False when it is not theirs (or already read). */
export async function markNotificationRead(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await repo.markRead(tx, userId, id, now);
    if (changed)
      await appendAudit(tx, {
        actorId: userId,
        action: 'notification-read',
        entityType: 'notification',
        entityId: id,
        after: { readAt: now.toISOString() },
      });
    return changed;
  });
}

/** Marks all the reader's unread notifications read; how many. Nothing to mark writes nothing. */
export async function markAllNotificationsRead(db: Db, userId: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const marked = await repo.markAllRead(tx, userId, now);
    if (marked > 0)
      await appendAudit(tx, {
        actorId: userId,
        action: 'notifications-read-all',
        entityType: 'user',
        entityId: userId,
        after: { marked },
      });
    return marked;
  });
}

export type PreferencesInput = Partial<Record<string, unknown>>;
export type PreferencesResult = { ok: true; changed: number } | { ok: false; errors: Record<string, string> };

/**
 * Saves a cadence for every kind the person is offered (those their roles can be told of) at once. Each kind must have one of the four cadences; an
 * unknown value is a field error, and nothing is saved. Only the kinds whose choice changed are
 * written and audited.
 */
export async function saveNotificationPreferences(
  db: Db,
  userId: string,
  input: PreferencesInput,
  offered: readonly EventKind[],
  now: Date,
): Promise<PreferencesResult> {
  const errors: Record<string, string> = {};
  const chosen: { kind: EventKind; cadence: Cadence }[] = [];
  for (const kind of offered) {
    const value = input[kind];
    if (typeof value === 'string' && isCadence(value)) chosen.push({ kind, cadence: value });
    else errors[kind] = 'notifications.preferences.errors.choose';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const before = await repo.preferencesOf(tx, userId);
    const changes = chosen.filter((c) => (before.get(c.kind) ?? null) !== c.cadence);
    // A kind left at its default with no row stays without one: no row already means the default.
    const writes = changes.filter((c) => before.has(c.kind) || c.cadence !== defaultOf(c.kind));
    if (writes.length === 0) return { ok: true, changed: 0 };
    await repo.savePreferences(tx, userId, writes, now);
    await appendAudit(tx, {
      actorId: userId,
      action: 'notification-preferences-save',
      entityType: 'user',
      entityId: userId,
      before: Object.fromEntries(writes.map((c) => [c.kind, before.get(c.kind) ?? `default:${defaultOf(c.kind)}`])),
      after: Object.fromEntries(writes.map((c) => [c.kind, c.cadence])),
    });
    return { ok: true, changed: writes.length };
  });
}
