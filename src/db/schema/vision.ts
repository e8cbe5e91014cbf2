import { date, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { author, language, otherLanguage } from './columns.ts';
import { oneOf } from './checks.ts';

/** Whose vision it is: a school's (guidance 5.1) or an LA's collective vision with its school leaders (5.2). */
export const VISION_OWNERS = ['school', 'la'] as const;

/**
 * A shared vision for improvement (issue 15, part 7). Never updated: each save is a new row with the
 * next number, so the history is the rows; the current vision is the highest number.
 */
export const visions = pgTable(
  'visions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: text('owner_type').notNull(),
    // A school number or an LA code.
    ownerId: text('owner_id').notNull(),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    language: language(),
    otherLanguage: otherLanguage(),
    // How it was agreed: "with staff, governors, learners and families...".
    agreedWith: text('agreed_with').notNull(),
    agreedOn: date('agreed_on').notNull(),
    createdBy: author(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('visions_owner_number').on(t.ownerType, t.ownerId, t.number),
    oneOf('visions', t.ownerType, VISION_OWNERS),
  ],
);
