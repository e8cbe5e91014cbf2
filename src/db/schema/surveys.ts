import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf } from './checks.ts';
import { author, stamps } from './columns.ts';
import { evidence } from './cycle.ts';
import { schools } from './directory.ts';
import { users } from './users.ts';

const school = () =>
  text('school_number')
    .notNull()
    .references(() => schools.number);

/** What a survey is (issue 18): the SLO staff survey, or a questionnaire the school built itself. */
export const SURVEY_KINDS = ['slo', 'own'] as const;
/** Who it asks. */
export const SURVEY_AUDIENCES = ['staff', 'learners', 'families'] as const;
/** A school's own survey is built as a draft, then opened; the SLO survey opens at once. */
export const SURVEY_STATES = ['draft', 'open', 'closed'] as const;
/** How a question is answered: on the agreement scale, by one of its options, or in words. */
export const QUESTION_KINDS = ['agreement', 'choice', 'text'] as const;
/** The most options a choice question offers: answers store the option's number. */
export const MAX_OPTIONS = 8;

/**
 * A survey a school runs (issue 18). Answered through `token` (a random link, no account) or in the
 * service; closed, it becomes an evidence item of the school's cycle (`evidenceId`).
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: school(),
    kind: text('kind').notNull(),
    audience: text('audience').notNull(),
    academicYear: integer('academic_year').notNull(),
    // 32 random bytes, base64url: the public link. Kept so the leader can copy the link again.
    token: text('token').notNull(),
    // A school's own survey: its title by language ({ en, cy }: the one written, maybe both).
    title: jsonb('title').$type<Record<string, string>>().notNull().default({}),
    state: text('state').notNull().default('open'),
    closedOn: date('closed_on'),
    closedBy: uuid('closed_by').references(() => users.id),
    evidenceId: uuid('evidence_id').references(() => evidence.id),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    uniqueIndex('surveys_token').on(t.token),
    // One SLO survey of a school's staff per academic year, so results compare year on year.
    uniqueIndex('surveys_school_slo_year')
      .on(t.schoolNumber, t.academicYear)
      .where(sql`${t.kind} = 'slo'`),
    index('surveys_school').on(t.schoolNumber, t.academicYear),
    oneOf('surveys', t.kind, SURVEY_KINDS),
    oneOf('surveys', t.audience, SURVEY_AUDIENCES),
    oneOf('surveys', t.state, SURVEY_STATES),
  ],
);

/**
 * A survey's questions, in order. An SLO question names its statement by `code` (the wording is
 * reference data, in both languages); a school's own question will carry its `text` by language.
 */
export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code'),
    kind: text('kind').notNull(),
    text: jsonb('text').$type<Record<string, string>>().notNull().default({}),
    // A choice question's options, in order, each by language; answers store the option's number.
    options: jsonb('options').$type<Record<string, string>[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex('survey_questions_position').on(t.surveyId, t.position),
    oneOf('survey_questions', t.kind, QUESTION_KINDS),
  ],
);

/**
 * One person's answers, anonymous by construction (issue 18, part 3): no account, no address, no time
 * finer than the day, a random id. Whoever reads the database cannot tell who answered what.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    answeredOn: date('answered_on').notNull(),
    language: text('language').notNull(),
    comment: text('comment').notNull().default(''),
  },
  (t) => [index('survey_responses_survey').on(t.surveyId)],
);

/** Each answer of a response: 1 (strongly disagree) to 5 (strongly agree), 0 for "don't know". */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: 'cascade' }),
    value: smallint('value').notNull(),
    // A free-text answer's words (value 0); empty for every other kind.
    text: text('text').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId] }),
    index('survey_answers_question').on(t.questionId, t.value),
    // 0-5 on the agreement scale, 1-MAX_OPTIONS for a choice.
    check('survey_answers_value_check', sql`${t.value} between 0 and 8`),
  ],
);

/**
 * Who answered in the service, so each account answers once: never which response is theirs, and no
 * time, so the order of rows cannot pair them either.
 */
export const surveyParticipants = pgTable(
  'survey_participants',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.userId] })],
);

/**
 * Single-use invitations to a school's own survey (issue 18, part 2): printed slips, each with its own
 * code. Only a hash of the code is kept, and whether it was used: no name, no address, and the use is
 * recorded apart from the response (see submitResponse), so a slip never leads to its answers.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    // SHA-256 of the code, hex.
    codeHash: text('code_hash').notNull(),
    used: boolean('used').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.codeHash] })],
);
