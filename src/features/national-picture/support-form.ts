import { text, type FieldErrors } from '../../lib/forms.ts';
import { dateToParts, parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { dateParts, ordered } from './priorities-form.ts';
import { NATIONAL_SUPPORT_KINDS } from '../../reference/record-states.ts';
import type { SupportOffer, SupportValues } from './support-repository.ts';
import { isSafeHttpsUrl } from '../../lib/https-url.ts';

/** What WG offers nationally; the national professional learning programmes are one kind. */
export const SUPPORT_KINDS = NATIONAL_SUPPORT_KINDS;

export type SupportForm = {
  kind: string;
  titleEn: string;
  titleCy: string;
  descriptionEn: string;
  descriptionCy: string;
  nationalPriorities: string[];
  programmeCode: string;
  url: string;
  publishedOn: DateParts;
};

export const LIMITS = { title: 200, description: 5_000, url: 500 } as const;
const E = (problem: string) => `national.support.errors.${problem}`;
const ORDER = [
  'kind',
  'titleEn',
  'titleCy',
  'descriptionEn',
  'descriptionCy',
  'nationalPriorities',
  'programmeCode',
  'url',
  'publishedOn-day',
];
const list = (value: unknown): string[] =>
  [value ?? []].flat().filter((v): v is string => typeof v === 'string' && v !== '');

export function readSupportForm(body: Record<string, unknown>): SupportForm {
  return {
    kind: text(body.kind),
    titleEn: text(body.titleEn),
    titleCy: text(body.titleCy),
    descriptionEn: text(body.descriptionEn),
    descriptionCy: text(body.descriptionCy),
    nationalPriorities: [...new Set(list(body.nationalPriorities))].sort(),
    programmeCode: text(body.programmeCode),
    url: text(body.url),
    publishedOn: dateParts(body, 'publishedOn'),
  };
}

export type SupportValidation = { ok: true; values: SupportValues } | { ok: false; errors: FieldErrors };

/** `priorityCodes`: the priorities an offer may serve (current ones, plus any it already serves). */
export function validateSupportForm(
  form: SupportForm,
  priorityCodes: readonly string[],
  programmeCodes: readonly string[],
): SupportValidation {
  const errors: FieldErrors = {};
  if (!(SUPPORT_KINDS as readonly string[]).includes(form.kind)) errors.kind = E('kindMissing');
  for (const f of ['titleEn', 'titleCy'] as const) {
    if (!form[f]) errors[f] = E(`${f}Missing`);
    else if (form[f].length > LIMITS.title) errors[f] = E('titleTooLong');
  }
  for (const f of ['descriptionEn', 'descriptionCy'] as const) {
    if (!form[f]) errors[f] = E(`${f}Missing`);
    else if (form[f].length > LIMITS.description) errors[f] = E('descriptionTooLong');
  }
  if (form.nationalPriorities.some((code) => !priorityCodes.includes(code)))
    errors.nationalPriorities = E('priorityUnknown');
  if (form.programmeCode && !programmeCodes.includes(form.programmeCode)) errors.programmeCode = E('programmeUnknown');
  else if (!form.programmeCode && form.kind === 'professional_learning') errors.programmeCode = E('programmeMissing');
  if (form.url && !isSafeHttpsUrl(form.url, LIMITS.url)) errors.url = E('urlHttps');
  const published = parseDateParts(form.publishedOn);
  if (!published.ok) errors['publishedOn-day'] = E(`date_${published.problem}`);
  else if (!published.value) errors['publishedOn-day'] = E('publishedOnMissing');
  if (Object.keys(errors).length || !published.ok || !published.value)
    return { ok: false, errors: ordered(errors, ORDER) };
  const { kind, titleEn, titleCy, descriptionEn, descriptionCy, nationalPriorities, url } = form;
  return {
    ok: true,
    values: {
      kind,
      titleEn,
      titleCy,
      descriptionEn,
      descriptionCy,
      nationalPriorities,
      programmeCode: form.programmeCode || null,
      url,
      publishedOn: published.value,
    },
  };
}

export function offerToForm(o: SupportOffer): SupportForm {
  return {
    kind: o.kind,
    titleEn: o.titleEn,
    titleCy: o.titleCy,
    descriptionEn: o.descriptionEn,
    descriptionCy: o.descriptionCy,
    nationalPriorities: [...o.nationalPriorities],
    programmeCode: o.programmeCode ?? '',
    url: o.url,
    publishedOn: dateToParts(o.publishedOn),
  };
}

export const emptySupportForm = (today: string): SupportForm => ({
  kind: '',
  titleEn: '',
  titleCy: '',
  descriptionEn: '',
  descriptionCy: '',
  nationalPriorities: [],
  programmeCode: '',
  url: '',
  publishedOn: dateToParts(today),
});
