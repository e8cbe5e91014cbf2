import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * A person's sign-in with an OpenID Connect provider ("Sign in with Hwb"), kept by the provider's
 * name for them (issuer and subject), never by email: an email can change hands or domains, and
 * every school's staff share Hwb's. Made only when an active account with the provider's verified
 * email already exists.
 */
export const identityLinks = pgTable(
  'identity_links',
  {
    // The link's name in pages and forms (removing it); the subject never leaves the server.
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('identity_links_issuer_subject').on(t.issuer, t.subject),
    index('identity_links_user').on(t.userId),
  ],
);
