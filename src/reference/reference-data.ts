/**
 * Reference data of the school improvement model (DOMAIN.md sections 4 and 8), as codes.
 * Labels in English and Welsh are in the catalogues under `reference.<list>.<code>`.
 */
export const EVIDENCE_SOURCES = [
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
] as const;

/** National Improvement Framework themes (seed Annex 3). */
export const NIF_THEMES = ['vision_leadership', 'curriculum_teaching', 'wellbeing_equity'] as const;

/** The six Areas of Learning and Experience and the three cross-curricular skills. */
export const AREAS = [
  'expressive_arts',
  'health_wellbeing',
  'humanities',
  'languages_literacy',
  'mathematics_numeracy',
  'science_technology',
  'skill_literacy',
  'skill_numeracy',
  'skill_digital',
] as const;

export const PRINCIPLES_OF_PROGRESSION = [
  'breadth_depth',
  'deepening_understanding',
  'refining_skills',
  'making_connections',
  'effective_learner',
] as const;

/** Groups of learners for aggregate figures only: never a learner. */
export const LEARNER_GROUPS = [
  'all_learners',
  'efsm',
  'aln',
  'care_experienced',
  'eal',
  'more_able',
  'boys',
  'girls',
  'persistent_absence',
  'welsh_background',
  'young_carers',
  'minority_ethnic',
] as const;

export const CYCLE_STAGES = [
  'planning',
  'gathering_evidence',
  'making_sense',
  'priorities_agreed',
  'reviewing_impact',
  'closed',
] as const;
export const PRIORITY_STATES = ['draft', 'agreed', 'in_progress', 'reviewed', 'closed'] as const;
export const PRIORITY_ORIGINS = ['self_evaluation', 'peer_enquiry', 'collaborative', 'la', 'national'] as const;
export const FINDING_KINDS = ['strength', 'area_for_development'] as const;
export const ACTION_STATUSES = ['not_started', 'in_progress', 'done'] as const;
/** When an intended action in the outline of a plan's years two and three happens: a term, or the whole year. */
export const OUTLINE_TERMS = ['autumn', 'spring', 'summer', 'year'] as const;
export const SUPPORT_FROM = ['none', 'collaborative', 'la'] as const;
/**
 * Where the money for an action comes from: the common sources of a Welsh school's spending.
 * 'other_grant' carries the grant's name; 'not_decided' is what a cost typed before sources were
 * asked for became (and is honest for a cost whose funding is not settled yet).
 */
export const FUNDING_SOURCES = [
  'pdg',
  'school_budget',
  'laeg',
  'professional_learning_grant',
  'other_grant',
  'not_decided',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
/** A progress review's rating of a priority or action, best last but one: an ordinal scale, never a score. */
export const PROGRESS_RATINGS = ['off_track', 'some_concerns', 'on_track', 'complete'] as const;
/** The terms of a school year, in order: the default review points fall at their ends. */
export const SCHOOL_TERMS = ['autumn', 'spring', 'summer'] as const;
/** Audiences a school may share with, widest last. Collaboratives name which one; 'national' is counted in Welsh Government's aggregates, never shown as an item. */
export const AUDIENCES = ['governors', 'collaborative', 'la', 'national', 'public'] as const;

export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];
export type NifTheme = (typeof NIF_THEMES)[number];
export type CycleStage = (typeof CYCLE_STAGES)[number];
export type PriorityState = (typeof PRIORITY_STATES)[number];
export type Audience = (typeof AUDIENCES)[number];
export type ProgressRating = (typeof PROGRESS_RATINGS)[number];
export type SchoolTerm = (typeof SCHOOL_TERMS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** The academic year (September-August) a date falls in, by its starting year: 2026-27 is 2026. */
export function academicYearOf(date: Date): number {
  return date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

/** The financial year (April-March) a date falls in, by its starting year. */
export function financialYearOf(date: Date): number {
  return date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}
