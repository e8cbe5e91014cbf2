// The governing body's approval of a revision of the development plan, as a clerk would minute it:
// the meeting that resolved it (the full governing body or a named committee), its date, the minute
// reference and the resolution's words, and who recorded it. Who may record it is the policy's
// (governing-body-policy.ts: approvePlan); once recorded the revision is frozen.
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { todayInWales } from '../../lib/clock.ts';
import { parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { recordEvent } from '../../notifications/events-repository.ts';
import type { SchoolContext } from '../../policy/school-policy.ts';
import { APPROVAL_MEETINGS } from '../../reference/record-states.ts';
import * as repo from './revision-repository.ts';
import { revisionEvent } from './revision-service.ts';

export const MAX_COMMITTEE_LENGTH = 120;
export const MAX_MINUTE_LENGTH = 40;
export const MAX_RESOLUTION_LENGTH = 2000;

export type ApprovalMeeting = (typeof APPROVAL_MEETINGS)[number];
export type MeetingInput = {
  meeting: string;
  committee: string;
  meetingOn: DateParts;
  minute: string;
  resolution: string;
};
export type Meeting = {
  meeting: ApprovalMeeting;
  committee: string | null;
  meetingOn: string;
  minute: string;
  resolution: string;
};
export type MeetingCheck = { ok: true; meeting: Meeting } | { ok: false; errors: Record<string, string> };

// Control characters have no place in a minute reference or a committee's name.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The date a year before a YYYY-MM-DD date (a meeting older than that approved some other plan). */
function yearBefore(day: string): string {
  return `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
}

/** The meeting as the form gave it, checked: each problem keyed by the field the error summary links to. */
export function checkMeeting(input: MeetingInput, now: Date): MeetingCheck {
  const errors: Record<string, string> = {};
  const meeting = (APPROVAL_MEETINGS as readonly string[]).includes(input.meeting)
    ? (input.meeting as ApprovalMeeting)
    : null;
  if (!meeting) errors.meeting = 'pages.planApproval.errors.meeting';
  const committee = meeting === 'committee' ? input.committee : '';
  if (meeting === 'committee') {
    if (!committee) errors.committee = 'pages.planApproval.errors.committee';
    else if (committee.length > MAX_COMMITTEE_LENGTH || CONTROL.test(committee))
      errors.committee = 'pages.planApproval.errors.committeeTooLong';
  }
  const date = parseDateParts(input.meetingOn);
  const today = todayInWales(now);
  if (!date.ok) errors['meetingOn-day'] = 'pages.planApproval.errors.meetingOnInvalid';
  else if (date.value === null) errors['meetingOn-day'] = 'pages.planApproval.errors.meetingOn';
  else if (date.value > today) errors['meetingOn-day'] = 'pages.planApproval.errors.meetingOnFuture';
  else if (date.value < yearBefore(today)) errors['meetingOn-day'] = 'pages.planApproval.errors.meetingOnPast';
  if (!input.minute) errors.minute = 'pages.planApproval.errors.minute';
  else if (input.minute.length > MAX_MINUTE_LENGTH || CONTROL.test(input.minute))
    errors.minute = 'pages.planApproval.errors.minuteTooLong';
  if (!input.resolution) errors.resolution = 'pages.planApproval.errors.resolution';
  else if (input.resolution.length > MAX_RESOLUTION_LENGTH)
    errors.resolution = 'pages.planApproval.errors.resolutionTooLong';
  if (Object.keys(errors).length > 0 || !meeting || !date.ok || !date.value) return { ok: false, errors };
  return {
    ok: true,
    meeting: {
      meeting,
      committee: committee || null,
      meetingOn: date.value,
      minute: input.minute,
      resolution: input.resolution,
    },
  };
}

export type ApprovalOutcome = 'approved' | 'already-approved' | 'not-latest';

/**
 * Records the governing body's approval of the latest revision, once: an older revision cannot be
 * approved, and an approved one stays as it was approved (the revision lock serialises two at once).
 */
export async function approveRevision(
  db: Db,
  actorId: string,
  school: SchoolContext,
  planId: string,
  revision: { id: string; number: number },
  meeting: Meeting,
  now: Date,
): Promise<ApprovalOutcome> {
  return db.transaction(async (tx) => {
    await repo.lockPlanRevisions(tx, planId);
    if ((await repo.latestRevisionNumber(tx, planId)) !== revision.number) return 'not-latest' as const;
    const approved = await repo.approveRevision(tx, revision.id, actorId, meeting, now);
    if (!approved) return 'already-approved' as const;
    await appendAudit(tx, {
      actorId,
      action: 'plan-revision-approve',
      entityType: 'plan_revision',
      entityId: revision.id,
      after: { planId, number: revision.number, approvedAt: approved.approvedAt, ...meeting },
    });
    await recordEvent(tx, {
      kind: 'revision_approved',
      actorId,
      subject: { type: 'plan_revision', id: revision.id },
      ...revisionEvent(school, revision.number),
    });
    return 'approved' as const;
  });
}
