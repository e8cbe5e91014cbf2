import type { Language } from '../../plugins/i18n.ts';
import { withReaderTexts } from '../../lib/reader-texts.ts';
import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import type { CalendarEntry } from '../calendar/ics.ts';
import type { MeetingForm } from './meeting-form.ts';
import type { Meeting, MeetingAction, School } from './meeting-repository.ts';

/** "09:30 to 11:00", "from 09:30", or nothing for an all-day meeting. */
export function timeRange(t: TFunction, startsAt: string | null, endsAt: string | null): string {
  if (!startsAt) return '';
  return endsAt
    ? t('meetings.time.range', { start: startsAt, end: endsAt })
    : t('meetings.time.from', { start: startsAt });
}

/** The agreed actions as the table shows them: whose school, overdue when open past its date. */
export function actionRows(
  rows: { action: MeetingAction; schoolName: string | null }[],
  today: string,
  reader: Language,
) {
  return rows.map(({ action, schoolName }) => ({
    ...withReaderTexts(action, ['description'], reader),
    schoolName,
    overdue: action.status === 'open' && !!action.dueOn && action.dueOn < today,
  }));
}

/** What someone else saved beside what this person typed, field by field, as text. */
export function meetingConflict(
  t: TFunction,
  lang: 'en' | 'cy',
  theirs: Meeting,
  theirSchools: string[],
  yours: MeetingForm,
  schools: School[],
) {
  const names = (numbers: string[]) =>
    schools
      .filter((s) => numbers.includes(s.number))
      .map((s) => s.name)
      .join(', ');
  const typedDate = `${yours.meetsOn.year}-${yours.meetsOn.month.padStart(2, '0')}-${yours.meetsOn.day.padStart(2, '0')}`;
  const rows: [string, string, string][] = [
    ['title', theirs.title, yours.title],
    ['meetsOn', formatDate(theirs.meetsOn, lang), formatDate(typedDate, lang) || typedDate],
    ['startsAt', theirs.startsAt ?? '', yours.startsAt],
    ['endsAt', theirs.endsAt ?? '', yours.endsAt],
    ['location', theirs.location, yours.location],
    ['agenda', theirs.agenda, yours.agenda],
    ['schools', names(theirSchools), names(yours.schools)],
    ['attendees', theirs.attendees, yours.attendees],
    ['notes', theirs.notes, yours.notes],
  ];
  return rows
    .filter(([, a, b]) => a !== b)
    .map(([field, a, b]) => ({ label: t(`meetings.fields.${field}`), theirs: a, yours: b }));
}

/** The meeting as a calendar entry, in the reader's language. */
export function meetingEntry(t: TFunction, meeting: Meeting, collaborativeName: string, url: string): CalendarEntry {
  // The agenda and the way back: who came stays in Cydwella, not in a calendar service.
  const description = [meeting.agenda ? `${t('meetings.fields.agenda')}:\n${meeting.agenda}` : '', url]
    .filter(Boolean)
    .join('\n\n');
  return {
    uid: `${meeting.id}@cydwella`,
    date: meeting.meetsOn,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    summary: t('meetings.calendar.summary', { title: meeting.title, collaborative: collaborativeName }),
    location: meeting.location,
    description,
    url,
  };
}
