/** What the brokering forms accept, as pure functions: each returns the values to save or the errors to show. */
import type { FieldErrors } from '../../lib/forms.ts';
import { text } from '../../lib/forms.ts';
import { parseDateParts } from '../../lib/govuk-date-input.ts';
import { AREAS, isOneOf, NIF_THEMES } from '../../reference/reference-data.ts';

const e = (key: string) => `brokering.errors.${key}`;
/** The longest need, agreed support and impact: their other-language versions (issue 16) share these limits. */
export const MAX_NEED = 2000;
export const MAX_AGREED_WHAT = 2000;
export const MAX_IMPACT = 4000;
const LANGUAGES = ['en', 'cy'] as const;
export type Parsed<T> = { ok: true; values: T } | { ok: false; errors: FieldErrors };
const done = <T>(errors: FieldErrors, values: T): Parsed<T> =>
  Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
const list = (value: unknown): string[] => [
  ...new Set(
    [value ?? []]
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .filter(Boolean),
  ),
];
const language = (value: unknown) => (isOneOf(LANGUAGES, value) ? value : 'en');

/** A percentage of 0 to 100 with at most one decimal place, as typed ('' is not recorded). */
export function parsePercent(value: string): { ok: true; value: string | null } | { ok: false } {
  const v = value.replace(/%$/, '').trim();
  if (v === '') return { ok: true, value: null };
  if (!/^\d{1,3}(\.\d)?$/.test(v) || Number(v) > 100) return { ok: false };
  return { ok: true, value: Number(v).toFixed(1) };
}

export type ProfileInput = {
  efsmThreeYear: string;
  alnPercent: string;
  ealPercent: string;
  context: string;
  language: string;
};
export function profileInput(body: Record<string, unknown>): ProfileInput {
  return {
    efsmThreeYear: text(body.efsmThreeYear),
    alnPercent: text(body.alnPercent),
    ealPercent: text(body.ealPercent),
    context: text(body.context),
    language: language(body.language),
  };
}
export function parseProfile(input: ProfileInput) {
  const errors: FieldErrors = {};
  const values = {
    efsmThreeYear: null as string | null,
    alnPercent: null as string | null,
    ealPercent: null as string | null,
    context: input.context,
    language: input.language,
  };
  for (const field of ['efsmThreeYear', 'alnPercent', 'ealPercent'] as const) {
    const parsed = parsePercent(input[field]);
    if (parsed.ok) values[field] = parsed.value;
    else errors[field] = e(`percent.${field}`);
  }
  if (input.context.length > 2000) errors.context = e('contextLong');
  return done(errors, values);
}

export type OfferInput = {
  findingId: string;
  title: string;
  description: string;
  nifTheme: string;
  areas: string[];
  nationalPriorities: string[];
  language: string;
};
export function offerInput(body: Record<string, unknown>): OfferInput {
  return {
    findingId: text(body.findingId),
    title: text(body.title),
    description: text(body.description),
    nifTheme: text(body.nifTheme),
    areas: list(body.areas),
    nationalPriorities: list(body.nationalPriorities),
    language: language(body.language),
  };
}
export function parseOffer(input: OfferInput, findingIds: string[], nationalCodes: string[]) {
  const errors: FieldErrors = {};
  if (!findingIds.includes(input.findingId)) errors.findingId = e('offer.finding');
  if (!input.title) errors.title = e('offer.title');
  else if (input.title.length > 200) errors.title = e('offer.titleLong');
  if (input.description.length > 2000) errors.description = e('offer.descriptionLong');
  if (!isOneOf(NIF_THEMES, input.nifTheme)) errors.nifTheme = e('offer.theme');
  if (input.areas.some((a) => !isOneOf(AREAS, a)) || input.nationalPriorities.some((n) => !nationalCodes.includes(n)))
    errors.areas = e('offer.tags');
  return done(errors, input);
}

export type RequestInput = { need: string; broker: string; language: string };
export function requestInput(body: Record<string, unknown>): RequestInput {
  return { need: text(body.need), broker: text(body.broker) || 'la', language: language(body.language) };
}
/** The broker is the school's LA ('la') or one of its collaboratives. */
export function parseRequest(input: RequestInput, collaborativeIds: string[]) {
  const errors: FieldErrors = {};
  if (!input.need) errors.need = e('request.need');
  else if (input.need.length > MAX_NEED) errors.need = e('request.needLong');
  if (input.broker !== 'la' && !collaborativeIds.includes(input.broker)) errors.broker = e('request.broker');
  return done(errors, {
    need: input.need,
    brokerCollaborativeId: input.broker === 'la' ? null : input.broker,
    language: input.language,
  });
}

type Parts = { day: string; month: string; year: string };
export type AgreementInput = {
  supporter: string;
  otherSchool: string;
  what: string;
  days: string;
  cost: string;
  starts: Parts;
  ends: Parts;
  language: string;
  version: string;
};
const parts = (body: Record<string, unknown>, name: string): Parts => ({
  day: text(body[`${name}-day`]),
  month: text(body[`${name}-month`]),
  year: text(body[`${name}-year`]),
});
export function agreementInput(body: Record<string, unknown>): AgreementInput {
  return {
    supporter: text(body.supporter),
    otherSchool: text(body.otherSchool),
    what: text(body.what),
    days: text(body.days),
    cost: text(body.cost).replace(/^£/, '').replace(/,/g, ''),
    starts: parts(body, 'startsOn'),
    ends: parts(body, 'endsOn'),
    language: language(body.language),
    version: text(body.version),
  };
}
export type AgreementValues = {
  supportingSchoolNumber: string;
  what: string;
  days: string | null;
  costPence: number | null;
  startsOn: string | null;
  endsOn: string | null;
  language: string;
};
/** `supporter` is a suggested school's number, or 'other' with the number typed in `otherSchool`. */
export function parseAgreement(input: AgreementInput): Parsed<AgreementValues> {
  const errors: FieldErrors = {};
  const number = input.supporter === 'other' ? input.otherSchool : input.supporter;
  if (!input.supporter) errors.supporter = e('agree.supporter');
  else if (!/^\d{7}$/.test(number))
    errors[input.supporter === 'other' ? 'otherSchool' : 'supporter'] = e('agree.schoolNumber');
  if (!input.what) errors.what = e('agree.what');
  else if (input.what.length > MAX_AGREED_WHAT) errors.what = e('agree.whatLong');
  if (input.days && (!/^\d{1,3}(\.\d)?$/.test(input.days) || Number(input.days) <= 0 || Number(input.days) > 365))
    errors.days = e('agree.days');
  if (input.cost && !/^\d{1,7}(\.\d{1,2})?$/.test(input.cost)) errors.cost = e('agree.cost');
  const starts = parseDateParts(input.starts);
  const ends = parseDateParts(input.ends);
  if (!starts.ok) errors['startsOn-day'] = e(`agree.date.${starts.problem}`);
  if (!ends.ok) errors['endsOn-day'] = e(`agree.date.${ends.problem}`);
  if (starts.ok && ends.ok && starts.value && ends.value && ends.value < starts.value)
    errors['endsOn-day'] = e('agree.endsBefore');
  return done(errors, {
    supportingSchoolNumber: number,
    what: input.what,
    days: input.days ? Number(input.days).toFixed(1) : null,
    costPence: input.cost ? Math.round(Number(input.cost) * 100) : null,
    startsOn: starts.ok ? starts.value : null,
    endsOn: ends.ok ? ends.value : null,
    language: input.language,
  });
}

export function parseImpact(body: Record<string, unknown>) {
  const impact = text(body.impact);
  const errors: FieldErrors = {};
  if (!impact) errors.impact = e('impact.required');
  else if (impact.length > MAX_IMPACT) errors.impact = e('impact.long');
  return done(errors, { impact, language: language(body.language) });
}
