import { dateToParts, parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { text } from '../../lib/forms.ts';
import { AREAS, isOneOf } from '../../reference/reference-data.ts';
import { inOrder } from '../meetings/meeting-form.ts';
import type { ProgressionSession, SessionValues } from './progression-repository.ts';

/** The five progression steps and the age each broadly relates to (Curriculum for Wales). */
export const PROGRESSION_STEPS = [
  { step: 1, age: 5 },
  { step: 2, age: 8 },
  { step: 3, age: 11 },
  { step: 4, age: 14 },
  { step: 5, age: 16 },
] as const;

export type SessionForm = {
  heldOn: DateParts;
  area: string;
  progressionStep: string;
  focus: string;
  schools: string[];
  samples: string;
  expectations: string;
  learnerDataChecked: boolean;
};
export const LIMITS = { focus: 300, samples: 20_000, expectations: 20_000 } as const;
const E = (problem: string) => `progression.errors.${problem}`;
const ORDER = [
  'heldOn-day',
  'area',
  'progressionStep',
  'focus',
  'schools',
  'samples',
  'expectations',
  'learnerDataChecked',
];
const list = (value: unknown): string[] =>
  [value ?? []].flat().filter((v): v is string => typeof v === 'string' && v !== '');

export function readSessionForm(body: Record<string, unknown>): SessionForm {
  return {
    heldOn: { day: text(body['heldOn-day']), month: text(body['heldOn-month']), year: text(body['heldOn-year']) },
    area: text(body.area),
    progressionStep: text(body.progressionStep),
    focus: text(body.focus),
    schools: [...new Set(list(body.schools))],
    samples: text(body.samples),
    expectations: text(body.expectations),
    learnerDataChecked: list(body.learnerDataChecked).includes('yes'),
  };
}

export type SessionValidation =
  | { ok: true; values: Omit<SessionValues, 'language'>; schools: string[] }
  | { ok: false; errors: Record<string, string> };

export function validateSessionForm(form: SessionForm, memberNumbers: readonly string[]): SessionValidation {
  const errors: Record<string, string> = {};
  const date = parseDateParts(form.heldOn);
  if (!date.ok) errors['heldOn-day'] = E(`date_${date.problem}`);
  else if (!date.value) errors['heldOn-day'] = E('dateMissing');
  if (!isOneOf(AREAS, form.area)) errors.area = E('area');
  const step = Number(form.progressionStep);
  if (!PROGRESSION_STEPS.some((s) => String(s.step) === form.progressionStep)) errors.progressionStep = E('step');
  if (form.focus.length > LIMITS.focus) errors.focus = E('focusTooLong');
  if (form.schools.some((n) => !memberNumbers.includes(n))) errors.schools = E('schoolNotMember');
  if (form.samples.length > LIMITS.samples) errors.samples = E('samplesTooLong');
  if (!form.expectations) errors.expectations = E('expectationsMissing');
  else if (form.expectations.length > LIMITS.expectations) errors.expectations = E('expectationsTooLong');
  if (Object.keys(errors).length || !date.ok || !date.value) return { ok: false, errors: inOrder(errors, ORDER) };
  const { area, focus, samples, expectations } = form;
  return {
    ok: true,
    values: { heldOn: date.value, area, progressionStep: step, focus, samples, expectations },
    schools: [...form.schools].sort(),
  };
}

export function sessionToForm(session: ProgressionSession, schools: string[]): SessionForm {
  return {
    heldOn: dateToParts(session.heldOn),
    area: session.area,
    progressionStep: String(session.progressionStep),
    focus: session.focus,
    schools,
    samples: session.samples,
    expectations: session.expectations,
    learnerDataChecked: false,
  };
}

export const EMPTY_SESSION_FORM: SessionForm = {
  heldOn: dateToParts(null),
  area: '',
  progressionStep: '',
  focus: '',
  schools: [],
  samples: '',
  expectations: '',
  learnerDataChecked: false,
};
