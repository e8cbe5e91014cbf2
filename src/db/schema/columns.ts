import { integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** Columns most records share. */
export const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Optimistic locking: every edit names the version it started from (docs/ARCHITECTURE.md section 7).
  version: integer('version').notNull().default(1),
};
export const author = () => uuid('created_by').references(() => users.id);
/** The language the user wrote in (DOMAIN.md section 7, rule 7). */
export const language = () => text('language').notNull().default('en');
/**
 * The other-language version of a record's texts, by field name (issue 16): written beside the
 * original by whoever shares or publishes it, for a reader of the other language. Empty when
 * nobody has written one; the original in `language` always stays the record's text.
 */
export const otherLanguage = () => jsonb('other_language').$type<Record<string, string>>().notNull().default({});

/**
 * The person in Cydwella an action is assigned to (issue 13). Null when the free-text `owner` names
 * someone outside Cydwella; set null if the account is ever deleted, so the text stays the fallback.
 */
export const actionOwner = () => uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' });
