import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import { parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import type { Language } from '../../plugins/i18n.ts';
import type { ActionFormField } from './action-service.ts';
import { actionTiming, type ActionTiming } from './action-timing.ts';
import { formatPounds } from './money.ts';
import { linesOf, type CostLine, type CostLineForm } from './cost-lines.ts';
import { FUNDING_SOURCES, isOneOf } from '../../reference/reference-data.ts';
import type { FieldChange, PlanComparison } from './plan-compare.ts';
import type { LivePriority } from './plan-service.ts';
import { forReader, type OtherLanguage } from '../../lib/paired-text.ts';
import { readerTexts } from '../../lib/reader-texts.ts';

/** A stored value of the plan as a reader would want to see it, in the page's language. */
export function fieldText(field: string, value: unknown, t: TFunction, lang: Language): string {
  if (value === null || value === undefined || value === '') return t('pages.planCompare.blank');
  switch (field) {
    case 'startOn':
    case 'dueOn':
      return formatDate(value, lang);
    case 'costPence':
      return formatPounds(value as number);
    case 'costs': {
      const lines = value as CostLine[];
      if (!lines.length) return t('pages.planCompare.blank');
      return lines.map((l) => fundingText(t, formatPounds(l.amountPence), l.source, l.grantName)).join('; ');
    }
    case 'status':
      return t(`reference.actionStatus.${String(value)}`);
    case 'supportFrom':
      return t(`reference.supportFrom.${String(value)}`);
    case 'nifTheme':
      return t(`reference.nifTheme.${String(value)}`);
    case 'state':
      return t(`reference.priorityState.${String(value)}`);
    default:
      return String(value);
  }
}

/** The rows of the conflict panel for an action: what was saved by someone else beside what was typed. */
export function presentActionConflict(
  rows: { field: ActionFormField; theirs: unknown; yours: unknown }[],
  t: TFunction,
  lang: Language,
) {
  const show = (field: ActionFormField, value: unknown) => {
    if (field === 'startOn' || field === 'dueOn') {
      const parsed = parseDateParts(value as DateParts);
      if (!parsed.ok) return Object.values(value as DateParts).join(' / ');
      return fieldText(field, parsed.value, t, lang);
    }
    return field === 'costs' ? costFormText(value as CostLineForm[], t) : fieldText(field, value, t, lang);
  };
  return rows.map((r) => ({
    label: t(`pages.planAction.fields.${r.field}`),
    theirs: show(r.field, r.theirs),
    yours: show(r.field, r.yours),
  }));
}

/** Cost lines as typed, one after another ("£300 Pupil Development Grant (PDG); ..."), or blank. */
function costFormText(lines: CostLineForm[], t: TFunction): string {
  const typed = lines.filter((l) => l.amount || l.source || l.grantName);
  if (!typed.length) return t('pages.planCompare.blank');
  return typed.map((l) => fundingText(t, l.amount, l.source, l.grantName)).join('; ');
}

/** One line of money: "£300 Pupil Development Grant (PDG)", "£50 Another grant: Arts Council". */
function fundingText(t: TFunction, amount: string, source: string, grantName: string): string {
  const label = isOneOf(FUNDING_SOURCES, source) ? t(`reference.fundingSource.${source}`) : source;
  return [amount, [label, grantName].filter(Boolean).join(': ')].filter(Boolean).join(' ');
}

/** A source as a reader sees it; another grant by its name. */
export const sourceText = (t: TFunction, source: string, grantName: string) => fundingText(t, '', source, grantName);

const changeRows = (changes: FieldChange<string>[], prefix: string, t: TFunction, lang: Language) =>
  changes.map((c) => ({
    label: t(`${prefix}.${c.field}`),
    before: fieldText(c.field, c.before, t, lang),
    after: fieldText(c.field, c.after, t, lang),
  }));

/** A comparison with every changed field labelled and shown as text, ready for the page. */
export function presentComparison(comparison: PlanComparison, t: TFunction, lang: Language) {
  return {
    ...comparison,
    changedPriorities: comparison.changedPriorities.map((c) => ({
      ...c,
      fieldRows: changeRows(c.fields, 'pages.planCompare.priorityFields', t, lang),
      changedActions: c.changedActions.map((a) => ({
        ...a,
        fieldRows: changeRows(a.fields, 'pages.planAction.fields', t, lang),
      })),
    })),
  };
}

/** How an overdue or due-soon action is tagged: its words and the tag's colour. */
const TIMING_TAGS = { overdue: ['pages.plan.overdue', 'red'], due_soon: ['pages.plan.dueSoon', 'yellow'] } as const;

/**
 * What an action card shows as words, in the reader's language: its status, its timing tag, its
 * dates and where its support comes from. Made here rather than in the card's template: a plan has
 * 60 actions or more, and each translation or macro call in the template cost more than the markup.
 */
function actionWords(
  a: {
    status: string;
    startOn: string | null;
    dueOn: string | null;
    supportFrom: string;
    language: string;
    otherLanguage?: OtherLanguage;
  },
  timing: ActionTiming,
  t: TFunction,
  reader: Language,
) {
  const due = formatDate(a.dueOn, reader);
  const tag = timing ? TIMING_TAGS[timing] : null;
  return {
    status: t(`reference.actionStatus.${a.status}`),
    timingTag: tag ? { text: t(tag[0]), colour: tag[1] } : null,
    dates: a.startOn
      ? t('pages.plan.dates', { start: formatDate(a.startOn, reader), due })
      : t('pages.plan.dueBy', { due: due || t('pages.plan.noDate') }),
    supportFrom: t(`reference.supportFrom.${a.supportFrom}`),
    // The link to write (or edit) the action in the other language, for leaders.
    otherLanguageLink: t(
      `otherLanguage.link.${Object.keys(a.otherLanguage ?? {}).length ? 'edit' : 'add'}.${a.language === 'cy' ? 'en' : 'cy'}`,
    ),
  };
}

/**
 * Priorities ready for the plan-priority partial: costs written in pounds and, for the live plan
 * (given today's date), each action marked overdue or due soon. A frozen revision passes no date.
 */
export function presentPriorities(
  priorities: LivePriority[],
  t: TFunction,
  reader: Language,
  today: string | null = null,
) {
  return priorities.map((p) => ({
    ...p,
    // What the reader sees of each text (issue 16); a frozen revision has only the originals.
    rt: readerTexts(
      { ...p, otherLanguage: p.otherLanguage },
      ['title', 'description', 'learners', 'successMeasure'],
      reader,
    ),
    criteriaRt: p.criteria.map((c, i) =>
      forReader({ language: p.language, otherLanguage: p.criteriaOtherLanguage?.[i] }, c, 'text', reader),
    ),
    actions: p.actions.map((a) => {
      const timing = today ? actionTiming(a, today) : null;
      return {
        ...a,
        rt: readerTexts(
          { ...a, otherLanguage: a.otherLanguage },
          ['description', 'milestones', 'professionalLearning'],
          reader,
        ),
        costText: formatPounds(a.costPence),
        costLines: linesOf(a).map((l) => ({
          ...l,
          text: t('pages.planCosts.line', {
            amount: formatPounds(l.amountPence),
            source: t(`reference.fundingSource.${l.source}`),
          }),
        })),
        timing,
        words: actionWords(a, timing, t, reader),
      };
    }),
  }));
}

type OutlineTexts = {
  title: string;
  summary: string;
  language: string;
  otherLanguage?: OtherLanguage;
  actions: { description: string; otherLanguage?: OtherLanguage }[];
};

/** Outline entries with their texts as the reader sees them (issue 16); actions are in their entry's language. */
export function readerOutline<O extends OutlineTexts>(entries: O[], reader: Language) {
  return entries.map((o) => ({
    ...o,
    rt: readerTexts({ ...o, otherLanguage: o.otherLanguage }, ['title', 'summary'], reader),
    actions: o.actions.map((a) => ({
      ...a,
      rt: readerTexts({ ...a, language: o.language, otherLanguage: a.otherLanguage }, ['description'], reader),
    })),
  }));
}
