import type { OtherLanguage } from '../../lib/paired-text.ts';
import type { Db } from '../../db/client.ts';
import { laStaffCodes } from '../../policy/la-policy.ts';
import type { CurrentUser } from '../../policy/roles.ts';
import * as repo from './caseload-repository.ts';
import { periodNow } from './overview-service.ts';

/** Items due within this many days count as due; anything earlier and not done is overdue. */
export const DUE_WITHIN_DAYS = 30;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type DueItem = {
  kind: 'action' | 'agreement' | 'enquiry';
  date: string | null;
  endDate: string | null;
  text: string;
  language: string;
  /** The other-language version of `text`, if any (issue 16): the presenter chooses what the reader sees. */
  otherLanguage: OtherLanguage | null;
  detail: string;
  href: string | null;
  overdue: boolean;
  state?: string;
};

/**
 * An improvement partner's caseload: the collaboratives they facilitate and, for each school in
 * them, what is due. Plan actions and support agreements come only from schools of the LAs the
 * person works in, and plan actions only from priorities the school shared with its LA (rule 3).
 */
export async function caseloadModel(db: Db, user: CurrentUser, now: Date) {
  const { today } = periodNow(now);
  const until = addDays(today, DUE_WITHIN_DAYS);
  const laCodes = [...new Set(laStaffCodes(user))];
  const collaboratives = await repo.facilitatedCollaboratives(db, user.id, today);
  const ids = collaboratives.map((c) => c.id);
  const schools = await repo.supportedSchools(db, ids);
  const numbers = schools.map((s) => s.number);
  const [meetingActions, planActions, agreements, enquiries] = await Promise.all([
    repo.meetingActionsDue(db, ids, until),
    repo.planActionsDue(db, numbers, laCodes, until),
    repo.agreementsInProgress(db, numbers, laCodes),
    repo.hostedEnquiries(db, ids),
  ]);
  const overdue = (date: string | null) => !!date && date < today;
  const dueFor = (number: string): DueItem[] =>
    [
      ...planActions
        .filter((a) => a.schoolNumber === number)
        .map((a) => ({
          kind: 'action' as const,
          date: a.dueOn,
          endDate: null,
          text: a.description,
          language: a.language,
          otherLanguage: a.otherLanguage ? { text: a.otherLanguage.description ?? '' } : null,
          detail: a.priorityTitle,
          href: `/schools/${number}/priorities/${a.priorityId}`,
          overdue: overdue(a.dueOn),
        })),
      ...agreements
        .filter((a) => a.receiverNumber === number || a.supporterNumber === number)
        .map((a) => ({
          kind: 'agreement' as const,
          date: a.endsOn,
          endDate: null,
          text: a.what,
          language: a.language,
          // Support agreements keep one language (they are not among the paired records).
          otherLanguage: null,
          detail: a.receiverNumber === number ? a.supporterName : a.receiverName,
          href: null,
          overdue: false,
          state: a.receiverNumber === number ? 'receives' : 'gives',
        })),
      ...enquiries
        .filter((e) => e.hostNumber === number)
        .map((e) => ({
          kind: 'enquiry' as const,
          date: e.visitStart,
          endDate: e.visitEnd,
          text: e.question,
          language: e.language,
          otherLanguage: e.otherLanguage ? { text: e.otherLanguage.question ?? '' } : null,
          detail: '',
          href: `/collaboratives/${e.collaborativeId}/enquiries/${e.id}`,
          overdue: false,
          state: e.state,
        })),
    ].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  return {
    today,
    until,
    laCodes,
    collaboratives: collaboratives.map((c) => ({
      ...c,
      actions: meetingActions
        .filter((a) => a.collaborativeId === c.id)
        .map((a) => ({ ...a, overdue: overdue(a.dueOn) })),
    })),
    schools: schools.map((s) => ({ ...s, due: dueFor(s.number) })),
  };
}
