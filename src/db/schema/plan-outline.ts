import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { author, language, otherLanguage, stamps } from './columns.ts';
import { developmentPlans, priorities } from './cycle.ts';
import { schools } from './directory.ts';
import { OUTLINE_TERMS } from '../../reference/reference-data.ts';
import { oneOf } from './checks.ts';

/**
 * Years two and three of the three-year development plan, in outline (issue 15): a priority that
 * continues from year one (continuesPriorityId) or one the school intends to start. Year one keeps
 * its detail in priorities and plan_actions; rolling the plan forward turns the next year's outline
 * into that year's draft priorities. The year is absolute (an academic year), so the outline of year
 * three simply becomes year two when the window moves on.
 */
export const planOutlinePriorities = pgTable(
  'plan_outline_priorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => developmentPlans.id, { onDelete: 'cascade' }),
    schoolNumber: text('school_number')
      .notNull()
      .references(() => schools.number),
    academicYear: integer('academic_year').notNull(),
    // A priority deleted later leaves the entry as a new intended priority under its own title.
    continuesPriorityId: uuid('continues_priority_id').references(() => priorities.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [index('plan_outline_priorities_plan_year').on(t.planId, t.academicYear)],
);

/** An intended action of an outline priority: a short line and when (a term, or the whole year). */
export const planOutlineActions = pgTable(
  'plan_outline_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outlinePriorityId: uuid('outline_priority_id')
      .notNull()
      .references(() => planOutlinePriorities.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
    description: text('description').notNull(),
    otherLanguage: otherLanguage(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('plan_outline_actions_priority').on(t.outlinePriorityId),
    oneOf('plan_outline_actions', t.term, OUTLINE_TERMS),
  ],
);
