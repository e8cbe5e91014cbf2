import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { actionOwner, author, language, otherLanguage, stamps } from './columns.ts';
import { findings, planActions, evidence } from './cycle.ts';
import { collaboratives, localAuthorities, schools } from './directory.ts';
import { users } from './users.ts';
import {
  ENQUIRY_FINDING_KINDS,
  ENQUIRY_STATES,
  MEETING_ACTION_STATUSES,
  PARTNERSHIP_KINDS,
} from '../../reference/record-states.ts';
import { oneOf } from './checks.ts';

// The working space of a collaborative (DOMAIN.md section 5) and the LA partnerships above it.

const collaborative = () =>
  uuid('collaborative_id')
    .notNull()
    .references(() => collaboratives.id, { onDelete: 'cascade' });
const schoolRef = (name = 'school_number') => text(name).references(() => schools.number);

/** Voluntary LA partnerships (DOMAIN.md section 3): operational (type 1) or specific and time-limited (type 2). */
export const laPartnerships = pgTable(
  'la_partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    nameEn: text('name_en').notNull(),
    nameCy: text('name_cy').notNull(),
    purpose: text('purpose').notNull().default(''),
    services: text('services').notNull().default(''),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    language: language(),
    ...stamps,
  },
  (t) => [oneOf('la_partnerships', t.kind, PARTNERSHIP_KINDS)],
);

export const laPartnershipMembers = pgTable(
  'la_partnership_members',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => laPartnerships.id, { onDelete: 'cascade' }),
    laCode: text('la_code')
      .notNull()
      .references(() => localAuthorities.code),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.laCode] }), index('la_partnership_members_la').on(t.laCode)],
);

/** A collaborative's meeting: agenda, who came (people and the schools they represented), notes. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborativeId: collaborative(),
    title: text('title').notNull(),
    meetsOn: date('meets_on').notNull(),
    // Local Welsh time, 'HH:MM'; a meeting without times is an all-day entry in calendars.
    startsAt: text('starts_at'),
    endsAt: text('ends_at'),
    location: text('location').notNull().default(''),
    agenda: text('agenda').notNull().default(''),
    // People present, one per line ("Name, role"): not every attendee has an account.
    attendees: text('attendees').notNull().default(''),
    notes: text('notes').notNull().default(''),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [index('meetings_collaborative').on(t.collaborativeId, t.meetsOn)],
);

/** The member schools represented at a meeting: reciprocity counts these. */
export const meetingSchools = pgTable(
  'meeting_schools',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    schoolNumber: schoolRef().notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.schoolNumber] }), index('meeting_schools_school').on(t.schoolNumber)],
);

export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    ownerSchoolNumber: schoolRef('owner_school_number'),
    ownerUserId: actionOwner(),
    dueOn: date('due_on'),
    status: text('status').notNull().default('open'),
    language: language(),
    otherLanguage: otherLanguage(),
    ...stamps,
  },
  (t) => [
    index('meeting_actions_meeting').on(t.meetingId),
    index('meeting_actions_owner_user').on(t.ownerUserId),
    oneOf('meeting_actions', t.status, MEETING_ACTION_STATUSES),
  ],
);

/** A session on a shared understanding of progression: an Area or skill at a progression step. */
export const progressionSessions = pgTable(
  'progression_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborativeId: collaborative(),
    heldOn: date('held_on').notNull(),
    area: text('area').notNull(),
    progressionStep: integer('progression_step').notNull(),
    focus: text('focus').notNull().default(''),
    // Descriptions of anonymised learners' work: never a learner's name.
    samples: text('samples').notNull().default(''),
    expectations: text('expectations').notNull().default(''),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [index('progression_sessions_collaborative').on(t.collaborativeId, t.heldOn)],
);

export const progressionSessionSchools = pgTable(
  'progression_session_schools',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => progressionSessions.id, { onDelete: 'cascade' }),
    schoolNumber: schoolRef().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.schoolNumber] }),
    index('progression_session_schools_school').on(t.schoolNumber),
  ],
);

/** A peer enquiry hosted by one member school (DOMAIN.md section 5). The report belongs to the host. */
export const peerEnquiries = pgTable(
  'peer_enquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collaborativeId: collaborative(),
    hostSchoolNumber: schoolRef('host_school_number').notNull(),
    question: text('question').notNull(),
    context: text('context').notNull().default(''),
    // The finding of the host's self-evaluation the question comes from, when it names one.
    findingId: uuid('finding_id').references(() => findings.id, { onDelete: 'set null' }),
    nifThemes: text('nif_themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    visitStart: date('visit_start'),
    visitEnd: date('visit_end'),
    state: text('state').notNull().default('proposed'),
    facilitatorId: uuid('facilitator_id').references(() => users.id),
    activities: text('activities').notNull().default(''),
    confidentiality: text('confidentiality').notNull().default(''),
    report: text('report').notNull().default(''),
    reportAgreedAt: timestamp('report_agreed_at', { withTimezone: true }),
    reportAgreedBy: uuid('report_agreed_by').references(() => users.id),
    // The evidence item the agreed report became in the host's cycle.
    evidenceId: uuid('evidence_id').references(() => evidence.id, { onDelete: 'set null' }),
    cancelReason: text('cancel_reason').notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    ...stamps,
  },
  (t) => [
    index('peer_enquiries_collaborative').on(t.collaborativeId, t.state),
    index('peer_enquiries_host').on(t.hostSchoolNumber),
    oneOf('peer_enquiries', t.state, ENQUIRY_STATES),
  ],
);

/** Reviewers from partner schools: the "peer reviewer" role is this row, scoped to one enquiry. */
export const enquiryReviewers = pgTable(
  'enquiry_reviewers',
  {
    enquiryId: uuid('enquiry_id')
      .notNull()
      .references(() => peerEnquiries.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    schoolNumber: schoolRef().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.enquiryId, t.userId] }),
    index('enquiry_reviewers_user').on(t.userId),
    index('enquiry_reviewers_school').on(t.schoolNumber),
  ],
);

/** The pack: items of the host's cycle the host chose to show the enquiry team (share item types). */
export const enquiryPackItems = pgTable(
  'enquiry_pack_items',
  {
    enquiryId: uuid('enquiry_id')
      .notNull()
      .references(() => peerEnquiries.id, { onDelete: 'cascade' }),
    itemType: text('item_type').notNull(),
    itemId: text('item_id').notNull(),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enquiryId, t.itemType, t.itemId] })],
);

/** Evidence notes made on site; each names the host colleague who was present (required). */
export const enquiryNotes = pgTable(
  'enquiry_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enquiryId: uuid('enquiry_id')
      .notNull()
      .references(() => peerEnquiries.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    observedOn: date('observed_on').notNull(),
    activity: text('activity').notNull(),
    hostColleague: text('host_colleague').notNull(),
    body: text('body').notNull(),
    language: language(),
    ...stamps,
  },
  (t) => [index('enquiry_notes_enquiry').on(t.enquiryId), index('enquiry_notes_author').on(t.authorId)],
);

/** What the team made of the evidence together: strengths, areas to develop, questions for the host. */
export const enquiryFindings = pgTable(
  'enquiry_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enquiryId: uuid('enquiry_id')
      .notNull()
      .references(() => peerEnquiries.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enquiry_findings_enquiry').on(t.enquiryId), oneOf('enquiry_findings', t.kind, ENQUIRY_FINDING_KINDS)],
);

/** Follow-up support a partner school gives the host; it becomes an action in the host's plan. */
export const enquiryFollowUps = pgTable(
  'enquiry_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enquiryId: uuid('enquiry_id')
      .notNull()
      .references(() => peerEnquiries.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    supportingSchoolNumber: schoolRef('supporting_school_number'),
    dueOn: date('due_on'),
    planActionId: uuid('plan_action_id').references(() => planActions.id, { onDelete: 'set null' }),
    language: language(),
    otherLanguage: otherLanguage(),
    createdBy: author(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enquiry_follow_ups_enquiry').on(t.enquiryId),
    index('enquiry_follow_ups_supporter').on(t.supportingSchoolNumber),
  ],
);

/** A personal calendar feed: calendar apps cannot sign in, so the address carries a secret (stored hashed). */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  // The feed has no session: its events are written in the language the user chose when making it.
  language: language(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
