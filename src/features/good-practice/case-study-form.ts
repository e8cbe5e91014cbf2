import { text } from '../../lib/forms.ts';
import { AREAS, NIF_THEMES } from '../../reference/reference-data.ts';
import type { CaseStudy } from './case-study-repository.ts';

export type CaseStudyForm = {
  title: string;
  summary: string;
  whatWeDid: string;
  learners: string;
  impact: string;
  nifThemes: string[];
  nationalPriorities: string[];
  areas: string[];
  learnerDataChecked: boolean;
};
export const TEXT_FIELDS = ['summary', 'whatWeDid', 'learners', 'impact'] as const;
export const LIMITS = { title: 200, summary: 1_000, whatWeDid: 20_000, learners: 5_000, impact: 20_000 } as const;
const ORDER = ['title', ...TEXT_FIELDS, 'nifThemes', 'nationalPriorities', 'areas', 'learnerDataChecked'];
const E = (problem: string) => `goodPractice.errors.${problem}`;
const list = (value: unknown): string[] => [
  ...new Set([value ?? []].flat().filter((v): v is string => typeof v === 'string' && v !== '')),
];

export function readCaseStudyForm(body: Record<string, unknown>): CaseStudyForm {
  return {
    title: text(body.title),
    summary: text(body.summary),
    whatWeDid: text(body.whatWeDid),
    learners: text(body.learners),
    impact: text(body.impact),
    nifThemes: list(body.nifThemes),
    nationalPriorities: list(body.nationalPriorities),
    areas: list(body.areas),
    learnerDataChecked: list(body.learnerDataChecked).includes('yes'),
  };
}

/** Every problem at once, in the order of the form (the learner-data prompt is the service's). */
export function validateCaseStudyForm(form: CaseStudyForm, nationalCodes: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of ['title', ...TEXT_FIELDS] as const) {
    if (!form[field]) errors[field] = E(`${field}Missing`);
    else if (form[field].length > LIMITS[field]) errors[field] = E(`${field}TooLong`);
  }
  if (!form.nifThemes.length) errors.nifThemes = E('themeMissing');
  else if (form.nifThemes.some((c) => !(NIF_THEMES as readonly string[]).includes(c)))
    errors.nifThemes = E('unknownOption');
  if (form.nationalPriorities.some((c) => !nationalCodes.includes(c))) errors.nationalPriorities = E('unknownOption');
  if (form.areas.some((c) => !(AREAS as readonly string[]).includes(c))) errors.areas = E('unknownOption');
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b)));
}

export function caseStudyToForm(cs: CaseStudy): CaseStudyForm {
  return {
    title: cs.title,
    summary: cs.summary,
    whatWeDid: cs.whatWeDid,
    learners: cs.learners,
    impact: cs.impact,
    nifThemes: cs.nifThemes,
    nationalPriorities: cs.nationalPriorities,
    areas: cs.areas,
    learnerDataChecked: false,
  };
}

export const EMPTY_CASE_STUDY_FORM: CaseStudyForm = {
  title: '',
  summary: '',
  whatWeDid: '',
  learners: '',
  impact: '',
  nifThemes: [],
  nationalPriorities: [],
  areas: [],
  learnerDataChecked: false,
};
