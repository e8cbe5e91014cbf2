/**
 * Reference codes for schools causing concern (School Standards and Organisation (Wales) Act 2013,
 * Part 2). Labels live under `concern.sources`, `concern.grounds`, `concern.interventions`,
 * `concern.states` and `concern.copies` in both catalogues.
 */
import {
  CONCERN_INTERVENTIONS,
  CONCERN_SOURCES,
  CONCERN_STATES,
  CONCERN_SUPPORT_STATUSES,
} from '../../reference/record-states.ts';

export const SOURCES = CONCERN_SOURCES;
export type Source = (typeof SOURCES)[number];
/** Estyn's statutory categories: the case may go straight to intervention or monitoring, without a warning notice. */
export const ESTYN_CATEGORIES: readonly Source[] = ['estyn_special_measures', 'estyn_significant_improvement'];

/** Section 2 grounds, in the Act's order (the code's position + 1 is the ground's number). */
export const GROUNDS = [
  'standards',
  'management',
  'behaviour',
  'safety',
  'duty',
  'unreasonable',
  'significant_improvement',
  'special_measures',
] as const;
export type Ground = (typeof GROUNDS)[number];
/** A warning notice (section 3) may be given on grounds 1 to 6 only. */
export const NOTICE_GROUNDS: readonly Ground[] = GROUNDS.slice(0, 6);
export const groundNumber = (g: Ground) => GROUNDS.indexOf(g) + 1;

/** Sections 4 to 8 (section 10, the Welsh Ministers' own powers, is not the LA's). */
export const INTERVENTIONS = CONCERN_INTERVENTIONS;
export type Intervention = (typeof INTERVENTIONS)[number];
export const interventionSection = (i: Intervention) => INTERVENTIONS.indexOf(i) + 4;
/** An interim executive board needs the Welsh Ministers' consent (section 6). */
export const NEEDS_MINISTERS_CONSENT: readonly Intervention[] = ['interim_executive_board'];

export const STATES = CONCERN_STATES;
export type State = (typeof STATES)[number];

export const SUPPORT_STATUSES = CONCERN_SUPPORT_STATUSES;

/** Who must get a copy of a warning notice (section 3): always the headteacher and the Welsh Ministers; for church and foundation schools, the body that appoints foundation governors. */
export const COPY_RECIPIENTS = ['headteacher', 'welsh_ministers', 'religious_body', 'foundation_body'] as const;
export type CopyRecipient = (typeof COPY_RECIPIENTS)[number];

export function requiredCopies(governance: string | null | undefined): CopyRecipient[] {
  const copies: CopyRecipient[] = ['headteacher', 'welsh_ministers'];
  if (governance === 'voluntary_aided' || governance === 'voluntary_controlled') copies.push('religious_body');
  if (governance === 'foundation') copies.push('foundation_body');
  return copies;
}

export const isCopyRecipient = (value: string): value is CopyRecipient =>
  (COPY_RECIPIENTS as readonly string[]).includes(value);
