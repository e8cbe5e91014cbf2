import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { actionOwner, author, language, otherLanguage, stamps } from './columns.ts';
import { collaboratives, localAuthorities, schools } from './directory.ts';
import { findings, planActions, priorities } from './cycle.ts';
import { users } from './users.ts';
import {
  CONCERN_INTERVENTIONS,
  CONCERN_SOURCES,
  CONCERN_STATES,
  CONCERN_SUPPORT_STATUSES,
  SUPPORT_AGREEMENT_STATUSES,
  SUPPORT_OFFER_STATUSES,
  SUPPORT_REQUEST_STATUSES,
} from '../../reference/record-states.ts';
import { oneOf } from './checks.ts';

// The LA's part (DOMAIN.md section 6): brokering, professional learning, its own cycle, schools causing concern.

const school = (name = 'school_number') =>
  text(name)
    .notNull()
    .references(() => schools.number);
const la = () =>
  text('la_code')
    .notNull()
    .references(() => localAuthorities.code);

/** Context figures a school publishes about itself, used to find similar schools (no learner data). */
export const schoolProfiles = pgTable('school_profiles', {
  schoolNumber: school().primaryKey(),
  // Percentage of learners eligible for free school meals, 3-year average, as published.
  efsmThreeYear: numeric('efsm_three_year', { precision: 5, scale: 1 }),
  alnPercent: numeric('aln_percent', { precision: 5, scale: 1 }),
  ealPercent: numeric('eal_percent', { precision: 5, scale: 1 }),
  context: text('context').notNull().default(''),
  language: language(),
  updatedBy: uuid('updated_by').references(() => users.id),
  ...stamps,
});

/** A strength a school offers to share with others, from its own findings. */
export const supportOffers = pgTable(
  'support_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: school(),
    findingId: uuid('finding_id').references(() => findings.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    nifTheme: text('nif_theme'),
    areas: text('areas')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    nationalPriorities: text('national_priorities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').notNull().default('active'),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('support_offers_school').on(t.schoolNumber),
    index('support_offers_theme').on(t.status, t.nifTheme),
    oneOf('support_offers', t.status, SUPPORT_OFFER_STATUSES),
  ],
);

/** A school's priority turned into a request for support, brokered by its LA or a collaborative. */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: school(),
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => priorities.id),
    need: text('need').notNull(),
    // Who brokers: the school's LA, or one of its collaboratives.
    brokerCollaborativeId: uuid('broker_collaborative_id').references(() => collaboratives.id),
    status: text('status').notNull().default('open'),
    // Raised by saving a plan action with support requested (issue 15), not typed on the request
    // form: withdrawn again when the last action asking for it stops asking (a school's own typed
    // request is never withdrawn behind its back).
    fromPlan: boolean('from_plan').notNull().default(false),
    language: language(),
    // The need's other-language version (issue 16), under `need`.
    otherLanguage: otherLanguage(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('support_requests_school').on(t.schoolNumber),
    index('support_requests_status').on(t.status),
    index('support_requests_priority').on(t.priorityId, t.status),
    oneOf('support_requests', t.status, SUPPORT_REQUEST_STATUSES),
  ],
);

/**
 * Which request a plan action's "support requested" became (issue 15): one request per action,
 * several actions of a priority asking the same broker share one request. Goes with the action.
 */
export const planActionSupport = pgTable(
  'plan_action_support',
  {
    actionId: uuid('action_id')
      .primaryKey()
      .references(() => planActions.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_action_support_request').on(t.requestId)],
);

/** Support agreed between a supporting school and the requesting one: who, what, days, cost, impact. */
export const supportAgreements = pgTable(
  'support_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    supportingSchoolNumber: school('supporting_school_number'),
    offerId: uuid('offer_id').references(() => supportOffers.id, { onDelete: 'set null' }),
    // Why the match was suggested, as shown when it was agreed (codes and values, translated on display).
    reasons: text('reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    what: text('what').notNull(),
    days: numeric('days', { precision: 5, scale: 1 }),
    costPence: integer('cost_pence'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    status: text('status').notNull().default('agreed'),
    impact: text('impact').notNull().default(''),
    impactRecordedAt: timestamp('impact_recorded_at', { withTimezone: true }),
    language: language(),
    // What was agreed and its impact in the other language (issue 16), under `what` and `impact`.
    otherLanguage: otherLanguage(),
    agreedBy: uuid('agreed_by').references(() => users.id),
    ...stamps,
  },
  (t) => [
    index('support_agreements_request').on(t.requestId),
    index('support_agreements_supporter').on(t.supportingSchoolNumber),
    oneOf('support_agreements', t.status, SUPPORT_AGREEMENT_STATUSES),
  ],
);

/** Professional learning programmes; the national one on facilitating collaborative improvement is seeded. */
export const professionalLearningProgrammes = pgTable('professional_learning_programmes', {
  code: text('code').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameCy: text('name_cy').notNull(),
  national: boolean('national').notNull().default(false),
  // The one seed section 5.1 makes a rule of.
  required: boolean('required').notNull().default(false),
});

export const professionalLearningRecords = pgTable(
  'professional_learning_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    programmeCode: text('programme_code')
      .notNull()
      .references(() => professionalLearningProgrammes.code),
    completedOn: date('completed_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('professional_learning_once').on(t.userId, t.programmeCode),
    index('professional_learning_programme').on(t.programmeCode),
  ],
);

/**
 * The values the LA self-evaluation's coded columns may hold, as CHECK constraints. They are the
 * lists in src/reference/reference-data.ts (CYCLE_STAGES, EVIDENCE_SOURCES, FINDING_KINDS,
 * PRIORITY_STATES, ACTION_STATUSES), written out because the schema imports nothing above src/db;
 * la-self-evaluation-checks.unit.test.ts fails when the two drift apart.
 */
export const LA_SELF_EVALUATION_CODES = {
  stage: ['planning', 'gathering_evidence', 'making_sense', 'priorities_agreed', 'reviewing_impact', 'closed'],
  source: [
    'learning_walk',
    'listening_to_learners',
    'learners_work',
    'observation',
    'staff_dialogue',
    'parent_voice',
    'governor_visit',
    'aggregate_data',
    'survey',
    'inspection_report',
    'peer_enquiry',
  ],
  kind: ['strength', 'area_for_development'],
  state: ['draft', 'agreed', 'in_progress', 'reviewed', 'closed'],
  status: ['not_started', 'in_progress', 'done'],
} as const;
// Named as migration 0012 created them (the other tables' CHECKs are named by checks.ts's oneOf).
const laCheck = (name: string, column: AnyPgColumn, values: readonly string[]) =>
  check(name, sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`);

/** The LA's own self-evaluation cycle for an academic year, on the school's model (docs/ARCHITECTURE.md section 9). */
export const laCycles = pgTable(
  'la_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    laCode: la(),
    academicYear: integer('academic_year').notNull(),
    stage: text('stage').notNull().default('planning'),
    howWellAnswer: text('how_well_answer').notNull().default(''),
    howKnowAnswer: text('how_know_answer').notNull().default(''),
    howImproveAnswer: text('how_improve_answer').notNull().default(''),
    language: language(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    uniqueIndex('la_cycles_la_year').on(t.laCode, t.academicYear),
    laCheck('la_cycles_stage_known', t.stage, LA_SELF_EVALUATION_CODES.stage),
  ],
);

export const laEvidence = pgTable(
  'la_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => laCycles.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    observedOn: date('observed_on').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    nifThemes: text('nif_themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    language: language(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('la_evidence_cycle').on(t.cycleId, t.observedOn),
    laCheck('la_evidence_source_known', t.source, LA_SELF_EVALUATION_CODES.source),
  ],
);

export const laFindings = pgTable(
  'la_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => laCycles.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    nifTheme: text('nif_theme'),
    language: language(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('la_findings_cycle').on(t.cycleId),
    laCheck('la_findings_kind_known', t.kind, LA_SELF_EVALUATION_CODES.kind),
  ],
);

/** The evidence an LA finding rests on (as finding_evidence is for a school's). */
export const laFindingEvidence = pgTable(
  'la_finding_evidence',
  {
    findingId: uuid('finding_id')
      .notNull()
      .references(() => laFindings.id, { onDelete: 'cascade' }),
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => laEvidence.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.findingId, t.evidenceId] }), index('la_finding_evidence_evidence').on(t.evidenceId)],
);

/** The LA's local priorities: drawn from the consolidated picture of what schools shared. */
export const laPriorities = pgTable(
  'la_priorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => laCycles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    nifTheme: text('nif_theme'),
    nationalPriorities: text('national_priorities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // How many schools shared a priority in this theme when the LA drew on the picture (a record, not a live figure).
    schoolsSharing: integer('schools_sharing'),
    successMeasure: text('success_measure').notNull().default(''),
    state: text('state').notNull().default('draft'),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('la_priorities_cycle').on(t.cycleId),
    laCheck('la_priorities_state_known', t.state, LA_SELF_EVALUATION_CODES.state),
  ],
);

/** The findings an LA priority answers (as priority_findings is for a school's). */
export const laPriorityFindings = pgTable(
  'la_priority_findings',
  {
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => laPriorities.id, { onDelete: 'cascade' }),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => laFindings.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.priorityId, t.findingId] }), index('la_priority_findings_finding').on(t.findingId)],
);

/**
 * The actions of the LA's plan for one of its priorities (was la_plan_actions until 0012: the
 * la_plan_* tables are the LA plans of WG's planning rounds, src/db/schema/national.ts).
 */
export const laPriorityActions = pgTable(
  'la_priority_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => laPriorities.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    owner: text('owner').notNull().default(''),
    ownerUserId: actionOwner(),
    dueOn: date('due_on'),
    status: text('status').notNull().default('not_started'),
    language: language(),
    otherLanguage: otherLanguage(),
    ...stamps,
  },
  (t) => [
    index('la_priority_actions_priority').on(t.priorityId),
    index('la_priority_actions_owner_user').on(t.ownerUserId),
    laCheck('la_priority_actions_status_known', t.status, LA_SELF_EVALUATION_CODES.status),
  ],
);

export const laImpactReviews = pgTable('la_impact_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  priorityId: uuid('priority_id')
    .notNull()
    .unique()
    .references(() => laPriorities.id, { onDelete: 'cascade' }),
  whatChanged: text('what_changed').notNull(),
  reviewedOn: date('reviewed_on').notNull(),
  language: language(),
  createdBy: author(),
  ...stamps,
});

/**
 * Schools causing concern (School Standards and Organisation (Wales) Act 2013, Part 2): restricted to
 * the LA's officers and the school's headteacher and chair of governors, never in collaborative views.
 */
export const concernCases = pgTable(
  'concern_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: school(),
    laCode: la(),
    source: text('source').notNull(),
    grounds: text('grounds')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    summary: text('summary').notNull(),
    state: text('state').notNull().default('open'),
    openedOn: date('opened_on').notNull(),
    exitedOn: date('exited_on'),
    exitReason: text('exit_reason').notNull().default(''),
    language: language(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('concern_cases_la').on(t.laCode, t.state),
    index('concern_cases_school').on(t.schoolNumber),
    oneOf('concern_cases', t.source, CONCERN_SOURCES),
    oneOf('concern_cases', t.state, CONCERN_STATES),
  ],
);

/** A warning notice and its required parts. */
export const warningNotices = pgTable(
  'warning_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => concernCases.id, { onDelete: 'cascade' }),
    grounds: text('grounds').array().notNull(),
    reasons: text('reasons').notNull(),
    requiredAction: text('required_action').notNull(),
    compliancePeriodDays: integer('compliance_period_days').notNull(),
    mindedTo: text('minded_to').array().notNull(),
    mindedToDetail: text('minded_to_detail').notNull().default(''),
    copiesTo: text('copies_to').array().notNull(),
    issuedOn: date('issued_on').notNull(),
    language: language(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [index('warning_notices_case').on(t.caseId)],
);

export const concernInterventions = pgTable(
  'concern_interventions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => concernCases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    decidedOn: date('decided_on').notNull(),
    details: text('details').notNull().default(''),
    // An interim executive board needs the Welsh Ministers' consent.
    ministersConsentOn: date('ministers_consent_on'),
    language: language(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('concern_interventions_case').on(t.caseId),
    oneOf('concern_interventions', t.kind, CONCERN_INTERVENTIONS),
  ],
);

export const concernSupportItems = pgTable(
  'concern_support_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => concernCases.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    owner: text('owner').notNull().default(''),
    ownerUserId: actionOwner(),
    reviewOn: date('review_on'),
    status: text('status').notNull().default('open'),
    reviewNotes: text('review_notes').notNull().default(''),
    language: language(),
    ...stamps,
  },
  (t) => [
    index('concern_support_items_case').on(t.caseId, t.reviewOn),
    index('concern_support_items_owner_user').on(t.ownerUserId),
    oneOf('concern_support_items', t.status, CONCERN_SUPPORT_STATUSES),
  ],
);
