import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { author, language, otherLanguage } from './columns.ts';
import { developmentPlans, evidence, planActions, priorities } from './cycle.ts';
import { schools } from './directory.ts';
import { PROGRESS_RATINGS, SCHOOL_TERMS } from '../../reference/reference-data.ts';
import { oneOf } from './checks.ts';

/**
 * A progress review of a priority (or of one of its actions, when actionId is set), issue 15 part 3.
 * Reviews are only ever added: a correction is a new review, so the history over the plan's three
 * years is what the school said at each point.
 */
export const progressReviews = pgTable(
  'progress_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: text('school_number')
      .notNull()
      .references(() => schools.number),
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => priorities.id, { onDelete: 'cascade' }),
    actionId: uuid('action_id').references(() => planActions.id, { onDelete: 'cascade' }),
    reviewedOn: date('reviewed_on').notNull(),
    rating: text('rating').notNull(),
    comment: text('comment').notNull().default(''),
    language: language(),
    // The comment's other-language version (issue 16), under `comment`.
    otherLanguage: otherLanguage(),
    createdBy: author(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('progress_reviews_priority').on(t.priorityId, t.reviewedOn),
    index('progress_reviews_action').on(t.actionId),
    oneOf('progress_reviews', t.rating, PROGRESS_RATINGS),
  ],
);

export const progressReviewEvidence = pgTable(
  'progress_review_evidence',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => progressReviews.id, { onDelete: 'cascade' }),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.evidenceId] }), index('progress_review_evidence_item').on(t.evidenceId)],
);

/**
 * The dates a plan's reviews are due, set by the school's leaders per school year and term. A term
 * with no row falls back to the default end of that term (src/features/progress-reviews/review-points.ts).
 */
export const planReviewPoints = pgTable(
  'plan_review_points',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => developmentPlans.id, { onDelete: 'cascade' }),
    academicYear: integer('academic_year').notNull(),
    term: text('term').notNull(),
    dueOn: date('due_on').notNull(),
    createdBy: author(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.academicYear, t.term] }),
    oneOf('plan_review_points', t.term, SCHOOL_TERMS),
  ],
);
