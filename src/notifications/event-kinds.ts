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
  // An action (of a school's plan, a collaborative's meeting, an LA's plan, a concern case's support)
  // given to a person, and the daily scan's reminders when it falls due and when it is overdue (issue 13).
  action_assigned: 'at_once',
  action_due_soon: 'at_once',
  action_overdue: 'at_once',
  // A governor's question or comment on the plan or a shared item, and the school's answer (issue 15).
  governor_question_asked: 'at_once',
  governor_question_answered: 'at_once',
} as const satisfies Record<string, Cadence>;

export type EventKind = keyof typeof EVENT_KINDS;

/**
 * The names each kind's message needs: its catalogue title's {{placeholders}}, which every service
 * that records the kind must give (EventInput's type asks for them; a unit test holds the catalogues
 * to this list). A name may also come in Welsh as `<name>Cy` (src/notifications/message-params.ts).
 */
export const EVENT_PARAMS = {
  shared_with_you: ['school', 'title'],
  revision_awaiting_approval: ['number', 'school'],
  revision_approved: ['number', 'school'],
  evidence_to_review: ['school', 'title'],
  // The need the school wrote for its broker, never its priority's title: a priority stays the school's own.
  support_requested: ['school', 'need'],
  support_matched: ['school', 'need', 'supportingSchool'],
  support_closed: ['school', 'need', 'supportingSchool'],
  enquiry_reviewer_invited: ['school', 'question'],
  enquiry_pack_ready: ['school', 'question'],
  enquiry_on_site_day: ['school', 'question'],
  enquiry_report_drafted: ['school', 'question'],
  enquiry_follow_up_agreed: ['school', 'question'],
  meeting_arranged: ['date', 'title'],
  meeting_changed: ['date', 'title'],
  plan_round_opened: ['round', 'deadline'],
  plan_round_deadline_near: ['date', 'title'],
  plan_submitted: ['la', 'round'],
  plan_comments_sent: ['round'],
  plan_sent_back: ['round'],
  plan_marked_final: ['round'],
  national_priorities_published: ['name'],
  national_support_published: ['title'],
  concern_review_due: ['date', 'title'],
  approval_waiting: ['number', 'school', 'date'],
  // What the action is (shortened) and where; a concern case's support item is never quoted, only
  // named by its kind (`about`, message-params.ts), as the calendar feed does.
  action_assigned: ['action', 'place'],
  action_due_soon: ['action', 'place', 'date'],
  action_overdue: ['action', 'place', 'date'],
  // The item's title (people wrote it), or its name in both languages (`titleCy`) for the plan,
  // a revision or a document.
  governor_question_asked: ['school', 'title'],
  governor_question_answered: ['school', 'title'],
} as const satisfies Record<EventKind, readonly string[]>;

/** What a kind's event must carry for its message, and whatever else (Welsh forms, an output's kind). */
export type EventParams<K extends EventKind> = Record<(typeof EVENT_PARAMS)[K][number], string> &
  Record<string, string>;
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
