import type { FieldErrors } from '../../lib/forms.ts';
import { COLLABORATIVE_KINDS, COLLABORATIVE_STATUSES } from '../../reference/record-states.ts';

export { COLLABORATIVE_KINDS, COLLABORATIVE_STATUSES };
/** What a horizontal collaborative's members have in common. */
export const HORIZONTAL_BASES = ['phase', 'welsh_medium', 'faith', 'special', 'pru_eotas'] as const;
/** Sectors a vertical cluster may take from another LA: special schools and PRUs serve several. */
export const CROSS_LA_SECTORS: readonly string[] = ['special', 'pru'];

export type CollaborativeKind = (typeof COLLABORATIVE_KINDS)[number];
export type CollaborativeDetails = { kind: string; nameEn: string; nameCy: string; status: string; basis: string };
export type MemberCandidate = { number: string; name: string; laCode: string; sector: string; open: boolean };
/** A catalogue key and the values it names, ready for t(). */
export type Problem = { key: string; values: Record<string, string> };

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
const MAX_NAME = 200;

/** The form's fields checked; the basis belongs to horizontal collaboratives only. */
export function validateDetails(input: CollaborativeDetails): FieldErrors {
  const errors: FieldErrors = {};
  if (!isOneOf(COLLABORATIVE_KINDS, input.kind)) errors.kind = 'pages.collaboratives.errors.kind';
  if (!input.nameEn) errors.nameEn = 'pages.collaboratives.errors.nameEn';
  else if (input.nameEn.length > MAX_NAME) errors.nameEn = 'pages.collaboratives.errors.nameTooLong';
  if (!input.nameCy) errors.nameCy = 'pages.collaboratives.errors.nameCy';
  else if (input.nameCy.length > MAX_NAME) errors.nameCy = 'pages.collaboratives.errors.nameTooLong';
  if (!isOneOf(COLLABORATIVE_STATUSES, input.status)) errors.status = 'pages.collaboratives.errors.status';
  if (input.kind === 'horizontal' && !isOneOf(HORIZONTAL_BASES, input.basis))
    errors.basis = 'pages.collaboratives.errors.basis';
  return errors;
}

/** The basis as stored: null for a vertical cluster. */
export function basisFor(kind: string, basis: string): string | null {
  return kind === 'horizontal' && isOneOf(HORIZONTAL_BASES, basis) ? basis : null;
}

/**
 * Whether a school may join a collaborative. A horizontal collaborative may take schools of any LA;
 * a vertical cluster stays within its LA, except for special schools and PRUs.
 */
export function membershipProblem(
  collaborative: { kind: string; laCode: string | null },
  school: MemberCandidate | null,
  requested = '',
): Problem | null {
  if (!school) return { key: 'pages.collaboratives.errors.schoolUnknown', values: { number: requested } };
  if (!school.open)
    return { key: 'pages.collaboratives.errors.schoolClosed', values: { school: school.name, number: school.number } };
  if (
    collaborative.kind === 'vertical' &&
    school.laCode !== collaborative.laCode &&
    !CROSS_LA_SECTORS.includes(school.sector)
  ) {
    return {
      key: 'pages.collaboratives.errors.verticalOtherLa',
      values: { school: school.name, number: school.number },
    };
  }
  return null;
}

/** The first member that would break the vertical rule if the collaborative became `kind`. */
export function firstMemberBreakingKind(
  collaborative: { kind: string; laCode: string | null },
  members: MemberCandidate[],
): Problem | null {
  for (const member of members) {
    const problem = membershipProblem(collaborative, { ...member, open: true });
    if (problem) return problem;
  }
  return null;
}
