import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Failed sign-ins for one account from one client address: enough of them lock that pair out
 * (and only that pair), so nobody elsewhere can lock an account's owner out by guessing.
 */
export const signInClientFailures = pgTable(
  'sign_in_client_failures',
  {
    emailKey: text('email_key').notNull(),
    client: text('client').notNull(),
    failures: integer('failures').notNull(),
    firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.emailKey, t.client] }), index('sign_in_client_failures_first').on(t.firstFailureAt)],
);

/** Addresses an account has signed in from: they are slowed, never locked out, by failures. */
export const signInKnownClients = pgTable(
  'sign_in_known_clients',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    client: text('client').notNull(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.client] })],
);

/**
 * Request counts per rate-limit key and window, shared by every instance on one PostgreSQL
 * server. The migration makes it UNLOGGED: counts are worth losing in a crash, not a WAL write.
 */
export const rateLimitHits = pgTable('rate_limit_hits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
});
