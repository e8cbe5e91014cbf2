import { dateToParts, parseDateParts, type DateParts } from '../../lib/govuk-date-input.ts';
import { text } from '../../lib/forms.ts';
import type { Partnership, PartnershipValues } from './partnership-repository.ts';

/** DOMAIN.md section 3: operational (shared services) or specific and time-limited. */
import { PARTNERSHIP_KINDS } from '../../reference/record-states.ts';

export { PARTNERSHIP_KINDS };

export type PartnershipForm = {
  kind: string;
  nameEn: string;
  nameCy: string;
  purpose: string;
  services: string;
  members: string[];
  startsOn: DateParts;
  endsOn: DateParts;
};
export type StaffForm = { name: string; post: string; employingLaCode: string };

export const LIMITS = { name: 200, purpose: 5_000, services: 10_000, post: 200 } as const;
const E = (problem: string) => `partnerships.errors.${problem}`;
const ORDER = ['kind', 'nameEn', 'nameCy', 'purpose', 'services', 'members', 'startsOn-day', 'endsOn-day'];
const list = (value: unknown): string[] =>
  [value ?? []].flat().filter((v): v is string => typeof v === 'string' && v !== '');
const parts = (body: Record<string, unknown>, name: string): DateParts => ({
  day: text(body[`${name}-day`]),
  month: text(body[`${name}-month`]),
  year: text(body[`${name}-year`]),
});

export function readPartnershipForm(body: Record<string, unknown>): PartnershipForm {
  return {
    kind: text(body.kind),
    nameEn: text(body.nameEn),
    nameCy: text(body.nameCy),
    purpose: text(body.purpose),
    services: text(body.services),
    members: [...new Set(list(body.members))].sort(),
    startsOn: parts(body, 'startsOn'),
    endsOn: parts(body, 'endsOn'),
  };
}

export type PartnershipValidation =
  | { ok: true; values: Omit<PartnershipValues, 'language'>; members: string[] }
  | { ok: false; errors: Record<string, string> };

/**
 * Every problem at once, in the order of the form. `mustInclude`: the LAs of which at least one
 * must stay a member (the officer's own), so nobody writes their LA out of its own partnership.
 */
export function validatePartnershipForm(
  form: PartnershipForm,
  laCodes: readonly string[],
  mustInclude: readonly string[],
): PartnershipValidation {
  const errors: Record<string, string> = {};
  if (!(PARTNERSHIP_KINDS as readonly string[]).includes(form.kind)) errors.kind = E('kindMissing');
  for (const f of ['nameEn', 'nameCy'] as const) {
    if (!form[f]) errors[f] = E(`${f}Missing`);
    else if (form[f].length > LIMITS.name) errors[f] = E('nameTooLong');
  }
  if (!form.purpose) errors.purpose = E('purposeMissing');
  else if (form.purpose.length > LIMITS.purpose) errors.purpose = E('purposeTooLong');
  if (form.services.length > LIMITS.services) errors.services = E('servicesTooLong');
  if (form.members.some((code) => !laCodes.includes(code))) errors.members = E('memberUnknown');
  else if (!form.members.some((code) => mustInclude.includes(code))) errors.members = E('memberOwn');
  else if (form.members.length < 2) errors.members = E('memberOther');
  const starts = parseDateParts(form.startsOn);
  const ends = parseDateParts(form.endsOn);
  if (!starts.ok) errors['startsOn-day'] = E(`date_${starts.problem}`);
  else if (!starts.value) errors['startsOn-day'] = E('startMissing');
  if (!ends.ok) errors['endsOn-day'] = E(`date_${ends.problem}`);
  else if (!ends.value && form.kind === 'specific') errors['endsOn-day'] = E('endMissing');
  else if (ends.value && starts.ok && starts.value && ends.value <= starts.value)
    errors['endsOn-day'] = E('endBeforeStart');
  if (Object.keys(errors).length || !starts.ok || !ends.ok)
    return {
      ok: false,
      errors: Object.fromEntries(Object.entries(errors).sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))),
    };
  const { kind, nameEn, nameCy, purpose, services } = form;
  return {
    ok: true,
    values: { kind, nameEn, nameCy, purpose, services, startsOn: starts.value, endsOn: ends.value },
    members: form.members,
  };
}

export function partnershipToForm(p: Partnership, members: string[]): PartnershipForm {
  return {
    kind: p.kind,
    nameEn: p.nameEn,
    nameCy: p.nameCy,
    purpose: p.purpose,
    services: p.services,
    members,
    startsOn: dateToParts(p.startsOn),
    endsOn: dateToParts(p.endsOn),
  };
}

export const emptyPartnershipForm = (laCode: string): PartnershipForm => ({
  kind: '',
  nameEn: '',
  nameCy: '',
  purpose: '',
  services: '',
  members: [laCode],
  startsOn: dateToParts(null),
  endsOn: dateToParts(null),
});

export function readStaffForm(body: Record<string, unknown>): StaffForm {
  return { name: text(body.name), post: text(body.post), employingLaCode: text(body.employingLaCode) };
}

/** Shared staff: a name, a post, and which member LA employs them (if any is given). */
export function validateStaffForm(form: StaffForm, memberCodes: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.name) errors.name = E('staffNameMissing');
  else if (form.name.length > LIMITS.name) errors.name = E('nameTooLong');
  if (form.post.length > LIMITS.post) errors.post = E('postTooLong');
  if (form.employingLaCode && !memberCodes.includes(form.employingLaCode))
    errors.employingLaCode = E('employerNotMember');
  return errors;
}

/** Active, ended, or not yet started: derived from the dates, never stored. */
export function partnershipStatus(
  p: { startsOn: string | null; endsOn: string | null },
  today: string,
): 'planned' | 'active' | 'ended' {
  if (p.endsOn && p.endsOn < today) return 'ended';
  if (p.startsOn && p.startsOn > today) return 'planned';
  return 'active';
}
