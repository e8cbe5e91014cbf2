import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import type { Span } from './output-document.ts';
import { withPassages, writtenFor } from './passages.ts';
import type { cycleFindings, plannedPriorities, planFor, supportInYear } from './output-repository.ts';
import type { brokeredSupportInPeriod } from '../brokering/brokering-repository.ts';
import type { currentVision } from '../vision/vision-repository.ts';
import type { OutlineEntry } from '../development-plan/outline-repository.ts';
import type { reviewsOf } from '../progress-reviews/progress-repository.ts';

/** A termly progress review of a priority or of one of its actions (actionId null: the priority's own). */
export type ProgressReviewOfPriority = Awaited<ReturnType<typeof reviewsOf>>[number];
/** A planned priority with its progress reviews, newest first. */
export type PlannedPriority = Awaited<ReturnType<typeof plannedPriorities>>[number] & {
  reviews: ProgressReviewOfPriority[];
};
export type PlannedAction = PlannedPriority['actions'][number];
export type SupportRequestOfPriority = PlannedPriority['requests'][number];

/** Everything the documents draw on: one read of the school's records, so every format says the same. */
export type OutputData = {
  school: { name: string; number: string };
  academicYear: number;
  cycle: { howWellAnswer: string; howKnowAnswer: string; howImproveAnswer: string; language: string } | null;
  plan: Awaited<ReturnType<typeof planFor>>;
  priorities: PlannedPriority[];
  findings: Awaited<ReturnType<typeof cycleFindings>>;
  lastYear: PlannedPriority[];
  financialYear: number;
  support: Awaited<ReturnType<typeof supportInYear>>;
  // Support agreed through brokering that the school received or gave (issue 6 item 4).
  brokered: Awaited<ReturnType<typeof brokeredSupportInPeriod>>;
  // The school's shared vision, which heads its plan (issue 15, part 7).
  vision: Awaited<ReturnType<typeof currentVision>>;
  /** Years two and three in outline; null when the reader is neither the school's nor its governors'. */
  outline: OutlineEntry[] | null;
  /** The last Estyn inspection's recommendations, each with the priorities addressing it that the reader may see. */
  inspection: {
    inspectedOn: string;
    recommendations: {
      number: number;
      text: string;
      language: string;
      otherLanguage: Record<string, string>;
      priorities: { id: string; title: string; language: string; academicYear: number }[];
    }[];
  } | null;
  generatedOn: Date;
  /** The date the documents are produced, in Wales (YYYY-MM-DD): what "overdue" is measured against. */
  today: string;
};

export const k = (key: string) => `outputs.${key}`;
export const years = (y: number) => `${y}–${String(y + 1).slice(2)}`;
export const money = (pence: number | null, lang: 'en' | 'cy') =>
  pence === null
    ? ''
    : new Intl.NumberFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { style: 'currency', currency: 'GBP' }).format(
        pence / 100,
      );

/** An action's lead: the person's name when the lead has an account, else the name typed in. */
export const leadOf = (a: PlannedAction) => a.ownerName ?? a.owner;

/** A priority's leads, each once, in the order their actions come. */
export const leadsOf = (p: PlannedPriority) => [...new Set(p.actions.map(leadOf).filter(Boolean))];

/** The sum of the costs recorded on these actions, in pence (actions without a cost count as nothing). */
export const costOf = (actions: PlannedAction[]) => actions.reduce((sum, a) => sum + (a.costPence ?? 0), 0);

export const isOverdue = (a: PlannedAction, today: string) => a.status !== 'done' && !!a.dueOn && a.dueOn < today;

/** The priority's own reviews (not its actions'), newest first. */
export const priorityReviews = (p: PlannedPriority) => p.reviews.filter((r) => r.actionId === null);

export const date = (value: string | Date | null, lang: 'en' | 'cy') => (value ? formatDate(value, lang) : '');
const shortDates = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' }),
  cy: new Intl.DateTimeFormat('cy-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' }),
};
/** "7 Nov 2026" / "7 Tach 2026": a date that fits a table column. */
export const shortDate = (value: string | null, lang: 'en' | 'cy') =>
  value ? shortDates[lang].format(new Date(value)) : '';
/** "Priority 1: {title}", the title in the document's language when it has one, else marked. */
export const priorityHeading = (p: PlannedPriority, i: number, t: TFunction, lang: 'en' | 'cy'): Span[] =>
  withPassages(t, k('sdp.priority'), { number: i + 1 }, { title: writtenFor(t, lang)(p, p.title, 'title') });
