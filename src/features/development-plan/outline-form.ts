import type { FieldErrors } from '../../lib/forms.ts';
import { OUTLINE_TERMS } from '../../reference/reference-data.ts';

export type OutlineTerm = (typeof OUTLINE_TERMS)[number];
export const MAX_OUTLINE_TITLE = 200;
export const MAX_OUTLINE_SUMMARY = 1000;
export const MAX_OUTLINE_ACTION = 300;
export const MAX_ACTIONS_PER_TERM = 12;

/** The outline form as typed: intended actions one a line, in a box per term (or the whole year). */
export type OutlineForm = {
  continues: string;
  title: string;
  summary: string;
} & Record<OutlineTerm, string>;

export type OutlineInput = {
  continuesPriorityId: string | null;
  title: string;
  summary: string;
  actions: { term: OutlineTerm; description: string }[];
};

export const EMPTY_OUTLINE_FORM: OutlineForm = {
  continues: '',
  title: '',
  summary: '',
  autumn: '',
  spring: '',
  summer: '',
  year: '',
};

/** The form field of each term's box ('year' alone would clash with the entry's school year). */
export const TERM_FIELDS: Record<OutlineTerm, string> = {
  autumn: 'autumn',
  spring: 'spring',
  summer: 'summer',
  year: 'wholeYear',
};

const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Checks the form; `continuable` are the year-one priorities an entry may continue. */
export function readOutlineForm(
  form: OutlineForm,
  continuable: { id: string; title: string }[],
): { ok: true; input: OutlineInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const continued = form.continues ? continuable.find((p) => p.id === form.continues) : undefined;
  if (form.continues && !continued) errors.continues = 'pages.planOutline.errors.continues';
  const title = form.title || continued?.title || '';
  if (!title) errors.title = 'pages.planOutline.errors.titleMissing';
  else if (title.length > MAX_OUTLINE_TITLE) errors.title = 'pages.planOutline.errors.titleTooLong';
  if (form.summary.length > MAX_OUTLINE_SUMMARY) errors.summary = 'pages.planOutline.errors.summaryTooLong';
  const actions: OutlineInput['actions'] = [];
  for (const term of OUTLINE_TERMS) {
    const items = lines(form[term]);
    if (items.length > MAX_ACTIONS_PER_TERM) errors[TERM_FIELDS[term]] = 'pages.planOutline.errors.tooMany';
    else if (items.some((d) => d.length > MAX_OUTLINE_ACTION))
      errors[TERM_FIELDS[term]] = 'pages.planOutline.errors.actionTooLong';
    actions.push(...items.map((description) => ({ term, description })));
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { continuesPriorityId: continued?.id ?? null, title, summary: form.summary, actions } };
}

/** A saved entry back into the form, its actions one a line in their term's box. */
export function outlineToForm(entry: {
  continuesPriorityId: string | null;
  title: string;
  summary: string;
  actions: { term: string; description: string }[];
}): OutlineForm {
  const byTerm = (term: OutlineTerm) =>
    entry.actions
      .filter((a) => a.term === term)
      .map((a) => a.description)
      .join('\n');
  return {
    continues: entry.continuesPriorityId ?? '',
    title: entry.title,
    summary: entry.summary,
    autumn: byTerm('autumn'),
    spring: byTerm('spring'),
    summer: byTerm('summer'),
    year: byTerm('year'),
  };
}
