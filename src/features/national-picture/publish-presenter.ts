import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import { parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import type { PriorityForm } from './priorities-form.ts';
import type { NationalPriority, Programme } from './priorities-repository.ts';
import { SUPPORT_KINDS, type SupportForm } from './support-form.ts';
import type { SupportOffer } from './support-repository.ts';

type Lang = 'en' | 'cy';
const asLang = (lang: string): Lang => (lang === 'cy' ? 'cy' : 'en');
export const nameIn = (lang: string, n: { nameEn: string; nameCy: string }) => (lang === 'cy' ? n.nameCy : n.nameEn);
export const titleIn = (lang: string, o: { titleEn: string; titleCy: string }) =>
  lang === 'cy' ? o.titleCy : o.titleEn;
export const descriptionIn = (lang: string, o: { descriptionEn: string; descriptionCy: string }) =>
  lang === 'cy' ? o.descriptionCy : o.descriptionEn;

const typedDate = (p: DateParts, lang: Lang) => {
  const parsed = parseDateParts(p);
  return parsed.ok && parsed.value
    ? formatDate(parsed.value, lang)
    : [p.day, p.month, p.year].filter(Boolean).join('/');
};

/** The rows that differ between what is saved now and what this person typed. */
export function priorityConflict(t: TFunction, lang: string, theirs: NationalPriority, yours: PriorityForm) {
  const yesNo = (v: boolean) => t(v ? 'national.publish.yes' : 'national.publish.no');
  const rows: [string, string, string][] = [
    ['nameEn', theirs.nameEn, yours.nameEn],
    ['nameCy', theirs.nameCy, yours.nameCy],
    ['descriptionEn', theirs.descriptionEn, yours.descriptionEn],
    ['descriptionCy', theirs.descriptionCy, yours.descriptionCy],
    ['supporting', yesNo(theirs.supporting), yesNo(yours.supporting)],
    ['publishedOn', formatDate(theirs.publishedOn, asLang(lang)), typedDate(yours.publishedOn, asLang(lang))],
  ];
  return rows
    .filter(([, a, b]) => a !== b)
    .map(([f, a, b]) => ({ label: t(`national.publish.fields.${f}`), theirs: a, yours: b }));
}

export function supportConflict(
  t: TFunction,
  lang: string,
  priorities: NationalPriority[],
  programmes: Programme[],
  theirs: SupportOffer,
  yours: SupportForm,
) {
  const np = (codes: string[]) =>
    codes
      .map((c) => {
        const n = priorities.find((p) => p.code === c);
        return n ? nameIn(lang, n) : c;
      })
      .join(', ');
  const pr = (code: string | null) => {
    const p = programmes.find((x) => x.code === code);
    return p ? nameIn(lang, p) : (code ?? '');
  };
  const kind = (k: string) => (k ? t(`national.support.kinds.${k}`) : '');
  const rows: [string, string, string][] = [
    ['kind', kind(theirs.kind), kind(yours.kind)],
    ['titleEn', theirs.titleEn, yours.titleEn],
    ['titleCy', theirs.titleCy, yours.titleCy],
    ['descriptionEn', theirs.descriptionEn, yours.descriptionEn],
    ['descriptionCy', theirs.descriptionCy, yours.descriptionCy],
    ['nationalPriorities', np(theirs.nationalPriorities), np(yours.nationalPriorities)],
    ['programmeCode', pr(theirs.programmeCode), pr(yours.programmeCode || null)],
    ['url', theirs.url, yours.url],
    ['publishedOn', formatDate(theirs.publishedOn, asLang(lang)), typedDate(yours.publishedOn, asLang(lang))],
  ];
  return rows
    .filter(([, a, b]) => a !== b)
    .map(([f, a, b]) => ({ label: t(`national.support.fields.${f}`), theirs: a, yours: b }));
}

/**
 * The choices on the support form: current priorities, and any withdrawn one the offer already
 * serves (so saving does not silently drop it); programmes with "none" first.
 */
export function supportChoices(
  t: TFunction,
  lang: string,
  priorities: NationalPriority[],
  programmes: Programme[],
  form: SupportForm,
) {
  const offered = priorities.filter((p) => !p.withdrawnOn || form.nationalPriorities.includes(p.code));
  return {
    kindItems: SUPPORT_KINDS.map((k) => ({
      value: k,
      text: t(`national.support.kinds.${k}`),
      checked: form.kind === k,
    })),
    priorityItems: offered.map((p) => ({
      value: p.code,
      text: nameIn(lang, p) + (p.withdrawnOn ? ` (${t('national.publish.withdrawnTag')})` : ''),
      checked: form.nationalPriorities.includes(p.code),
    })),
    programmeItems: [
      { value: '', text: t('national.support.noProgramme'), selected: !form.programmeCode },
      ...programmes.map((p) => ({ value: p.code, text: nameIn(lang, p), selected: p.code === form.programmeCode })),
    ],
    priorityCodes: offered.map((p) => p.code),
  };
}
