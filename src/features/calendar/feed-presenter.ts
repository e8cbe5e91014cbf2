import type { TFunction } from 'i18next';
import { sessionEntry } from '../progression/progression-presenter.ts';
import type { FeedDeadline } from './deadline-repository.ts';
import type { FeedEvent } from './feed-repository.ts';
import type { CalendarEntry } from './ics.ts';
import type { AssignedAction } from '../my-actions/my-actions-repository.ts';

/** The feed's events as calendar entries, written in the feed's language. */
export function feedEntries(t: TFunction, lang: string, publicUrl: string, events: FeedEvent[]): CalendarEntry[] {
  return events.map((e) => {
    const collaborative = lang === 'cy' ? e.name_cy : e.name_en;
    const base = `${publicUrl}/collaboratives/${e.collaborative_id}`;
    if (e.kind === 'meeting') {
      const url = `${base}/meetings/${e.id}`;
      const description = [e.detail ? `${t('meetings.fields.agenda')}:\n${e.detail}` : '', url]
        .filter(Boolean)
        .join('\n\n');
      return {
        uid: `${e.id}@cydwella`,
        date: e.day,
        startsAt: e.starts_at,
        endsAt: e.ends_at,
        summary: t('meetings.calendar.summary', { title: e.title, collaborative }),
        location: e.location,
        description,
        url,
      };
    }
    if (e.kind === 'progression')
      return sessionEntry(
        t,
        { id: e.id, heldOn: e.day, area: e.area ?? '', progressionStep: e.step ?? 0, focus: e.detail },
        collaborative,
        `${base}/progression/${e.id}`,
      );
    return visitEntry(
      t,
      { id: e.id, visitStart: e.day, visitEnd: e.last_day, question: e.detail, hostName: e.title },
      collaborative,
      `${base}/enquiries/${e.id}`,
    );
  });
}

/** A peer-enquiry visit: all day, from its first to its last day, at the host school. */
export function visitEntry(
  t: TFunction,
  visit: {
    id: string;
    visitStart: string;
    visitEnd: string | null;
    question: string;
    hostName: string;
    cancelled?: boolean;
  },
  collaborative: string,
  url: string,
): CalendarEntry {
  return {
    uid: `visit-${visit.id}@cydwella`,
    date: visit.visitStart,
    lastDate: visit.visitEnd ?? visit.visitStart,
    summary: t('calendar.visit.summary', { school: visit.hostName, collaborative }),
    location: visit.hostName,
    description: [visit.question ? `${t('calendar.visit.question')}:\n${visit.question}` : '', url]
      .filter(Boolean)
      .join('\n\n'),
    url,
    cancelled: visit.cancelled ?? false,
  };
}

/**
 * Deadlines and review dates, all day. A concern case's entry names only the school: the feed may
 * be read by a calendar app, so what the case is about stays behind the link, where access is checked.
 */
export function deadlineEntries(t: TFunction, lang: string, publicUrl: string, dates: FeedDeadline[]): CalendarEntry[] {
  return dates.map((d) => {
    const title = lang === 'cy' ? d.title_cy : d.title_en;
    const url =
      d.kind === 'round_deadline' ? `${publicUrl}/plans/${d.record_id}` : `${publicUrl}/concern-cases/${d.record_id}`;
    return {
      uid: `${d.kind}-${d.id}@cydwella`,
      date: d.day,
      summary: t(d.kind === 'round_deadline' ? 'calendar.deadline.round' : 'calendar.deadline.concernReview', {
        title,
      }),
      description: url,
      url,
    };
  });
}

/**
 * The actions the person leads (issue 13), all day on their due date, within the feed's window. A
 * concern case's support item names only the school (restricted: its detail stays behind the link).
 */
export function actionEntries(
  t: TFunction,
  lang: string,
  publicUrl: string,
  actions: AssignedAction[],
  window: { from: string; to: string },
): CalendarEntry[] {
  return actions
    .filter((a) => a.dueOn && a.dueOn >= window.from && a.dueOn <= window.to)
    .map((a) => {
      const url = `${publicUrl}${a.href}`;
      const place = lang === 'cy' ? a.place.cy : a.place.en;
      return {
        uid: `action-${a.kind}-${a.id}@cydwella`,
        date: a.dueOn!,
        summary:
          a.kind === 'concern'
            ? t('calendar.action.concern', { school: place })
            : t('calendar.action.due', { action: a.description }),
        description: a.kind === 'concern' ? url : `${place}\n${url}`,
        url,
      };
    });
}
