import { dateToParts, parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { text } from '../../lib/forms.ts';
import type { Meeting, MeetingValues } from './meeting-repository.ts';

/** The meeting form as typed: what is shown again, unchanged, when something is wrong. */
export type MeetingForm = {
  title: string;
  meetsOn: DateParts;
  startsAt: string;
  endsAt: string;
  location: string;
  agenda: string;
  schools: string[];
  attendees: string;
  notes: string;
  learnerDataChecked: boolean;
};

export const LIMITS = { title: 200, location: 300, agenda: 10_000, attendees: 5_000, notes: 30_000 } as const;
const E = (problem: string) => `meetings.errors.${problem}`;
const FORM_ORDER = [
  'title',
  'meetsOn-day',
  'startsAt',
  'endsAt',
  'location',
  'agenda',
  'schools',
  'attendees',
  'notes',
  'learnerDataChecked',
];

/** '9:30', '09:30' or '9.30' as 'HH:MM'; null when it is not a time of day. */
export function parseTime(value: string): string | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(value.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
}

const list = (value: unknown): string[] =>
  [value ?? []].flat().filter((v): v is string => typeof v === 'string' && v !== '');

/** Reads the posted form, keeping what was typed. */
export function readMeetingForm(body: Record<string, unknown>): MeetingForm {
  return {
    title: text(body.title),
    meetsOn: { day: text(body['meetsOn-day']), month: text(body['meetsOn-month']), year: text(body['meetsOn-year']) },
    startsAt: text(body.startsAt),
    endsAt: text(body.endsAt),
    location: text(body.location),
    agenda: text(body.agenda),
    schools: [...new Set(list(body.schools))],
    attendees: text(body.attendees),
    notes: text(body.notes),
    learnerDataChecked: list(body.learnerDataChecked).includes('yes'),
  };
}

export type MeetingValidation =
  | { ok: true; values: Omit<MeetingValues, 'language'>; schools: string[] }
  | { ok: false; errors: Record<string, string> };

/** Checks a meeting as typed; every problem at once, in the order of the form. */
export function validateMeetingForm(form: MeetingForm, memberNumbers: readonly string[]): MeetingValidation {
  const errors: Record<string, string> = {};
  if (!form.title) errors.title = E('titleMissing');
  else if (form.title.length > LIMITS.title) errors.title = E('titleTooLong');
  const date = parseDateParts(form.meetsOn);
  if (!date.ok) errors['meetsOn-day'] = E(`date_${date.problem}`);
  else if (!date.value) errors['meetsOn-day'] = E('dateMissing');
  const startsAt = form.startsAt ? parseTime(form.startsAt) : null;
  const endsAt = form.endsAt ? parseTime(form.endsAt) : null;
  if (form.startsAt && !startsAt) errors.startsAt = E('timeInvalid');
  if (form.endsAt && !endsAt) errors.endsAt = E('timeInvalid');
  else if (endsAt && !form.startsAt) errors.startsAt = E('startMissing');
  else if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = E('endBeforeStart');
  for (const field of ['location', 'agenda', 'attendees', 'notes'] as const)
    if (form[field].length > LIMITS[field]) errors[field] = E(`${field}TooLong`);
  if (form.schools.some((n) => !memberNumbers.includes(n))) errors.schools = E('schoolNotMember');
  if (Object.keys(errors).length || !date.ok || !date.value) return { ok: false, errors: inOrder(errors) };
  const { title, location, agenda, attendees, notes } = form;
  return {
    ok: true,
    values: {
      title,
      meetsOn: date.value,
      startsAt,
      endsAt: startsAt ? endsAt : null,
      location,
      agenda,
      attendees,
      notes,
    },
    schools: [...form.schools].sort(),
  };
}

export function inOrder(errors: Record<string, string>, order = FORM_ORDER): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}

/** A saved meeting back into the form's shape, for editing. */
export function meetingToForm(meeting: Meeting, schools: string[]): MeetingForm {
  return {
    title: meeting.title,
    meetsOn: dateToParts(meeting.meetsOn),
    startsAt: meeting.startsAt ?? '',
    endsAt: meeting.endsAt ?? '',
    location: meeting.location,
    agenda: meeting.agenda,
    schools,
    attendees: meeting.attendees,
    notes: meeting.notes,
    learnerDataChecked: false,
  };
}

export const EMPTY_MEETING_FORM: MeetingForm = {
  title: '',
  meetsOn: dateToParts(null),
  startsAt: '',
  endsAt: '',
  location: '',
  agenda: '',
  schools: [],
  attendees: '',
  notes: '',
  learnerDataChecked: false,
};

/** The people present, one a line, without blank lines. */
export const attendeeLines = (attendees: string) =>
  attendees
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
