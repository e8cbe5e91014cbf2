import { date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { author, language, otherLanguage, stamps } from './columns.ts';
import { priorities } from './cycle.ts';
import { schools } from './directory.ts';

/**
 * A school's last Estyn inspection (issue 15, part 6): one per school, replaced when the next
 * report comes. Its recommendations are numbered R1..Rn as in the report.
 */
export const inspections = pgTable('inspections', {
  id: uuid('id').primaryKey().defaultRandom(),
  schoolNumber: text('school_number')
    .notNull()
    .unique()
    .references(() => schools.number),
  inspectedOn: date('inspected_on').notNull(),
  // An https link to the published report, or '' when none was given.
  reportUrl: text('report_url').notNull().default(''),
  createdBy: author(),
  ...stamps,
});

export const inspectionRecommendations = pgTable(
  'inspection_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    // R1, R2...: kept contiguous (a removed one closes the gap) under a lock on the inspection row.
    number: integer('number').notNull(),
    text: text('text').notNull(),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [index('inspection_recommendations_inspection').on(t.inspectionId, t.number)],
);

/** The priorities (of the school's plan, any year) that address a recommendation. */
export const recommendationPriorities = pgTable(
  'recommendation_priorities',
  {
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => inspectionRecommendations.id, { onDelete: 'cascade' }),
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => priorities.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.recommendationId, t.priorityId] }),
    index('recommendation_priorities_priority').on(t.priorityId),
  ],
);
