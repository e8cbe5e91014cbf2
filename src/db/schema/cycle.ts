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
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { actionOwner, author, language, otherLanguage, stamps } from './columns.ts';
import { schools } from './directory.ts';
import { users } from './users.ts';
import {
  ACTION_STATUSES,
  AUDIENCES,
  CYCLE_STAGES,
  EVIDENCE_SOURCES,
  FINDING_KINDS,
  FUNDING_SOURCES,
  PRIORITY_STATES,
} from '../../reference/reference-data.ts';
import { APPROVAL_MEETINGS, SHAREABLE_TYPES } from '../../reference/record-states.ts';
import { oneOf } from './checks.ts';

const school = () =>
  text('school_number')
    .notNull()
    .references(() => schools.number);

/** A school's improvement cycle for one academic year (September-August). */
export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: school(),
    academicYear: integer('academic_year').notNull(),
    stage: text('stage').notNull().default('planning'),
    progressingAnswer: text('progressing_answer').notNull().default(''),
    paceAnswer: text('pace_answer').notNull().default(''),
    howWellAnswer: text('how_well_answer').notNull().default(''),
    howKnowAnswer: text('how_know_answer').notNull().default(''),
    howImproveAnswer: text('how_improve_answer').notNull().default(''),
    language: language(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [uniqueIndex('cycles_school_year').on(t.schoolNumber, t.academicYear), oneOf('cycles', t.stage, CYCLE_STAGES)],
);

export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: school(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    source: text('source').notNull(),
    observedOn: date('observed_on').notNull(),
    firstHand: boolean('first_hand').notNull(),
    fromBeyond: boolean('from_beyond').notNull().default(false),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    language: language(),
    otherLanguage: otherLanguage(),
    nifThemes: text('nif_themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    areas: text('areas')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    principles: text('principles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    learnerGroups: text('learner_groups')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    nationalPriorities: text('national_priorities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Leaders curate: a practitioner's item is "to review" until a leader has looked at it.
    curated: boolean('curated').notNull().default(false),
    archived: boolean('archived').notNull().default(false),
    searchText: text('search_text').notNull().default(''),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('evidence_school_cycle').on(t.schoolNumber, t.cycleId, t.observedOn),
    // Pages read a cycle's evidence newest first; without this, a national-scale table is scanned.
    index('evidence_cycle_observed').on(t.cycleId, t.observedOn),
    index('evidence_tags').using('gin', t.nifThemes, t.areas),
    // Feeds leave archived evidence out: few rows, so a small partial index answers "is it archived?".
    index('evidence_archived')
      .on(t.id)
      .where(sql`${t.archived}`),
    // The home's "evidence to review" (issue 13): a school's newest uncurated items, and how many.
    index('evidence_to_review')
      .on(t.schoolNumber, t.createdAt)
      .where(sql`not ${t.curated} and not ${t.archived}`),
    oneOf('evidence', t.source, EVIDENCE_SOURCES),
  ],
);

export const evidenceAttachments = pgTable(
  'evidence_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: author(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_attachments_evidence').on(t.evidenceId)],
);

export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: school(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    nifTheme: text('nif_theme'),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('findings_school_cycle').on(t.schoolNumber, t.cycleId),
    index('findings_cycle').on(t.cycleId),
    oneOf('findings', t.kind, FINDING_KINDS),
  ],
);

export const findingEvidence = pgTable(
  'finding_evidence',
  {
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.findingId, t.evidenceId] }), index('finding_evidence_evidence').on(t.evidenceId)],
);

export const priorities = pgTable(
  'priorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: school(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    nifTheme: text('nif_theme'),
    learners: text('learners').notNull().default(''),
    successMeasure: text('success_measure').notNull().default(''),
    nationalPriorities: text('national_priorities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    state: text('state').notNull().default('draft'),
    origin: text('origin').notNull().default('self_evaluation'),
    carriedFromId: uuid('carried_from_id'),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('priorities_school_cycle').on(t.schoolNumber, t.cycleId),
    index('priorities_cycle').on(t.cycleId),
    oneOf('priorities', t.state, PRIORITY_STATES),
  ],
);

export const priorityFindings = pgTable(
  'priority_findings',
  {
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => priorities.id, { onDelete: 'cascade' }),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.priorityId, t.findingId] })],
);

export const successCriteria = pgTable('success_criteria', {
  id: uuid('id').primaryKey().defaultRandom(),
  priorityId: uuid('priority_id')
    .notNull()
    .references(() => priorities.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  otherLanguage: otherLanguage(),
  position: integer('position').notNull().default(0),
});

export const planActions = pgTable(
  'plan_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => priorities.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    owner: text('owner').notNull().default(''),
    ownerUserId: actionOwner(),
    startOn: date('start_on'),
    dueOn: date('due_on'),
    milestones: text('milestones').notNull().default(''),
    costPence: integer('cost_pence'),
    professionalLearning: text('professional_learning').notNull().default(''),
    supportFrom: text('support_from').notNull().default('none'),
    supportDetail: text('support_detail').notNull().default(''),
    status: text('status').notNull().default('not_started'),
    language: language(),
    otherLanguage: otherLanguage(),
    ...stamps,
  },
  (t) => [
    index('plan_actions_priority').on(t.priorityId),
    index('plan_actions_due').on(t.dueOn),
    index('plan_actions_owner_user').on(t.ownerUserId),
    oneOf('plan_actions', t.status, ACTION_STATUSES),
  ],
);

/**
 * An action's cost, split by where the money comes from: up to three lines an action (the form
 * offers three; a split wider than that is rare in a school plan and would be a table of its own).
 * A child table rather than columns, so totals by source are one GROUP BY and the CHECKs hold per
 * line. plan_actions.cost_pence stays as the sum of the lines, written in the same transaction,
 * so the outputs and older revisions that read one figure keep working.
 */
export const planActionCosts = pgTable(
  'plan_action_costs',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    amountPence: integer('amount_pence').notNull(),
    source: text('source').notNull(),
    grantName: text('grant_name').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.line] }),
    check('plan_action_costs_line_check', sql`${t.line} between 1 and 3`),
    check('plan_action_costs_amount_check', sql`${t.amountPence} >= 0`),
    oneOf('plan_action_costs', t.source, FUNDING_SOURCES),
  ],
);

/** The statutory three-year school development plan, revised each year. */
export const developmentPlans = pgTable(
  'development_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: school(),
    firstYear: integer('first_year').notNull(),
    summary: text('summary').notNull().default(''),
    language: language(),
    // The summary's other-language version (issue 16), under `summary`.
    otherLanguage: otherLanguage(),
    ...stamps,
  },
  (t) => [uniqueIndex('development_plans_school_year').on(t.schoolNumber, t.firstYear)],
);

/** A kept revision: the plan as it stood, frozen, with the governing body's approval. */
export const planRevisions = pgTable(
  'plan_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => developmentPlans.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    academicYear: integer('academic_year').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    note: text('note').notNull().default(''),
    createdBy: author(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    // The meeting that resolved to approve it (null on approvals recorded before meetings were):
    // the full governing body or a committee (named), its date, the minute and the resolution's words.
    approvalMeeting: text('approval_meeting'),
    approvalCommittee: text('approval_committee'),
    approvalMeetingOn: date('approval_meeting_on'),
    approvalMinute: text('approval_minute'),
    approvalResolution: text('approval_resolution'),
  },
  (t) => [
    uniqueIndex('plan_revisions_number').on(t.planId, t.number),
    oneOf('plan_revisions', t.approvalMeeting, APPROVAL_MEETINGS),
  ],
);

/**
 * A governor the governing body delegated to record its approval of the development plan, recorded
 * by its chair or clerk; revoked rather than deleted, so who could record an approval, and when, stays.
 */
export const approvalDelegations = pgTable(
  'approval_delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    governingBodyId: text('governing_body_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: author(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('approval_delegations_current')
      .on(t.governingBodyId, t.userId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

export const impactReviews = pgTable('impact_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  priorityId: uuid('priority_id')
    .notNull()
    .unique()
    .references(() => priorities.id, { onDelete: 'cascade' }),
  whatChanged: text('what_changed').notNull().default(''),
  reviewedOn: date('reviewed_on'),
  language: language(),
  otherLanguage: otherLanguage(),
  ...stamps,
});

/** Aggregate figures only: a learner group, never a learner. */
export const impactGroupFigures = pgTable('impact_group_figures', {
  id: uuid('id').primaryKey().defaultRandom(),
  reviewId: uuid('review_id')
    .notNull()
    .references(() => impactReviews.id, { onDelete: 'cascade' }),
  learnerGroup: text('learner_group').notNull(),
  measure: text('measure').notNull(),
  baseline: text('baseline').notNull().default(''),
  latest: text('latest').notNull().default(''),
  commentary: text('commentary').notNull().default(''),
});

export const impactEvidence = pgTable(
  'impact_evidence',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => impactReviews.id, { onDelete: 'cascade' }),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.evidenceId] })],
);

/**
 * Deliberate sharing, per item and audience (DOMAIN.md section 7, rule 2). No row means
 * "this school only". audienceId names the collaborative for collaborative shares.
 */
export const shares = pgTable(
  'shares',
  {
    itemType: text('item_type').notNull(),
    // A record's uuid, or an output's kind (sdp_summary, self_evaluation, progress, support_log).
    itemId: text('item_id').notNull(),
    schoolNumber: school(),
    audience: text('audience').notNull(),
    audienceId: text('audience_id').notNull().default(''),
    sharedBy: uuid('shared_by').references(() => users.id),
    sharedAt: timestamp('shared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.itemType, t.itemId, t.audience, t.audienceId] }),
    index('shares_audience').on(t.audience, t.audienceId, t.itemType),
    // A collaborative's feed reads its shares newest first.
    index('shares_audience_newest').on(t.audience, t.audienceId, t.sharedAt.desc()),
    oneOf('shares', t.itemType, SHAREABLE_TYPES),
    oneOf('shares', t.audience, AUDIENCES),
  ],
);

/** National priorities published by Welsh Government (seeded; WG publishes more later). */
export const nationalPriorities = pgTable('national_priorities', {
  code: text('code').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameCy: text('name_cy').notNull(),
  supporting: boolean('supporting').notNull().default(false),
  publishedOn: date('published_on').notNull(),
  descriptionEn: text('description_en').notNull().default(''),
  descriptionCy: text('description_cy').notNull().default(''),
  // A priority WG no longer asks for stays linked to what schools wrote; it is no longer offered.
  withdrawnOn: date('withdrawn_on'),
});
