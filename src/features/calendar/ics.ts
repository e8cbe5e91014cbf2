// Follows the ical-generator v11 docs (README "Date, Time & Timezones"): events carry the
// Europe/London TZID and the calendar describes that zone in a VTIMEZONE (RFC 5545 3.6.5).
import type { FastifyReply } from 'fastify';
import ical, { ICalEventStatus } from 'ical-generator';

export const WALES_TIME_ZONE = 'Europe/London';

/** One entry in a calendar: a day (or days) with optional local 'HH:MM' times. */
export type CalendarEntry = {
  uid: string;
  /** First day, YYYY-MM-DD. */
  date: string;
  /** Last day (inclusive) of an all-day entry spanning several days. */
  lastDate?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  cancelled?: boolean;
};

// The UK rules since 1996 (last Sunday of March and of October, at 01:00 UTC).
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const minutes = (time: string) => parts(`0-${time.replace(':', '-')}`).slice(1) as [number, number];

/**
 * A wall-clock time in Wales as ical-generator writes it for a named zone: it reads the Date's
 * local fields, so the Date is built from local fields too and the server's own zone cancels out.
 */
function wallClock(date: string, time: string): Date {
  const [y, m, d] = parts(date);
  const [h, min] = minutes(time);
  return new Date(y, m - 1, d, h, min);
}

/** An all-day date as ical-generator writes it without a zone (from UTC fields). */
function day(date: string, plusDays = 0): Date {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + plusDays));
}

/** The text of a calendar file (VCALENDAR) holding these entries. */
export function calendarText(name: string, entries: CalendarEntry[], options: { ttlSeconds?: number } = {}): string {
  const calendar = ical({
    name,
    prodId: { company: 'Cydwella', product: 'Cydwella', language: 'EN' },
    ttl: options.ttlSeconds ?? null,
  });
  calendar.timezone({ name: null, generator: (zone) => (zone === WALES_TIME_ZONE ? LONDON_VTIMEZONE : null) });
  for (const entry of entries) {
    const timed = !!entry.startsAt;
    const event = calendar.createEvent({
      id: entry.uid,
      start: timed ? wallClock(entry.date, entry.startsAt!) : day(entry.date),
      // Without an end time a timed entry lasts an hour; an all-day one ends the day after its last day.
      end: timed
        ? entry.endsAt
          ? wallClock(entry.date, entry.endsAt)
          : new Date(wallClock(entry.date, entry.startsAt!).getTime() + 3_600_000)
        : day(entry.lastDate ?? entry.date, 1),
      allDay: !timed,
      timezone: timed ? WALES_TIME_ZONE : null,
      summary: entry.summary,
      location: entry.location || null,
      description: entry.description || null,
      url: entry.url || null,
    });
    if (entry.cancelled) event.status(ICalEventStatus.CANCELLED);
  }
  return calendar.toString();
}

/** Sends a calendar file to download. */
export function sendCalendar(
  reply: FastifyReply,
  fileName: string,
  text: string,
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  return reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', `${disposition}; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(text);
}
