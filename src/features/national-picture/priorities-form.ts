import { createHash } from 'node:crypto';
import { text, type FieldErrors } from '../../lib/forms.ts';
import { dateToParts, parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import type { NationalPriority, NationalPriorityValues } from './priorities-repository.ts';

export type PriorityForm = {
  code: string;
  nameEn: string;
  nameCy: string;
  descriptionEn: string;
  descriptionCy: string;
  supporting: boolean;
  publishedOn: DateParts;
};

export const LIMITS = { name: 200, description: 5_000 } as const;
/** Lowercase letters and underscores: the code is what schools' and LAs' items keep. */
export const CODE_PATTERN = /^[a-z][a-z_]{1,39}$/;
const E = (problem: string) => `national.publish.errors.${problem}`;
const ORDER = ['code', 'nameEn', 'nameCy', 'descriptionEn', 'descriptionCy', 'publishedOn-day'];

export const dateParts = (body: Record<string, unknown>, name: string): DateParts => ({
  day: text(body[`${name}-day`]),
  month: text(body[`${name}-month`]),
  year: text(body[`${name}-year`]),
});
export const ordered = (errors: FieldErrors, order: string[]) =>
  Object.fromEntries(Object.entries(errors).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));

export function readPriorityForm(body: Record<string, unknown>): PriorityForm {
  return {
    code: text(body.code).toLowerCase(),
    nameEn: text(body.nameEn),
    nameCy: text(body.nameCy),
    descriptionEn: text(body.descriptionEn),
    descriptionCy: text(body.descriptionCy),
    supporting: text(body.supporting) === 'yes',
    publishedOn: dateParts(body, 'publishedOn'),
  };
}

export type PriorityValidation =
  { ok: true; code: string; values: NationalPriorityValues } | { ok: false; errors: FieldErrors };

/** Every problem at once, in the order of the form. `checkCode` is false when editing (the code cannot change). */
export function validatePriorityForm(form: PriorityForm, checkCode: boolean): PriorityValidation {
  const errors: FieldErrors = {};
  if (checkCode) {
    if (!form.code) errors.code = E('codeMissing');
    else if (!CODE_PATTERN.test(form.code)) errors.code = E('codeFormat');
  }
  for (const f of ['nameEn', 'nameCy'] as const) {
    if (!form[f]) errors[f] = E(`${f}Missing`);
    else if (form[f].length > LIMITS.name) errors[f] = E('nameTooLong');
  }
  for (const f of ['descriptionEn', 'descriptionCy'] as const) {
    if (!form[f]) errors[f] = E(`${f}Missing`);
    else if (form[f].length > LIMITS.description) errors[f] = E('descriptionTooLong');
  }
  const published = parseDateParts(form.publishedOn);
  if (!published.ok) errors['publishedOn-day'] = E(`date_${published.problem}`);
  else if (!published.value) errors['publishedOn-day'] = E('publishedOnMissing');
  if (Object.keys(errors).length || !published.ok || !published.value)
    return { ok: false, errors: ordered(errors, ORDER) };
  const { nameEn, nameCy, descriptionEn, descriptionCy, supporting } = form;
  return {
    ok: true,
    code: form.code,
    values: { nameEn, nameCy, descriptionEn, descriptionCy, supporting, publishedOn: published.value },
  };
}

export function priorityToForm(p: NationalPriority): PriorityForm {
  return {
    code: p.code,
    nameEn: p.nameEn,
    nameCy: p.nameCy,
    descriptionEn: p.descriptionEn,
    descriptionCy: p.descriptionCy,
    supporting: p.supporting,
    publishedOn: dateToParts(p.publishedOn),
  };
}

export const emptyPriorityForm = (today: string): PriorityForm => ({
  code: '',
  nameEn: '',
  nameCy: '',
  descriptionEn: '',
  descriptionCy: '',
  supporting: false,
  publishedOn: dateToParts(today),
});

/**
 * The table has no version column: the form carries a fingerprint of the fields as they were
 * loaded, and a save whose fingerprint no longer matches is a conflict (someone saved in between).
 */
export function priorityFingerprint(
  p: Pick<NationalPriority, 'nameEn' | 'nameCy' | 'descriptionEn' | 'descriptionCy' | 'supporting' | 'publishedOn'>,
): string {
  const fields = [p.nameEn, p.nameCy, p.descriptionEn, p.descriptionCy, String(p.supporting), p.publishedOn];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 24);
}
