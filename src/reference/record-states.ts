/**
 * The closed sets of codes that records hold in a state, stage, status, kind or source column,
 * where no older reference list (reference-data.ts, policy/roles.ts) already holds them. A leaf:
 * it imports nothing, so the database schema can build its CHECK constraints from these very
 * lists (src/db/schema/checks.ts) and the code and the database cannot disagree on a code.
 * Features import them from here, or through the module that used to own them.
 */

export const COLLABORATIVE_KINDS = ['vertical', 'horizontal'] as const;
export const COLLABORATIVE_STATUSES = ['forming', 'active', 'paused', 'closed'] as const;

/** An LA partnership (labels under `partnerships.kinds`). */
export const PARTNERSHIP_KINDS = ['operational', 'specific'] as const;

/** A meeting's agreed action (labels under `meetings.actions.status`). */
export const MEETING_ACTION_STATUSES = ['open', 'done'] as const;

/** The meeting that approved a revision of the development plan (labels under `pages.planApproval.meetings`). */
export const APPROVAL_MEETINGS = ['full_governing_body', 'committee'] as const;

/** The peer-enquiry cycle (DOMAIN.md section 5), in order; its moves are in peer-enquiry/enquiry-states.ts. */
export const ENQUIRY_STATES = [
  'proposed',
  'agreed',
  'preparing',
  'on_site',
  'making_sense',
  'report_drafted',
  'report_agreed',
  'follow_up',
  'closed',
  'cancelled',
] as const;
export const ENQUIRY_FINDING_KINDS = ['strength', 'area_for_development', 'question'] as const;

/** What a school may share, and the documents among them (sharing/share-repository.ts). */
export const SHAREABLE_TYPES = ['evidence', 'finding', 'priority', 'output'] as const;

/** Support brokering (labels under `brokering.offerStatus`, `requestStatus`, `agreementStatus`). */
export const SUPPORT_OFFER_STATUSES = ['active', 'withdrawn'] as const;
export const SUPPORT_REQUEST_STATUSES = ['open', 'matched', 'closed', 'withdrawn'] as const;
export const SUPPORT_AGREEMENT_STATUSES = ['agreed', 'completed'] as const;

/** Schools causing concern (labels under `concern.sources`, `concern.interventions`, `concern.states`). */
export const CONCERN_SOURCES = [
  'la_intelligence',
  'estyn_special_measures',
  'estyn_significant_improvement',
  'estyn_review',
] as const;
/** Sections 4 to 8 of the 2013 Act, in order (section 10, the Welsh Ministers' own powers, is not the LA's). */
export const CONCERN_INTERVENTIONS = [
  'advice_collaboration',
  'additional_governors',
  'interim_executive_board',
  'suspend_budget',
  'directions',
] as const;
export const CONCERN_STATES = ['open', 'warning_notice', 'intervention', 'monitoring', 'exited'] as const;
export const CONCERN_SUPPORT_STATUSES = ['open', 'done'] as const;

/** A WG planning round. Rounds are only ever open: none is closed yet, a deadline passing closes nothing. */
export const PLANNING_ROUND_STATUSES = ['open'] as const;
/** The states of an LA's plan, in the order a plan moves through them (labels under `laPlans.states`). */
export const LA_PLAN_STATES = ['draft', 'submitted', 'in_discussion', 'final'] as const;

/** National support WG publishes (labels under `national.support.kinds`). */
export const NATIONAL_SUPPORT_KINDS = ['professional_learning', 'resource', 'service', 'funding'] as const;
/** A good-practice case study (labels under `goodPractice.statuses`). */
export const CASE_STUDY_STATUSES = ['draft', 'published'] as const;

/**
 * Governors' questions and comments (issue 15, part 5): what a thread may be kept with (the plan,
 * a revision of it, or anything the school can share with its governors), its kind and its status
 * (labels under `questions.kinds`, `questions.statuses`), and who wrote a message in it.
 */
export const THREAD_ITEM_TYPES = ['plan', 'plan_revision', 'evidence', 'finding', 'priority', 'output'] as const;
export const THREAD_KINDS = ['question', 'comment'] as const;
export const THREAD_STATUSES = ['open', 'answered', 'closed'] as const;
export const THREAD_SIDES = ['governor', 'school'] as const;
