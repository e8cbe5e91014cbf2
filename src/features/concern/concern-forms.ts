import { text, type FieldErrors } from '../../lib/forms.ts';
import { parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import {
  checkOwner,
  ownerErrorKey,
  ownerFormFrom,
  type OwnerForm,
  type Person,
} from '../action-owners/owner-choice.ts';
import {
  COPY_RECIPIENTS,
  GROUNDS,
  INTERVENTIONS,
  NEEDS_MINISTERS_CONSENT,
  SOURCES,
  type Intervention,
} from './concern-reference.ts';

/** Reading and checking the case's forms: values as typed, errors as catalogue keys under concern.errors. */
const E = (problem: string) => `concern.errors.${problem}`;
type Body = Record<string, unknown>;
const list = (value: unknown): string[] => [value ?? []].flat().filter((v): v is string => typeof v === 'string');
const dateOf = (body: Body, name: string): DateParts => ({
  day: text(body[`${name}-day`]),
  month: text(body[`${name}-month`]),
  year: text(body[`${name}-year`]),
});
const only = <T extends string>(allowed: readonly T[], values: string[]) =>
  values.filter((v): v is T => (allowed as readonly string[]).includes(v));

/** A required date, not in the future when `notAfter` is given and not before `notBefore`. */
function requiredDate(
  errors: FieldErrors,
  name: string,
  parts: DateParts,
  limits: { notAfter?: string; notBefore?: string; beforeKey?: string } = {},
): string | null {
  const parsed = parseDateParts(parts);
  const key = `${name}-day`;
  if (!parsed.ok) errors[key] = E(`${name}_${parsed.problem}`);
  else if (!parsed.value) errors[key] = E(`${name}_missing`);
  else if (limits.notAfter && parsed.value > limits.notAfter) errors[key] = E(`${name}_future`);
  else if (limits.notBefore && parsed.value < limits.notBefore)
    errors[key] = E(limits.beforeKey ?? `${name}_beforeOpened`);
  else return parsed.value;
  return null;
}

function requiredText(errors: FieldErrors, name: string, value: string, max: number) {
  if (!value) errors[name] = E(`${name}_missing`);
  else if (value.length > max) errors[name] = E(`${name}_tooLong`);
}

export type Checked<T> = { ok: true; values: T } | { ok: false; errors: FieldErrors };
const result = <T>(errors: FieldErrors, values: T): Checked<T> =>
  Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };

// --- Opening a case -------------------------------------------------------------------------
export type CaseForm = { school: string; source: string; grounds: string[]; summary: string; openedOn: DateParts };
export const readCaseForm = (body: Body): CaseForm => ({
  school: text(body.school),
  source: text(body.source),
  grounds: list(body.grounds),
  summary: text(body.summary),
  openedOn: dateOf(body, 'openedOn'),
});

export function checkCaseForm(form: CaseForm, today: string) {
  const errors: FieldErrors = {};
  if (!form.school) errors.school = E('school_missing');
  else if (!/^\d{7}$/.test(form.school)) errors.school = E('school_format');
  if (!only(SOURCES, [form.source]).length) errors.source = E('source_missing');
  const grounds = only(GROUNDS, form.grounds);
  if (!grounds.length) errors.grounds = E('grounds_missing');
  requiredText(errors, 'summary', form.summary, 5000);
  const openedOn = requiredDate(errors, 'openedOn', form.openedOn, { notAfter: today });
  return result(errors, {
    schoolNumber: form.school,
    source: form.source,
    grounds: GROUNDS.filter((g) => grounds.includes(g)),
    summary: form.summary,
    openedOn: openedOn!,
  });
}

// --- A warning notice -----------------------------------------------------------------------
export type NoticeForm = {
  grounds: string[];
  reasons: string;
  requiredAction: string;
  compliancePeriodDays: string;
  mindedTo: string[];
  mindedToDetail: string;
  copiesTo: string[];
  otherCopies: string;
  issuedOn: DateParts;
};
export const readNoticeForm = (body: Body): NoticeForm => ({
  grounds: list(body.grounds),
  reasons: text(body.reasons),
  requiredAction: text(body.requiredAction),
  compliancePeriodDays: text(body.compliancePeriodDays),
  mindedTo: list(body.mindedTo),
  mindedToDetail: text(body.mindedToDetail),
  copiesTo: list(body.copiesTo),
  otherCopies: text(body.otherCopies),
  issuedOn: dateOf(body, 'issuedOn'),
});

/** The notice's grounds must be among the case's grounds 1-6; every required copy must stay ticked. */
export function checkNoticeForm(
  form: NoticeForm,
  limits: { caseGrounds: string[]; required: string[]; openedOn: string; today: string },
) {
  const errors: FieldErrors = {};
  const grounds = form.grounds.filter((g) => limits.caseGrounds.includes(g));
  if (!grounds.length) errors.grounds = E('noticeGrounds_missing');
  requiredText(errors, 'reasons', form.reasons, 10_000);
  requiredText(errors, 'requiredAction', form.requiredAction, 10_000);
  const days = Number(form.compliancePeriodDays);
  if (!form.compliancePeriodDays) errors.compliancePeriodDays = E('compliancePeriodDays_missing');
  else if (!/^\d+$/.test(form.compliancePeriodDays) || days < 1 || days > 365)
    errors.compliancePeriodDays = E('compliancePeriodDays_invalid');
  const mindedTo = only(INTERVENTIONS, form.mindedTo);
  if (!mindedTo.length) errors.mindedTo = E('mindedTo_missing');
  if (form.mindedToDetail.length > 5000) errors.mindedToDetail = E('mindedToDetail_tooLong');
  const named = only(COPY_RECIPIENTS, form.copiesTo);
  if (limits.required.some((r) => !named.includes(r as never))) errors.copiesTo = E('copiesTo_required');
  const others = form.otherCopies
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (others.length > 20 || others.some((o) => o.length > 200)) errors.otherCopies = E('otherCopies_tooLong');
  const issuedOn = requiredDate(errors, 'issuedOn', form.issuedOn, {
    notAfter: limits.today,
    notBefore: limits.openedOn,
  });
  return result(errors, {
    grounds,
    reasons: form.reasons,
    requiredAction: form.requiredAction,
    compliancePeriodDays: days,
    mindedTo: INTERVENTIONS.filter((i) => mindedTo.includes(i)),
    mindedToDetail: form.mindedToDetail,
    copiesTo: [...COPY_RECIPIENTS.filter((c) => named.includes(c)), ...others],
    issuedOn: issuedOn!,
  });
}

// --- An intervention ------------------------------------------------------------------------
export type InterventionForm = { kind: string; decidedOn: DateParts; details: string; ministersConsentOn: DateParts };
export const readInterventionForm = (body: Body): InterventionForm => ({
  kind: text(body.kind),
  decidedOn: dateOf(body, 'decidedOn'),
  details: text(body.details),
  ministersConsentOn: dateOf(body, 'ministersConsentOn'),
});

/** An interim executive board is refused without the date of the Welsh Ministers' consent; after a notice, not before its compliance period ended. */
export function checkInterventionForm(
  form: InterventionForm,
  limits: { today: string; openedOn: string; complianceEnds: string | null },
) {
  const errors: FieldErrors = {};
  const kind = only(INTERVENTIONS, [form.kind])[0];
  if (!kind) errors.kind = E('kind_missing');
  const decidedOn = requiredDate(errors, 'decidedOn', form.decidedOn, {
    notAfter: limits.today,
    notBefore: limits.complianceEnds ?? limits.openedOn,
    beforeKey: limits.complianceEnds ? 'decidedOn_beforeCompliance' : 'decidedOn_beforeOpened',
  });
  if (form.details.length > 10_000) errors.details = E('details_tooLong');
  let consent: string | null = null;
  const parsed = parseDateParts(form.ministersConsentOn);
  if (kind && NEEDS_MINISTERS_CONSENT.includes(kind)) {
    consent = requiredDate(errors, 'ministersConsentOn', form.ministersConsentOn, { notAfter: limits.today });
  } else if (!parsed.ok || parsed.value) errors['ministersConsentOn-day'] = E('ministersConsentOn_notNeeded');
  return result(errors, {
    kind: kind as Intervention,
    decidedOn: decidedOn!,
    details: form.details,
    ministersConsentOn: consent,
  });
}

// --- Support plan items and exit ------------------------------------------------------------
export type SupportForm = OwnerForm & { action: string; reviewOn: DateParts; status: string; reviewNotes: string };
export const readSupportForm = (body: Body): SupportForm => ({
  action: text(body.action),
  ...ownerFormFrom(body),
  reviewOn: dateOf(body, 'reviewOn'),
  status: text(body.status) || 'open',
  reviewNotes: text(body.reviewNotes),
});

/** `people`: who may open the case (the only people a support item may be given to: it is restricted). */
export function checkSupportForm(form: SupportForm, people: readonly Person[]) {
  const errors: FieldErrors = {};
  requiredText(errors, 'action', form.action, 2000);
  const owner = checkOwner(form, people, { required: true, maxLength: 200 });
  if (!owner.ok)
    errors[owner.field] =
      owner.field === 'ownerUserId'
        ? ownerErrorKey(owner.problem)
        : E(owner.problem === 'ownerTooLong' ? 'owner_tooLong' : 'owner_missing');
  const reviewOn = requiredDate(errors, 'reviewOn', form.reviewOn);
  if (form.status !== 'open' && form.status !== 'done') errors.status = E('status_missing');
  if (form.reviewNotes.length > 10_000) errors.reviewNotes = E('reviewNotes_tooLong');
  return result(errors, {
    action: form.action,
    ...(owner.ok ? owner.values : { ownerUserId: null, owner: '' }),
    reviewOn: reviewOn!,
    status: form.status,
    reviewNotes: form.reviewNotes,
  });
}

export type ExitForm = { exitedOn: DateParts; exitReason: string };
export const readExitForm = (body: Body): ExitForm => ({
  exitedOn: dateOf(body, 'exitedOn'),
  exitReason: text(body.exitReason),
});

export function checkExitForm(form: ExitForm, limits: { today: string; openedOn: string }) {
  const errors: FieldErrors = {};
  const exitedOn = requiredDate(errors, 'exitedOn', form.exitedOn, {
    notAfter: limits.today,
    notBefore: limits.openedOn,
  });
  requiredText(errors, 'exitReason', form.exitReason, 5000);
  return result(errors, { exitedOn: exitedOn!, exitReason: form.exitReason });
}
