// Governors' questions and comments (issue 15, part 5): a thread kept with the item it is about
// (its type and id, as shares name items), in its school, and the messages written in it.
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { language } from './columns.ts';
import { oneOf } from './checks.ts';
import { schools } from './directory.ts';
import { users } from './users.ts';
import { THREAD_ITEM_TYPES, THREAD_KINDS, THREAD_SIDES, THREAD_STATUSES } from '../../reference/record-states.ts';

export const governorThreads = pgTable(
  'governor_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: text('school_number')
      .notNull()
      .references(() => schools.number),
    itemType: text('item_type').notNull(),
    // A record's uuid, or an output's share id (school:kind), as in `shares`.
    itemId: text('item_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('open'),
    askedBy: uuid('asked_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('governor_threads_item').on(t.itemType, t.itemId),
    index('governor_threads_school_status').on(t.schoolNumber, t.status),
    oneOf('governor_threads', t.itemType, THREAD_ITEM_TYPES),
    oneOf('governor_threads', t.kind, THREAD_KINDS),
    oneOf('governor_threads', t.status, THREAD_STATUSES),
  ],
);

export const governorThreadMessages = pgTable(
  'governor_thread_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => governorThreads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    // Whether the author wrote as a governor or for the school (its headteacher or a leader).
    side: text('side').notNull(),
    body: text('body').notNull(),
    language: language(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('governor_thread_messages_thread').on(t.threadId, t.createdAt),
    oneOf('governor_thread_messages', t.side, THREAD_SIDES),
  ],
);
