import { dateToParts, parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { text, type FieldErrors } from '../../lib/forms.ts';
import { NIF_THEMES } from '../../reference/reference-data.ts';

/** Activities of an enquiry visit: evidence sources where they fit, and "other". */
export const NOTE_ACTIVITIES = [
  'learning_walk',
  'listening_to_learners',
  'learners_work',
  'staff_dialogue',
  'observation',
  'other',
] as const;
import { ENQUIRY_FINDING_KINDS } from '../../reference/record-states.ts';

export { ENQUIRY_FINDING_KINDS };
export const LIMITS = { question: 500, long: 10_000, short: 200 } as const;
const E = (key: string) => `enquiries.errors.${key}`;
type Body = Record<string, unknown>;

export const list = (value: unknown): string[] =>
  [value ?? []].flat().filter((v): v is string => typeof v === 'string' && v !== '');
export const partsOf = (body: Body, name: string): DateParts => ({
  day: text(body[`${name}-day`]),
  month: text(body[`${name}-month`]),
  year: text(body[`${name}-year`]),
});

function required(errors: FieldErrors, name: string, value: string, key: string, max: number = LIMITS.long) {
  if (!value) errors[name] = E(key);
  else if (value.length > max) errors[name] = E('tooLong');
}

/** A required date; the error goes against the day box, as the error summary links there. */
function requiredDate(errors: FieldErrors, name: string, parts: DateParts, missingKey: string): string | null {
  const parsed = parseDateParts(parts);
  if (!parsed.ok) errors[`${name}-day`] = E(`date_${parsed.problem}`);
  else if (!parsed.value) errors[`${name}-day`] = E(missingKey);
  return parsed.ok ? parsed.value : null;
}

function visitDates(errors: FieldErrors, body: Body) {
  const visitStart = requiredDate(errors, 'visitStart', partsOf(body, 'visitStart'), 'visitStartMissing');
  const visitEnd = requiredDate(errors, 'visitEnd', partsOf(body, 'visitEnd'), 'visitEndMissing');
  if (visitStart && visitEnd && visitEnd < visitStart) errors['visitEnd-day'] = E('visitEndBeforeStart');
  return { visitStart, visitEnd };
}

export type ProposalForm = {
  hostSchool: string;
  question: string;
  context: string;
  nifThemes: string[];
  findingId: string;
  visitStart: DateParts;
  visitEnd: DateParts;
};

export function readProposal(body: Body): ProposalForm {
  return {
    hostSchool: text(body.hostSchool),
    question: text(body.question),
    context: text(body.context),
    nifThemes: list(body.nifThemes),
    findingId: text(body.findingId),
    visitStart: partsOf(body, 'visitStart'),
    visitEnd: partsOf(body, 'visitEnd'),
  };
}

export function validateProposal(body: Body, hostSchools: string[], findingIds: string[]) {
  const errors: FieldErrors = {};
  const form = readProposal(body);
  if (!hostSchools.includes(form.hostSchool)) errors.hostSchool = E('hostSchool');
  required(errors, 'question', form.question, 'questionMissing', LIMITS.question);
  if (form.context.length > LIMITS.long) errors.context = E('tooLong');
  if (!form.nifThemes.length || form.nifThemes.some((t) => !(NIF_THEMES as readonly string[]).includes(t)))
    errors.nifThemes = E('nifThemes');
  if (form.findingId && !findingIds.includes(form.findingId)) errors.findingId = E('finding');
  const dates = visitDates(errors, body);
  return {
    form,
    errors,
    values: {
      question: form.question,
      context: form.context,
      nifThemes: form.nifThemes,
      findingId: form.findingId || null,
      ...dates,
    },
  };
}

export type AgreementForm = {
  facilitatorId: string;
  reviewers: string[];
  activities: string;
  confidentiality: string;
  visitStart: DateParts;
  visitEnd: DateParts;
};

export function agreementFormOf(
  enquiry: {
    facilitatorId: string | null;
    activities: string;
    confidentiality: string;
    visitStart: string | null;
    visitEnd: string | null;
  },
  reviewers: string[],
  defaultConfidentiality: string,
): AgreementForm {
  return {
    facilitatorId: enquiry.facilitatorId ?? '',
    reviewers,
    activities: enquiry.activities,
    confidentiality: enquiry.confidentiality || defaultConfidentiality,
    visitStart: dateToParts(enquiry.visitStart),
    visitEnd: dateToParts(enquiry.visitEnd),
  };
}

export function validateAgreement(body: Body, facilitatorIds: string[], reviewerIds: string[]) {
  const errors: FieldErrors = {};
  const form: AgreementForm = {
    facilitatorId: text(body.facilitatorId),
    reviewers: list(body.reviewers),
    activities: text(body.activities),
    confidentiality: text(body.confidentiality),
    visitStart: partsOf(body, 'visitStart'),
    visitEnd: partsOf(body, 'visitEnd'),
  };
  if (!facilitatorIds.includes(form.facilitatorId)) errors.facilitatorId = E('facilitator');
  if (!form.reviewers.length || form.reviewers.some((r) => !reviewerIds.includes(r))) errors.reviewers = E('reviewers');
  required(errors, 'activities', form.activities, 'activitiesMissing');
  required(errors, 'confidentiality', form.confidentiality, 'confidentialityMissing');
  const dates = visitDates(errors, body);
  return {
    form,
    errors,
    values: {
      facilitatorId: form.facilitatorId,
      activities: form.activities,
      confidentiality: form.confidentiality,
      ...dates,
    },
  };
}

export type NoteForm = {
  observedOn: DateParts;
  activity: string;
  hostColleague: string;
  body: string;
  learnerDataChecked: boolean;
};

export function noteFormOf(note: {
  observedOn: string;
  activity: string;
  hostColleague: string;
  body: string;
}): NoteForm {
  return {
    observedOn: dateToParts(note.observedOn),
    activity: note.activity,
    hostColleague: note.hostColleague,
    body: note.body,
    learnerDataChecked: false,
  };
}

export function validateNote(body: Body) {
  const errors: FieldErrors = {};
  const form: NoteForm = {
    observedOn: partsOf(body, 'observedOn'),
    activity: text(body.activity),
    hostColleague: text(body.hostColleague),
    body: text(body.body),
    learnerDataChecked: text(body.learnerDataChecked) === 'yes',
  };
  const observedOn = requiredDate(errors, 'observedOn', form.observedOn, 'observedOnMissing');
  if (!(NOTE_ACTIVITIES as readonly string[]).includes(form.activity)) errors.activity = E('activity');
  required(errors, 'hostColleague', form.hostColleague, 'hostColleagueMissing', LIMITS.short);
  required(errors, 'body', form.body, 'noteBodyMissing');
  return {
    form,
    errors,
    values: {
      observedOn: observedOn ?? '',
      activity: form.activity,
      hostColleague: form.hostColleague,
      body: form.body,
    },
  };
}

export function validateFinding(body: Body) {
  const errors: FieldErrors = {};
  const form = { kind: text(body.kind), text: text(body.text) };
  if (!(ENQUIRY_FINDING_KINDS as readonly string[]).includes(form.kind)) errors.kind = E('findingKind');
  required(errors, 'text', form.text, 'findingTextMissing');
  return { form, errors };
}

export type FollowUpForm = {
  description: string;
  supportingSchool: string;
  dueOn: DateParts;
  priorityId: string;
  owner: string;
};

export function validateFollowUp(body: Body, partnerSchools: string[], priorityIds: string[]) {
  const errors: FieldErrors = {};
  const form: FollowUpForm = {
    description: text(body.description),
    supportingSchool: text(body.supportingSchool),
    dueOn: partsOf(body, 'dueOn'),
    priorityId: text(body.priorityId),
    owner: text(body.owner),
  };
  required(errors, 'description', form.description, 'followUpDescriptionMissing', 1000);
  if (form.supportingSchool && !partnerSchools.includes(form.supportingSchool))
    errors.supportingSchool = E('supportingSchool');
  requiredDate(errors, 'dueOn', form.dueOn, 'dueOnMissing');
  if (!priorityIds.includes(form.priorityId)) errors.priorityId = E('priority');
  required(errors, 'owner', form.owner, 'ownerMissing', LIMITS.short);
  return { form, errors };
}

/** A reason or comment that must be given (cancelling, sending a draft back). */
export function validateReason(body: Body, name: string, missingKey: string) {
  const errors: FieldErrors = {};
  const value = text(body[name]);
  required(errors, name, value, missingKey);
  return { value, errors };
}
