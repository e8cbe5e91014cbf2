// Who is told of what (issue 12): a pure table of event kind x role x relationship to the record.
// audience.ts turns each row into SQL; the table is the one place the rule is written, and its unit
// test reads it as a table. Every row names someone the matching policy already lets see the thing
// (src/policy/*): nobody is told of what they may not open.
import type { Role } from '../policy/roles.ts';
import type { Audience } from '../reference/reference-data.ts';
import type { EventKind } from './event-kinds.ts';

/**
 * How a person stands to the event's record. The first group is resolved from the event's school,
 * collaborative or LA; the last group names people who are never told (they exist so the table test
 * can say so, row by row).
 */
export const RELATIONSHIPS = [
  // holds the role in the event's school
  'school',
  // holds the role in the event's school's governing body
  'governing_body',
  // holds the role in the event's LA (the school's LA, or the LA the record belongs to)
  'la',
  // holds the role in the event's collaborative (its lead)
  'collaborative',
  // LA staff recorded as a facilitator of the event's collaborative
  'facilitator',
  // holds the role in a member school of the event's collaborative (other than the event's own school)
  'member_school',
  // named by the change itself and holding the role
  'named',
  // a reviewer of the event's peer enquiry (subject), holding the role in the school they review from, while it is open
  'reviewer',
  // the facilitator of the event's peer enquiry, while it is open
  'enquiry_facilitator',
  // holds the role nationally (Welsh Government)
  'national',
  // holds the role in any school in Wales, or any LA (what WG publishes is for everyone)
  'any_school',
  'any_la',
  // never told: a reviewer once the enquiry is closed, people of another school or LA, strangers
  'reviewer_after_close',
  'other_school',
  'other_la',
  'stranger',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export type Recipient = { role: Role; relationship: Relationship };

const SCHOOL_LEADERS = ['headteacher', 'school_leader'] as const satisfies readonly Role[];
const GOVERNORS = ['governor', 'chair_of_governors', 'clerk'] as const satisfies readonly Role[];
const LA_STAFF = ['la_officer', 'improvement_partner'] as const satisfies readonly Role[];
const SCHOOL_STAFF = ['headteacher', 'school_leader', 'practitioner'] as const satisfies readonly Role[];

const each = (roles: readonly Role[], relationship: Relationship): Recipient[] =>
  roles.map((role) => ({ role, relationship }));

/** The broker of a support request: the LA's staff, or the collaborative it was given to (its lead and facilitators). */
const BROKERS = [
  ...each(LA_STAFF, 'la'),
  { role: 'collaborative_lead', relationship: 'collaborative' },
  ...each(LA_STAFF, 'facilitator'),
] satisfies Recipient[];

/** An enquiry's team: its reviewers (staff of partner schools) and its facilitator (a school leader or LA staff). */
const TEAM = [
  ...each(SCHOOL_STAFF, 'reviewer'),
  ...each([...SCHOOL_STAFF, ...LA_STAFF], 'enquiry_facilitator'),
] satisfies Recipient[];

const CONVENORS_AND_MEMBER_LEADERS = [
  { role: 'collaborative_lead', relationship: 'collaborative' },
  ...each(LA_STAFF, 'facilitator'),
  ...each(SCHOOL_LEADERS, 'member_school'),
] satisfies Recipient[];

/**
 * Who may lead an action (src/features/action-owners/people-repository.ts): a school's staff, a
 * collaborative's lead (and its facilitators, LA staff), an LA's staff, and a concern case's chair
 * of governors. The owner is named by the event; the picker offered only people who may open it.
 */
const ACTION_OWNERS = each(
  [...SCHOOL_STAFF, 'collaborative_lead', ...LA_STAFF, 'chair_of_governors'],
  'named',
) satisfies Recipient[];

/** Each kind the services record, and who hears of it. */
export const AUDIENCE_RULES: Record<EventKind, readonly Recipient[]> = {
  // Something shared with your body: who depends on the audience it was shared with (below).
  shared_with_you: [
    ...each(GOVERNORS, 'governing_body'),
    ...each(LA_STAFF, 'la'),
    { role: 'collaborative_lead', relationship: 'collaborative' },
    ...each(LA_STAFF, 'facilitator'),
    ...each(SCHOOL_LEADERS, 'member_school'),
  ],
  // Revisions are the governing body's to approve; the school's leaders prepare them and see approval.
  revision_awaiting_approval: each(GOVERNORS, 'governing_body'),
  revision_approved: [...each(SCHOOL_LEADERS, 'school'), ...each(GOVERNORS, 'governing_body')],
  // A practitioner's evidence waits for a leader to review it (evidence-policy: leaders curate).
  evidence_to_review: each(SCHOOL_LEADERS, 'school'),
  // Brokering: the broker hears of a request. A match is told to the leaders of both schools and a
  // close to the broker and the supporting school, each by its own event pointing at a page they can
  // open (the requesting school's support page is its staff's alone).
  support_requested: BROKERS,
  support_matched: each(SCHOOL_LEADERS, 'school'),
  support_closed: [...BROKERS, ...each(SCHOOL_LEADERS, 'school')],
  // Peer enquiry (DOMAIN.md section 5): the event's school is the host. The team hears only while
  // the enquiry is open, as enquiry-policy lets them see it only then.
  enquiry_reviewer_invited: TEAM,
  enquiry_pack_ready: TEAM,
  enquiry_on_site_day: [...TEAM, ...each(SCHOOL_LEADERS, 'school')],
  enquiry_report_drafted: each(SCHOOL_LEADERS, 'school'),
  enquiry_follow_up_agreed: [
    ...TEAM,
    ...each(SCHOOL_LEADERS, 'school'),
    { role: 'collaborative_lead', relationship: 'collaborative' },
  ],
  // A collaborative's meetings are for its space (collaborative-policy): its lead, facilitators and
  // member schools; their leaders are told, not every member of staff.
  meeting_arranged: CONVENORS_AND_MEMBER_LEADERS,
  meeting_changed: CONVENORS_AND_MEMBER_LEADERS,
  // LA plans (plan-policy): the LA's officers draft and submit; its improvement partners read;
  // WG reads a submitted plan. Another LA reads only a final plan shared with it: never told.
  plan_round_opened: [{ role: 'la_officer', relationship: 'la' }],
  plan_submitted: [{ role: 'wg_official', relationship: 'national' }],
  plan_comments_sent: each(LA_STAFF, 'la'),
  plan_sent_back: each(LA_STAFF, 'la'),
  plan_marked_final: each(LA_STAFF, 'la'),
  // What WG publishes (national-priorities page, for everyone signed in): every headteacher and LA
  // officer in Wales, weekly by default.
  national_priorities_published: [
    { role: 'headteacher', relationship: 'any_school' },
    { role: 'la_officer', relationship: 'any_la' },
  ],
  national_support_published: [
    { role: 'headteacher', relationship: 'any_school' },
    { role: 'la_officer', relationship: 'any_la' },
  ],
  // A concern case is restricted (rule 6): the LA's officers, the school's headteacher and its chair only.
  // Reminders from the daily scan: an LA plan still in draft near its round's deadline (the LA's
  // officers, who submit it), and a revision the governing body has not approved after a week.
  plan_round_deadline_near: [{ role: 'la_officer', relationship: 'la' }],
  approval_waiting: each(GOVERNORS, 'governing_body'),
  concern_review_due: [
    { role: 'la_officer', relationship: 'la' },
    { role: 'headteacher', relationship: 'school' },
    { role: 'chair_of_governors', relationship: 'governing_body' },
  ],
  // An action's owner, named by the event: when it becomes theirs (told by the service that saved
  // it) and when it falls due or is overdue (the daily scan, which re-checks they may still open it).
  action_assigned: ACTION_OWNERS,
  action_due_soon: ACTION_OWNERS,
  action_overdue: ACTION_OWNERS,
  // Governors' questions (governor-question-policy): the headteacher hears of a new one, and the
  // governor who asked, named by the event, hears the school's answer.
  governor_question_asked: [{ role: 'headteacher', relationship: 'school' }],
  governor_question_answered: each(GOVERNORS, 'named'),
};

/**
 * A share is told only to the body it was shared with, the relationships its audience's readers
 * have (school-policy audiencesFor, collaborative-policy space). What is made public or given to WG
 * for the national picture is for everyone or for aggregates, so nobody is told of it one by one.
 */
export const SHARE_AUDIENCE_RELATIONSHIPS: Record<Audience, readonly Relationship[]> = {
  governors: ['governing_body'],
  la: ['la'],
  collaborative: ['collaborative', 'facilitator', 'member_school'],
  national: [],
  public: [],
};

/** A share's subject id is its key, joined by a character no part of a key contains (ids, codes, uuids). */
export const shareSubjectId = (key: { itemType: string; itemId: string; audience: string; audienceId: string }) =>
  [key.itemType, key.itemId, key.audience, key.audienceId].join('|');
export const shareKeyOf = (subjectId: string) => subjectId.split('|');

/** Is a person told that an item was shared with this audience, given their role and relationship? */
export function isToldOfShare(audience: Audience, role: Role, relationship: Relationship): boolean {
  return SHARE_AUDIENCE_RELATIONSHIPS[audience].includes(relationship) && isTold('shared_with_you', role, relationship);
}

/** Is a person with this role and this relationship to the record told of this kind? */
export function isTold(kind: EventKind, role: Role, relationship: Relationship): boolean {
  return (AUDIENCE_RULES[kind] ?? []).some((r) => r.role === role && r.relationship === relationship);
}

/** The rows of one kind, grouped by relationship: what audience.ts asks the database for. */
export function recipientsOf(kind: EventKind): Map<Relationship, Role[]> {
  const grouped = new Map<Relationship, Role[]>();
  for (const { role, relationship } of AUDIENCE_RULES[kind] ?? [])
    grouped.set(relationship, [...(grouped.get(relationship) ?? []), role]);
  return grouped;
}

/**
 * The kinds a person holding these roles can ever be told of: what their preferences page offers.
 * Nobody is asked how they want to hear of something that never comes to them.
 */
export function kindsFor(roles: readonly Role[]): EventKind[] {
  return (Object.keys(AUDIENCE_RULES) as EventKind[]).filter((kind) =>
    AUDIENCE_RULES[kind].some((rule) => roles.includes(rule.role)),
  );
}
