import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { author, language, otherLanguage, stamps } from './columns.ts';
import { laPartnerships } from './collaboration.ts';
import { localAuthorities, schools } from './directory.ts';
import { users } from './users.ts';
import {
  CASE_STUDY_STATUSES,
  LA_PLAN_STATES,
  NATIONAL_SUPPORT_KINDS,
  PLANNING_ROUND_STATUSES,
} from '../../reference/record-states.ts';
import { oneOf } from './checks.ts';

// Wales-wide work (DOMAIN.md section 6): LA plans on WG's template, national support, good practice.

/** Shared staff of an LA partnership (named posts, not accounts). */
export const laPartnershipStaff = pgTable(
  'la_partnership_staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => laPartnerships.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    post: text('post').notNull().default(''),
    employingLaCode: text('employing_la_code').references(() => localAuthorities.code),
  },
  (t) => [index('la_partnership_staff_partnership').on(t.partnershipId)],
);

/** A planning round WG opens: a template of sections and a deadline for every LA's plan. */
export const planningRounds = pgTable(
  'planning_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    titleEn: text('title_en').notNull(),
    titleCy: text('title_cy').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status').notNull().default('open'),
    createdBy: author(),
    ...stamps,
  },
  (t) => [oneOf('planning_rounds', t.status, PLANNING_ROUND_STATUSES)],
);

export const planTemplateSections = pgTable(
  'plan_template_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => planningRounds.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    titleEn: text('title_en').notNull(),
    titleCy: text('title_cy').notNull(),
    guidanceEn: text('guidance_en').notNull().default(''),
    guidanceCy: text('guidance_cy').notNull().default(''),
  },
  (t) => [index('plan_template_sections_round').on(t.roundId, t.position)],
);

/** One LA's plan in a round: draft, submitted, in discussion, revised, final. */
export const laPlans = pgTable(
  'la_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => planningRounds.id, { onDelete: 'cascade' }),
    laCode: text('la_code')
      .notNull()
      .references(() => localAuthorities.code),
    state: text('state').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    finalAt: timestamp('final_at', { withTimezone: true }),
    // LAs agreed to share final plans with each other: the LA chooses.
    sharedWithLas: boolean('shared_with_las').notNull().default(false),
    ...stamps,
  },
  (t) => [uniqueIndex('la_plans_round_la').on(t.roundId, t.laCode), oneOf('la_plans', t.state, LA_PLAN_STATES)],
);

/** The LA's answer to one section; several officers edit, so each answer carries a version. */
export const laPlanAnswers = pgTable(
  'la_plan_answers',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => laPlans.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => planTemplateSections.id, { onDelete: 'cascade' }),
    body: text('body').notNull().default(''),
    language: language(),
    otherLanguage: otherLanguage(),
    updatedBy: uuid('updated_by').references(() => users.id),
    ...stamps,
  },
  (t) => [primaryKey({ columns: [t.planId, t.sectionId] })],
);

/** Every version of a plan kept whole (on submit, on revise, on final), to read and compare. */
export const laPlanVersions = pgTable(
  'la_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => laPlans.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    state: text('state').notNull(),
    // { sections: [{ sectionId, titleEn, titleCy, body, language }] }
    snapshot: jsonb('snapshot').notNull(),
    createdBy: author(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('la_plan_versions_number').on(t.planId, t.number),
    oneOf('la_plan_versions', t.state, LA_PLAN_STATES),
  ],
);

/** WG's comments on a section of an LA's plan. */
export const laPlanComments = pgTable(
  'la_plan_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => laPlans.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => planTemplateSections.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    language: language(),
    createdBy: author(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('la_plan_comments_plan').on(t.planId, t.sectionId)],
);

/** National support WG publishes: professional learning programmes, resources, services, funding. */
export const nationalSupportOffers = pgTable(
  'national_support_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    titleEn: text('title_en').notNull(),
    titleCy: text('title_cy').notNull(),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionCy: text('description_cy').notNull().default(''),
    nationalPriorities: text('national_priorities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    programmeCode: text('programme_code'),
    url: text('url').notNull().default(''),
    publishedOn: date('published_on').notNull(),
    withdrawnOn: date('withdrawn_on'),
    createdBy: author(),
    ...stamps,
  },
  (t) => [oneOf('national_support_offers', t.kind, NATIONAL_SUPPORT_KINDS)],
);

/** Good practice: a case study a school or an LA publishes. */
export const caseStudies = pgTable(
  'case_studies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolNumber: text('school_number').references(() => schools.number),
    laCode: text('la_code').references(() => localAuthorities.code),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    whatWeDid: text('what_we_did').notNull().default(''),
    learners: text('learners').notNull().default(''),
    impact: text('impact').notNull().default(''),
    nifThemes: text('nif_themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    nationalPriorities: text('national_priorities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    areas: text('areas')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    searchText: text('search_text').notNull().default(''),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('case_studies_status').on(t.status, t.publishedAt),
    index('case_studies_school').on(t.schoolNumber),
    index('case_studies_tags').using('gin', t.nifThemes, t.nationalPriorities),
    oneOf('case_studies', t.status, CASE_STUDY_STATUSES),
  ],
);
