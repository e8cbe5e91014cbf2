import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
