// A school's consent to count its SLO results in a wider picture (issue 18, part 5). Kept apart from
// `shares` on purpose: what is shared is never the survey itself (no element, no free text, no
// comment) but its figures by dimension, and only as part of a distribution across schools.
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from './checks.ts';
import { schools } from './directory.ts';
import { surveys } from './surveys.ts';
import { users } from './users.ts';

/** Who may count a school's SLO results: its collaboratives, its LA, Welsh Government's national aggregate. */
export const SURVEY_SHARE_AUDIENCES = ['collaborative', 'la', 'national'] as const;

/**
 * One consent: this survey's dimension figures may be counted in this audience's picture. audienceId
 * names the collaborative; the LA is the school's own (read from the directory when counted), so it
 * is ''. Withdrawing deletes the row, and the audit trail keeps the history.
 */
export const surveyShares = pgTable(
  'survey_shares',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    schoolNumber: text('school_number')
      .notNull()
      .references(() => schools.number),
    audience: text('audience').notNull(),
    audienceId: text('audience_id').notNull().default(''),
    sharedBy: uuid('shared_by').references(() => users.id),
    sharedAt: timestamp('shared_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.surveyId, t.audience, t.audienceId] }),
    index('survey_shares_audience').on(t.audience, t.audienceId),
    oneOf('survey_shares', t.audience, SURVEY_SHARE_AUDIENCES),
  ],
);
