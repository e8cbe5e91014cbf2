import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * A person's confirmed time-based one-time code (RFC 6238) for password sign-in. The secret is
 * encrypted with a key derived for this use only (src/lib/secrets.ts): a copy of the database alone
 * does not give anyone the codes.
 */
export const userTwoFactor = pgTable('user_two_factor', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEncrypted: text('secret_encrypted').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
  /** The time step of the last code accepted: a code of that step or earlier is refused (no replay). */
  lastUsedStep: integer('last_used_step'),
  /** Wrong codes in the current window: they slow, then stop, code entry like password failures. */
  recentFailures: integer('recent_failures').notNull().default(0),
  firstFailureAt: timestamp('first_failure_at', { withTimezone: true }),
});

/** Single-use recovery codes, stored as SHA-256 hashes (two-factor/recovery-codes.ts says why). */
export const twoFactorRecoveryCodes = pgTable(
  'two_factor_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('two_factor_recovery_codes_user').on(t.userId)],
);

/**
 * Half-signed-in: the password was right, the second step is still to come. Not a session: it opens
 * no page but the second step, lives minutes, is spent once, and its token is stored hashed.
 */
export const signInChallenges = pgTable(
  'sign_in_challenges',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 'verify' (enter a code) or 'enrol' (the role requires two-factor: set it up first). */
    purpose: text('purpose').notNull(),
    nextPath: text('next_path').notNull(),
    failures: integer('failures').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_challenges_user').on(t.userId), index('sign_in_challenges_expires').on(t.expiresAt)],
);
