import type { TFunction } from 'i18next';
import type { Language } from '../../plugins/i18n.ts';
import type { Problem } from './collaborative-rules.ts';
import { COLLABORATIVE_KINDS, COLLABORATIVE_STATUSES, HORIZONTAL_BASES } from './collaborative-rules.ts';

export const nameIn = (lang: Language, c: { nameEn: string; nameCy: string }) =>
  lang === 'cy' ? c.nameCy || c.nameEn : c.nameEn || c.nameCy;

/** Radios and selects for the details form, labelled in the reader's language. */
export function formOptions(t: TFunction, values: { kind?: string; status?: string; basis?: string }) {
  return {
    kinds: COLLABORATIVE_KINDS.map((k) => ({
      value: k,
      text: t(`pages.collaboratives.kinds.${k}`),
      hint: { text: t(`pages.collaboratives.kindHints.${k}`) },
      checked: values.kind === k,
    })),
    statuses: COLLABORATIVE_STATUSES.map((s) => ({
      value: s,
      text: t(`pages.collaboratives.statuses.${s}`),
      selected: values.status === s,
    })),
    bases: [
      { value: '', text: t('pages.collaboratives.chooseBasis') },
      ...HORIZONTAL_BASES.map((b) => ({
        value: b,
        text: t(`pages.collaboratives.bases.${b}`),
        selected: values.basis === b,
      })),
    ],
  };
}

/** One field's error from a rule's problem, for the error summary and the field. */
export function problemErrors(t: TFunction, field: string, problem: Problem) {
  const text = t(problem.key, problem.values);
  return { errors: [{ text, href: `#${field}` }], fieldErrors: { [field]: { text } } };
}

/** The people pickers: whoever is not already in the list. */
export function peopleOptions(
  t: TFunction,
  candidates: { id: string; displayName: string; email: string }[],
  already: { id: string }[],
) {
  const taken = new Set(already.map((p) => p.id));
  const free = candidates.filter((c) => !taken.has(c.id));
  return free.length
    ? [
        { value: '', text: t('pages.collaboratives.choosePerson') },
        ...free.map((c) => ({ value: c.id, text: `${c.displayName} (${c.email})` })),
      ]
    : [];
}

/** A details field's value as the reader reads it (codes become words). */
export function displayValue(t: TFunction, field: string, value: string): string {
  if (!value) return '';
  if (field === 'kind') return t(`pages.collaboratives.kinds.${value}`);
  if (field === 'status') return t(`pages.collaboratives.statuses.${value}`);
  if (field === 'basis') return t(`pages.collaboratives.bases.${value}`);
  return value;
}
