// What can happen that someone may need to know (issue 12). A leaf module: the schema, the services
// that record events, the audience rules, the pages and the emails all name kinds from here.

/** How a person hears of a kind: by email at once, in a daily or weekly digest, or only in the service. */
export const CADENCES = ['at_once', 'daily', 'weekly', 'in_service'] as const;
export type Cadence = (typeof CADENCES)[number];

/**
 * Every kind, with its default cadence. Things that wait on the reader (an approval, a review, an
 * assignment, a request to host or review) come at once; everything else weekly, so the service
 * stays quiet unless the person asks for more.
 */
// An action or meeting action assigned to someone, due soon or overdue, joins this list when actions
// have owners who are people (issue 13); today an owner is free text, so no one could be told.
export const EVENT_KINDS = {
  shared_with_you: 'weekly',
  revision_awaiting_approval: 'at_once',
  revision_approved: 'weekly',
  evidence_to_review: 'at_once',
  support_requested: 'at_once',
  support_matched: 'at_once',
  support_closed: 'weekly',
  enquiry_reviewer_invited: 'at_once',
  enquiry_pack_ready: 'at_once',
  enquiry_on_site_day: 'at_once',
  enquiry_report_drafted: 'at_once',
  enquiry_follow_up_agreed: 'weekly',
  meeting_arranged: 'weekly',
  meeting_changed: 'weekly',
  plan_round_opened: 'at_once',
  plan_round_deadline_near: 'at_once',
  plan_submitted: 'at_once',
  plan_comments_sent: 'at_once',
  plan_sent_back: 'at_once',
  plan_marked_final: 'weekly',
  national_priorities_published: 'weekly',
  national_support_published: 'weekly',
  concern_review_due: 'at_once',
  // A plan revision still waiting for the governors' approval after a week (the daily reminder scan).
  approval_waiting: 'at_once',
} as const satisfies Record<string, Cadence>;

export type EventKind = keyof typeof EVENT_KINDS;
export const EVENT_KIND_NAMES = Object.keys(EVENT_KINDS) as EventKind[];

export function isEventKind(value: string): value is EventKind {
  return Object.hasOwn(EVENT_KINDS, value);
}

export function isCadence(value: string): value is Cadence {
  return (CADENCES as readonly string[]).includes(value);
}

export function defaultCadence(kind: EventKind): Cadence {
  return EVENT_KINDS[kind];
}
