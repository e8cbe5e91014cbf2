import { sql } from 'drizzle-orm';
import {
  bigserial,
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * The outbox (issue 12): a service writes one row in the same transaction as the change and its
 * audit entry, so nothing is lost if the process dies before anyone is told. The relay turns each
 * row into notifications for the people allowed to see it, once, and stamps `relayed_at`.
 */
export const events = pgTable(
  'events',
  {
    // Ordered: the relay takes them oldest first.
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // The record the event is about, and where on the site it is seen.
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    link: text('link').notNull(),
    // Where its audience is found: the school, collaborative or LA it belongs to (as many as apply).
    schoolNumber: text('school_number'),
    collaborativeId: uuid('collaborative_id'),
    laCode: text('la_code'),
    // People named by the change itself (a reviewer invited, a school matched), when there are any.
    audience: uuid('audience')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    // Names and titles for the message, as they were when it happened.
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    relayedAt: timestamp('relayed_at', { withTimezone: true }),
  },
  (t) => [
    index('events_unrelayed')
      .on(t.id)
      .where(sql`${t.relayedAt} is null`),
  ],
);

/** One person told of one event. The unique pair is what makes "nothing is sent twice" hold. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    // How it reaches the person, decided from their preference when it was made.
    cadence: text('cadence').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    // Set when an email carried it (at once or in a digest); null while it waits for one.
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_user_event').on(t.userId, t.eventId),
    index('notifications_user_created').on(t.userId, t.createdAt),
    // The header's unread count on every page reads only this.
    index('notifications_unread')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    check('notifications_cadence', sql`${t.cadence} in ('at_once', 'daily', 'weekly', 'in_service')`),
  ],
);

/** A person's choice for one kind; no row means the kind's default (src/notifications/event-kinds.ts). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    cadence: text('cadence').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check('notification_preferences_cadence', sql`${t.cadence} in ('at_once', 'daily', 'weekly', 'in_service')`),
  ],
);
