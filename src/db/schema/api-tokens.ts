import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** Personal API tokens: another system (an LA's dashboard, a MIS) reads the API as the person who made one. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    // The token's name in pages, forms and the audit log: never the token or its hash.
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // SHA-256 of the token (see api-token-secret.ts for why a fast hash is right here).
    tokenHash: text('token_hash').notNull(),
    name: text('name').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    // Updated at most once a minute, so using a token is not a write per request.
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_tokens_token_hash_unique').on(t.tokenHash),
    index('api_tokens_user').on(t.userId),
    check('api_tokens_expiry_check', sql`${t.expiresAt} > ${t.createdAt}`),
    check('api_tokens_scopes_check', sql`cardinality(${t.scopes}) > 0`),
  ],
);
