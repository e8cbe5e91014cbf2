import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { recordEvent } from '../../notifications/events-repository.ts';
import type { CollaborativeRecord } from '../../collaboration/collaboration-repository.ts';
import { learnerFlags, type TextFlag } from './learner-check.ts';
import { validateMeetingForm, type MeetingForm } from './meeting-form.ts';
import * as repo from './meeting-repository.ts';

export type SaveResult =
  | { ok: true; meeting: repo.Meeting }
  | { ok: false; reason: 'invalid'; errors: Record<string, string>; flags: TextFlag[] }
  | { ok: false; reason: 'conflict'; current: repo.Meeting; currentSchools: string[] };

/** Names that are never a learner's in this collaborative: its own and its schools'. */
export function collaborativePhrases(collaborative: CollaborativeRecord, schools: repo.School[]): string[] {
  return [collaborative.nameEn, collaborative.nameCy, ...schools.map((s) => s.name)];
}

/**
 * Checks the form and the learner-data prompt (notes only: agenda and attendees name staff by
 * design). A flag the writer has not confirmed is a problem like any other: nothing is saved.
 */
function check(form: MeetingForm, collaborative: CollaborativeRecord, schools: repo.School[], savedNotes: string) {
  const validation = validateMeetingForm(form, collaborative.memberSchools);
  const flags = learnerFlags({ notes: form.notes }, collaborativePhrases(collaborative, schools), savedNotes);
  const errors = validation.ok ? {} : validation.errors;
  if (flags.length && !form.learnerDataChecked) errors.learnerDataChecked = 'meetings.errors.learnerData';
  return { validation, flags, errors };
}

const snapshot = (m: repo.MeetingValues, schools: string[]) => ({
  title: m.title,
  meetsOn: m.meetsOn,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  location: m.location,
  agenda: m.agenda,
  attendees: m.attendees,
  notes: m.notes,
  schools,
});

/** A meeting arranged or moved: the collaborative's people hear of it, and open the meeting's page. */
async function recordMeetingEvent(
  tx: Db,
  kind: 'meeting_arranged' | 'meeting_changed',
  actorId: string,
  collaborative: CollaborativeRecord,
  meeting: repo.Meeting,
) {
  await recordEvent(tx, {
    kind,
    actorId,
    subject: { type: 'meeting', id: meeting.id },
    link: `/collaboratives/${collaborative.id}/meetings/${meeting.id}`,
    collaborativeId: collaborative.id,
    laCode: collaborative.laCode,
    params: { title: meeting.title, date: meeting.meetsOn },
  });
}

/** What people need to hear again when it changes: when and where, not the notes written afterwards. */
const WHEN_AND_WHERE = ['title', 'meetsOn', 'startsAt', 'endsAt', 'location'] as const;

export async function createMeeting(
  db: Db,
  actorId: string,
  collaborative: CollaborativeRecord,
  schools: repo.School[],
  form: MeetingForm,
  language: string,
): Promise<SaveResult> {
  const { validation, flags, errors } = check(form, collaborative, schools, '');
  if (!validation.ok || Object.keys(errors).length) return { ok: false, reason: 'invalid', errors, flags };
  return db.transaction(async (tx) => {
    const meeting = await repo.insertMeeting(tx, {
      ...validation.values,
      language,
      collaborativeId: collaborative.id,
      createdBy: actorId,
    });
    await repo.replaceMeetingSchools(tx, meeting.id, validation.schools);
    await appendAudit(tx, {
      actorId,
      action: 'meeting-create',
      entityType: 'meeting',
      entityId: meeting.id,
      after: {
        collaborative: collaborative.id,
        ...snapshot(meeting, validation.schools),
        learnerDataConfirmed: flags.map((f) => f.reason),
      },
    });
    await recordMeetingEvent(tx, 'meeting_arranged', actorId, collaborative, meeting);
    return { ok: true as const, meeting };
  });
}

/** Saves an edit unless someone saved since `version`. */
export async function updateMeeting(
  db: Db,
  actorId: string,
  collaborative: CollaborativeRecord,
  schools: repo.School[],
  meeting: repo.Meeting,
  version: number,
  form: MeetingForm,
  language: string,
): Promise<SaveResult> {
  const { validation, flags, errors } = check(form, collaborative, schools, meeting.notes);
  if (!validation.ok || Object.keys(errors).length) return { ok: false, reason: 'invalid', errors, flags };
  return db.transaction(async (tx) => {
    const beforeSchools = await repo.meetingSchoolNumbers(tx, meeting.id);
    const updated = await repo.updateMeeting(tx, meeting.id, version, { ...validation.values, language });
    if (!updated) {
      const current = (await repo.findMeeting(tx, collaborative.id, meeting.id))!;
      return { ok: false as const, reason: 'conflict' as const, current, currentSchools: beforeSchools };
    }
    await repo.replaceMeetingSchools(tx, meeting.id, validation.schools);
    await appendAudit(tx, {
      actorId,
      action: 'meeting-update',
      entityType: 'meeting',
      entityId: meeting.id,
      before: snapshot(meeting, beforeSchools),
      after: { ...snapshot(updated, validation.schools), learnerDataConfirmed: flags.map((f) => f.reason) },
    });
    if (WHEN_AND_WHERE.some((field) => updated[field] !== meeting[field]))
      await recordMeetingEvent(tx, 'meeting_changed', actorId, collaborative, updated);
    return { ok: true as const, meeting: updated };
  });
}
