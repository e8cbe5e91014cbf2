import type { TFunction } from 'i18next';
import type { CalendarEntry } from '../calendar/ics.ts';
import type { ProgressionSession } from './progression-repository.ts';

/** A session as a calendar entry (all day: sessions record their date only), in the reader's language. */
export function sessionEntry(
  t: TFunction,
  session: Pick<ProgressionSession, 'id' | 'heldOn' | 'area' | 'progressionStep' | 'focus'>,
  collaborativeName: string,
  url: string,
): CalendarEntry {
  const what = `${t(`reference.area.${session.area}`)}, ${t('progression.step', { step: session.progressionStep })}`;
  return {
    uid: `${session.id}@cydwella`,
    date: session.heldOn,
    summary: t('progression.calendar.summary', { what, collaborative: collaborativeName }),
    description: [session.focus, url].filter(Boolean).join('\n\n'),
    url,
  };
}
