import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLE_NAMES, SCOPE_TYPES } from '../../policy/roles.ts';
import { oneOf } from './checks.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    preferredLanguage: text('preferred_language').notNull().default('en'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('users_email_lower_unique').on(sql`lower(${t.email})`)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    scopeType: text('scope_type').notNull(),
    // Null for national and platform scopes; otherwise the scoped record's key.
    scopeId: text('scope_id'),
    // The last day the role counts (a leaver, a governor's term); null while it lasts. Sessions load
    // only assignments still in force (src/sessions/session-repository.ts).
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_assignments_user').on(t.userId),
    // An LA's staff (and the collaboratives they facilitate) are found by scope.
    index('role_assignments_scope').on(t.scopeId, t.role),
    uniqueIndex('role_assignments_unique').on(t.userId, t.role, t.scopeType, sql`coalesce(${t.scopeId}, '')`),
    oneOf('role_assignments', t.role, ROLE_NAMES),
    oneOf('role_assignments', t.scopeType, SCOPE_TYPES),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie token: a stolen database cannot be replayed as cookies.
    idHash: text('id_hash').primaryKey(),
    // The session's name in pages and forms (signing out another device): never the token or its hash.
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    // As the browser sent it at sign-in (truncated), so a person can tell their devices apart.
    userAgent: text('user_agent'),
    // The address the sign-in came from, for the same reason.
    address: text('address'),
  },
  (t) => [index('sessions_user').on(t.userId), uniqueIndex('sessions_id_unique').on(t.id)],
);

/** Failed sign-ins to an account from anywhere, in the current window: they slow answers, never lock. */
export const signInFailures = pgTable('sign_in_failures', {
  emailKey: text('email_key').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull(),
});

export const passwordTokens = pgTable(
  'password_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_tokens_user').on(t.userId)],
);

/**
 * A people CSV upload between its preview and its apply: the rows as parsed on the server, kept for
 * the person who uploaded it and the place they uploaded it for (`school:<number>`, `la:<code>`,
 * `national`), so the apply never trusts anything the browser sends back but the upload's id.
 */
export const peopleUploads = pgTable(
  'people_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    place: text('place').notNull(),
    rows: jsonb('rows').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('people_uploads_user').on(t.userId)],
);
