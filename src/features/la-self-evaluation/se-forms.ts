import type { FieldErrors } from '../../lib/forms.ts';
import { parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import {
  ACTION_STATUSES,
  EVIDENCE_SOURCES,
  FINDING_KINDS,
  isOneOf,
  NIF_THEMES,
  PRIORITY_STATES,
} from '../../reference/reference-data.ts';
import { checkOwner, ownerErrorKey, type OwnerForm, type Person } from '../action-owners/owner-choice.ts';
import { isUuid } from '../../lib/request-schemas.ts';

/** The LA's cycle, as forms type it, and the checks on it: every problem at once, against its field. */
const E = (problem: string) => `laSelfEvaluation.errors.${problem}`;
export const LIMITS = { title: 200, body: 10_000, owner: 200, links: 100 } as const;

export type Checked<T> = { ok: true; values: T } | { ok: false; errors: FieldErrors };
const done = <T>(errors: FieldErrors, values: T): Checked<T> =>
  Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };

function required(errors: FieldErrors, field: string, value: string, limit: number) {
  if (!value) errors[field] = E(`${field}Missing`);
  else if (value.length > limit) errors[field] = E(`${field}TooLong`);
}
function optional(errors: FieldErrors, field: string, value: string, limit: number) {
  if (value.length > limit) errors[field] = E(`${field}TooLong`);
}
function date(errors: FieldErrors, field: string, parts: DateParts, needed: boolean): string | null {
  const parsed = parseDateParts(parts);
  if (!parsed.ok) errors[`${field}-day`] = E(`${field}Invalid`);
  else if (needed && parsed.value === null) errors[`${field}-day`] = E(`${field}Missing`);
  return parsed.ok ? parsed.value : null;
}
function ids(errors: FieldErrors, field: string, list: string[]) {
  if (list.length > LIMITS.links || list.some((id) => !isUuid(id))) errors[field] = E(`${field}Invalid`);
}

export const ANSWER_FIELDS = ['howWellAnswer', 'howKnowAnswer', 'howImproveAnswer'] as const;
export type AnswersForm = Record<(typeof ANSWER_FIELDS)[number], string>;
export function checkAnswers(form: AnswersForm): Checked<AnswersForm> {
  const errors: FieldErrors = {};
  for (const f of ANSWER_FIELDS) if (form[f].length > LIMITS.body) errors[f] = E('answerTooLong');
  return done(errors, form);
}

export type EvidenceForm = { source: string; observedOn: DateParts; title: string; body: string; nifThemes: string[] };
export function checkEvidence(form: EvidenceForm) {
  const errors: FieldErrors = {};
  if (!isOneOf(EVIDENCE_SOURCES, form.source)) errors.source = E('sourceMissing');
  const observedOn = date(errors, 'observedOn', form.observedOn, true);
  required(errors, 'title', form.title, LIMITS.title);
  optional(errors, 'body', form.body, LIMITS.body);
  if (form.nifThemes.some((th) => !isOneOf(NIF_THEMES, th))) errors.nifThemes = E('nifThemeInvalid');
  return done(errors, {
    source: form.source,
    observedOn: observedOn!,
    title: form.title,
    body: form.body,
    nifThemes: form.nifThemes,
  });
}

export type FindingForm = { kind: string; title: string; body: string; nifTheme: string; evidenceIds: string[] };
export function checkFinding(form: FindingForm) {
  const errors: FieldErrors = {};
  if (!isOneOf(FINDING_KINDS, form.kind)) errors.kind = E('kindMissing');
  required(errors, 'title', form.title, LIMITS.title);
  optional(errors, 'body', form.body, LIMITS.body);
  if (form.nifTheme && !isOneOf(NIF_THEMES, form.nifTheme)) errors.nifTheme = E('nifThemeInvalid');
  ids(errors, 'evidenceIds', form.evidenceIds);
  return done(errors, {
    kind: form.kind,
    title: form.title,
    body: form.body,
    nifTheme: form.nifTheme || null,
    evidenceIds: form.evidenceIds,
  });
}

/** Where a priority was drawn from on the local picture: a theme or a national priority. */
export type DrawnFrom = { kind: 'theme' | 'national'; code: string } | null;
export function parseDrawnFrom(value: string, nationalCodes: readonly string[]): DrawnFrom {
  const [kind, code = ''] = value.split(':');
  if (kind === 'theme' && isOneOf(NIF_THEMES, code)) return { kind, code };
  if (kind === 'national' && nationalCodes.includes(code)) return { kind, code };
  return null;
}

export type PriorityForm = {
  title: string;
  description: string;
  nifTheme: string;
  nationalPriorities: string[];
  successMeasure: string;
  state: string;
  findingIds: string[];
  drawnFrom: string;
};
export function checkPriority(form: PriorityForm, nationalCodes: readonly string[]) {
  const errors: FieldErrors = {};
  required(errors, 'title', form.title, LIMITS.title);
  optional(errors, 'description', form.description, LIMITS.body);
  if (form.nifTheme && !isOneOf(NIF_THEMES, form.nifTheme)) errors.nifTheme = E('nifThemeInvalid');
  if (form.nationalPriorities.some((c) => !nationalCodes.includes(c)))
    errors.nationalPriorities = E('nationalPrioritiesInvalid');
  optional(errors, 'successMeasure', form.successMeasure, LIMITS.body);
  if (!isOneOf(PRIORITY_STATES, form.state)) errors.state = E('stateInvalid');
  // Agreeing a priority means knowing how we will know it worked.
  else if (form.state !== 'draft' && !form.successMeasure && !errors.successMeasure)
    errors.successMeasure = E('successMeasureNeeded');
  ids(errors, 'findingIds', form.findingIds);
  const { drawnFrom: _, ...values } = form;
  return done(errors, { ...values, nifTheme: form.nifTheme || null });
}

export type ActionForm = OwnerForm & { description: string; dueOn: DateParts; status: string };
/** `people`: whom the action may be given to (the LA's staff); an owner is optional here. */
export function checkAction(form: ActionForm, people: readonly Person[] = []) {
  const errors: FieldErrors = {};
  required(errors, 'description', form.description, 1000);
  const owner = checkOwner(form, people, { required: false, maxLength: LIMITS.owner });
  if (!owner.ok) errors[owner.field] = owner.field === 'ownerUserId' ? ownerErrorKey(owner.problem) : E('ownerTooLong');
  const dueOn = date(errors, 'dueOn', form.dueOn, false);
  if (!isOneOf(ACTION_STATUSES, form.status)) errors.status = E('statusInvalid');
  const ownerValues = owner.ok ? owner.values : { ownerUserId: null, owner: '' };
  return done(errors, { description: form.description, ...ownerValues, dueOn, status: form.status });
}

export type ImpactForm = { whatChanged: string; reviewedOn: DateParts };
export function checkImpact(form: ImpactForm) {
  const errors: FieldErrors = {};
  required(errors, 'whatChanged', form.whatChanged, LIMITS.body);
  const reviewedOn = date(errors, 'reviewedOn', form.reviewedOn, true);
  return done(errors, { whatChanged: form.whatChanged, reviewedOn: reviewedOn! });
}
