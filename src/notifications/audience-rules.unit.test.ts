import { describe, expect, it } from 'vitest';
import type { Role } from '../policy/roles.ts';
import type { Audience } from '../reference/reference-data.ts';
import {
  AUDIENCE_RULES,
  isTold,
  isToldOfShare,
  recipientsOf,
  RELATIONSHIPS,
  type Relationship,
} from './audience-rules.ts';
import type { EventKind } from './event-kinds.ts';

// Each row: the kind, a role, the person's relationship to the record, and whether they are told.
const TABLE: [EventKind, Role, Relationship, boolean][] = [
  // Governors' questions: the headteacher hears of one, not other staff, the LA or other schools;
  // the answer goes to the governor who asked (named), not to the rest of the body.
  ['governor_question_asked', 'headteacher', 'school', true],
  ['governor_question_asked', 'school_leader', 'school', false],
  ['governor_question_asked', 'practitioner', 'school', false],
  ['governor_question_asked', 'la_officer', 'la', false],
  ['governor_question_asked', 'headteacher', 'other_school', false],
  ['governor_question_answered', 'governor', 'named', true],
  ['governor_question_answered', 'chair_of_governors', 'named', true],
  ['governor_question_answered', 'governor', 'governing_body', false],
  ['governor_question_answered', 'headteacher', 'school', false],
  // A revision waits on the governing body: its governors and chair, not another school's governors.
  ['revision_awaiting_approval', 'governor', 'governing_body', true],
  ['revision_awaiting_approval', 'chair_of_governors', 'governing_body', true],
  ['revision_awaiting_approval', 'clerk', 'governing_body', true],
  ['revision_awaiting_approval', 'clerk', 'other_school', false],
  ['revision_awaiting_approval', 'governor', 'other_school', false],
  ['revision_awaiting_approval', 'practitioner', 'school', false],
  ['revision_awaiting_approval', 'la_officer', 'la', false],
  ['revision_approved', 'headteacher', 'school', true],
  ['revision_approved', 'school_leader', 'school', true],
  ['revision_approved', 'chair_of_governors', 'governing_body', true],
  ['revision_approved', 'practitioner', 'school', false],
  ['revision_approved', 'headteacher', 'other_school', false],
  // Evidence to review: the school's leaders, who curate; not the practitioners, governors or the LA.
  ['evidence_to_review', 'headteacher', 'school', true],
  ['evidence_to_review', 'school_leader', 'school', true],
  ['evidence_to_review', 'practitioner', 'school', false],
  ['evidence_to_review', 'governor', 'governing_body', false],
  ['evidence_to_review', 'la_officer', 'la', false],
  ['evidence_to_review', 'headteacher', 'other_school', false],
  // A support request: its broker (the LA's staff, or the collaborative's lead and facilitators).
  ['support_requested', 'la_officer', 'la', true],
  ['support_requested', 'improvement_partner', 'la', true],
  ['support_requested', 'collaborative_lead', 'collaborative', true],
  ['support_requested', 'la_officer', 'facilitator', true],
  ['support_requested', 'la_officer', 'other_la', false],
  ['support_requested', 'headteacher', 'other_school', false],
  ['support_requested', 'wg_official', 'national', false],
  ['support_matched', 'headteacher', 'school', true],
  ['support_matched', 'school_leader', 'school', true],
  ['support_matched', 'practitioner', 'school', false],
  ['support_matched', 'la_officer', 'other_la', false],
  ['support_closed', 'la_officer', 'la', true],
  ['support_closed', 'collaborative_lead', 'collaborative', true],
  ['support_closed', 'headteacher', 'school', true],
  ['support_closed', 'headteacher', 'other_school', false],
  ['support_closed', 'governor', 'governing_body', false],
  // Concern cases are restricted (DOMAIN.md rule 6): the LA's officers, the headteacher and the chair only.
  ['plan_round_deadline_near', 'la_officer', 'la', true],
  ['plan_round_deadline_near', 'improvement_partner', 'la', false],
  ['plan_round_deadline_near', 'la_officer', 'other_la', false],
  ['approval_waiting', 'governor', 'governing_body', true],
  ['approval_waiting', 'chair_of_governors', 'governing_body', true],
  ['approval_waiting', 'headteacher', 'school', false],
  ['concern_review_due', 'la_officer', 'la', true],
  ['concern_review_due', 'headteacher', 'school', true],
  ['concern_review_due', 'chair_of_governors', 'governing_body', true],
  ['concern_review_due', 'improvement_partner', 'la', false],
  ['concern_review_due', 'school_leader', 'school', false],
  ['concern_review_due', 'practitioner', 'school', false],
  ['concern_review_due', 'governor', 'governing_body', false],
  ['concern_review_due', 'collaborative_lead', 'collaborative', false],
  ['concern_review_due', 'la_officer', 'facilitator', false],
  ['concern_review_due', 'la_officer', 'other_la', false],
  ['concern_review_due', 'wg_official', 'national', false],
  // Peer enquiry: the team while open (a reviewer after close is never told), the host's leaders.
  ['enquiry_reviewer_invited', 'practitioner', 'reviewer', true],
  ['enquiry_reviewer_invited', 'school_leader', 'enquiry_facilitator', true],
  ['enquiry_reviewer_invited', 'improvement_partner', 'enquiry_facilitator', true],
  ['enquiry_reviewer_invited', 'practitioner', 'reviewer_after_close', false],
  ['enquiry_reviewer_invited', 'headteacher', 'school', false],
  ['enquiry_reviewer_invited', 'la_officer', 'la', false],
  ['enquiry_pack_ready', 'practitioner', 'reviewer', true],
  ['enquiry_pack_ready', 'practitioner', 'school', false],
  ['enquiry_pack_ready', 'la_officer', 'facilitator', false],
  ['enquiry_on_site_day', 'headteacher', 'school', true],
  ['enquiry_on_site_day', 'practitioner', 'reviewer', true],
  ['enquiry_on_site_day', 'governor', 'governing_body', false],
  ['enquiry_report_drafted', 'headteacher', 'school', true],
  ['enquiry_report_drafted', 'school_leader', 'school', true],
  ['enquiry_report_drafted', 'practitioner', 'reviewer', false],
  ['enquiry_report_drafted', 'practitioner', 'school', false],
  ['enquiry_follow_up_agreed', 'collaborative_lead', 'collaborative', true],
  ['enquiry_follow_up_agreed', 'headteacher', 'school', true],
  ['enquiry_follow_up_agreed', 'practitioner', 'reviewer_after_close', false],
  ['enquiry_follow_up_agreed', 'headteacher', 'other_school', false],
  // Meetings: the collaborative's convenors and its member schools' leaders.
  ['meeting_arranged', 'collaborative_lead', 'collaborative', true],
  ['meeting_arranged', 'improvement_partner', 'facilitator', true],
  ['meeting_arranged', 'headteacher', 'member_school', true],
  ['meeting_arranged', 'practitioner', 'member_school', false],
  ['meeting_arranged', 'la_officer', 'la', false],
  ['meeting_changed', 'school_leader', 'member_school', true],
  ['meeting_changed', 'headteacher', 'other_school', false],
  // LA plans: the LA's staff and WG, never another LA.
  ['plan_round_opened', 'la_officer', 'la', true],
  ['plan_round_opened', 'improvement_partner', 'la', false],
  ['plan_round_opened', 'la_officer', 'other_la', false],
  ['plan_submitted', 'wg_official', 'national', true],
  ['plan_submitted', 'la_officer', 'other_la', false],
  ['plan_submitted', 'la_officer', 'la', false],
  ['plan_comments_sent', 'la_officer', 'la', true],
  ['plan_comments_sent', 'improvement_partner', 'la', true],
  ['plan_comments_sent', 'la_officer', 'other_la', false],
  ['plan_sent_back', 'la_officer', 'la', true],
  ['plan_sent_back', 'headteacher', 'school', false],
  ['plan_marked_final', 'la_officer', 'la', true],
  ['plan_marked_final', 'la_officer', 'other_la', false],
  // What WG publishes: every headteacher and LA officer in Wales.
  ['national_priorities_published', 'headteacher', 'any_school', true],
  ['national_priorities_published', 'la_officer', 'any_la', true],
  ['national_priorities_published', 'practitioner', 'any_school', false],
  ['national_priorities_published', 'wg_official', 'national', false],
  ['national_support_published', 'headteacher', 'any_school', true],
  ['national_support_published', 'governor', 'governing_body', false],
  // Never told, whatever the kind: strangers, another LA, a reviewer once the enquiry closed.
  ['enquiry_report_drafted', 'headteacher', 'reviewer_after_close', false],
];

// Shares: only the body it was shared with hears of it.
const SHARES: [Audience, Role, Relationship, boolean][] = [
  ['governors', 'governor', 'governing_body', true],
  ['governors', 'chair_of_governors', 'governing_body', true],
  ['governors', 'clerk', 'governing_body', true],
  ['governors', 'la_officer', 'la', false],
  ['governors', 'headteacher', 'member_school', false],
  ['la', 'la_officer', 'la', true],
  ['la', 'improvement_partner', 'la', true],
  ['la', 'governor', 'governing_body', false],
  ['la', 'la_officer', 'other_la', false],
  ['la', 'collaborative_lead', 'collaborative', false],
  ['collaborative', 'collaborative_lead', 'collaborative', true],
  ['collaborative', 'improvement_partner', 'facilitator', true],
  ['collaborative', 'headteacher', 'member_school', true],
  ['collaborative', 'practitioner', 'member_school', false],
  ['collaborative', 'la_officer', 'la', false],
  ['collaborative', 'governor', 'governing_body', false],
  ['collaborative', 'headteacher', 'other_school', false],
  ['public', 'headteacher', 'any_school', false],
  ['public', 'governor', 'governing_body', false],
  ['national', 'wg_official', 'national', false],
];

describe('who is told of what', () => {
  it.each(SHARES)('shared with %s: a %s (%s) is told: %s', (audience, role, relationship, told) => {
    expect(isToldOfShare(audience, role, relationship)).toBe(told);
  });

  it.each(TABLE)('%s: a %s (%s) is told: %s', (kind, role, relationship, told) => {
    expect(isTold(kind, role, relationship)).toBe(told);
  });

  it('never names strangers, another school or LA, or a reviewer after close', () => {
    const never: Relationship[] = ['stranger', 'other_school', 'other_la', 'reviewer_after_close'];
    for (const rows of Object.values(AUDIENCE_RULES))
      for (const row of rows) expect(never).not.toContain(row.relationship);
    expect(RELATIONSHIPS).toEqual(expect.arrayContaining(never));
  });

  it('groups a kind by relationship for the resolver', () => {
    expect(recipientsOf('concern_review_due')).toEqual(
      new Map([
        ['la', ['la_officer']],
        ['school', ['headteacher']],
        ['governing_body', ['chair_of_governors']],
      ]),
    );
  });
});
