// Who an action is assigned to (issue 13): a person in Cydwella among those who can see the action,
// or someone outside it named in free text. The people are offered as radios; any other id is refused.

/** A person who may be offered as an owner: their current display name. */
export type Person = { id: string; displayName: string };

/** The value of the "Someone outside Cydwella" radio. */
export const OUTSIDE = 'outside';

/** The picker as typed: the chosen radio and the free-text name shown under "Someone outside Cydwella". */
export type OwnerForm = { ownerUserId: string; owner: string };

/** What is saved: the person, and the text kept as the fallback (their name as it was, or the name typed). */
export type OwnerValues = { ownerUserId: string | null; owner: string };

export type OwnerProblem = 'ownerUnknown' | 'ownerNone' | 'ownerMissing' | 'ownerTooLong';
export type OwnerCheck =
  { ok: true; values: OwnerValues } | { ok: false; field: 'ownerUserId' | 'owner'; problem: OwnerProblem };

/**
 * Checks the choice against the people this action may be given to. A form that sends no choice at
 * all (an older page, a script) names someone outside, as the free-text field always did.
 */
export function checkOwner(
  form: OwnerForm,
  people: readonly Person[],
  rules: { required: boolean; maxLength: number },
): OwnerCheck {
  if (!form.ownerUserId && !form.owner) {
    if (rules.required) return { ok: false, field: 'ownerUserId', problem: 'ownerNone' };
    return { ok: true, values: { ownerUserId: null, owner: '' } };
  }
  const choice = form.ownerUserId || OUTSIDE;
  if (choice !== OUTSIDE) {
    const person = people.find((p) => p.id === choice);
    if (!person) return { ok: false, field: 'ownerUserId', problem: 'ownerUnknown' };
    return { ok: true, values: { ownerUserId: person.id, owner: person.displayName.slice(0, rules.maxLength) } };
  }
  if (!form.owner && rules.required) return { ok: false, field: 'owner', problem: 'ownerMissing' };
  if (form.owner.length > rules.maxLength) return { ok: false, field: 'owner', problem: 'ownerTooLong' };
  return { ok: true, values: { ownerUserId: null, owner: form.owner } };
}

/**
 * A saved owner back into the picker: the person if they may still be offered; otherwise their name as
 * text under "Someone outside Cydwella" (someone who has left keeps their name, not a blank).
 */
export function ownerToForm(
  saved: { ownerUserId: string | null; owner: string },
  people: readonly Person[],
): OwnerForm {
  if (saved.ownerUserId && people.some((p) => p.id === saved.ownerUserId))
    return { ownerUserId: saved.ownerUserId, owner: '' };
  return { ownerUserId: saved.owner ? OUTSIDE : '', owner: saved.owner };
}

/**
 * The picker from a request body. A body with a name but no choice (sent before the picker existed)
 * names someone outside, so the name field is shown under its radio.
 */
export function ownerFormFrom(body: { ownerUserId?: unknown; owner?: unknown }): OwnerForm {
  const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const owner = trimmed(body.owner);
  return { ownerUserId: trimmed(body.ownerUserId) || (owner ? OUTSIDE : ''), owner };
}

/** The error message key for a problem, shared by every form that offers owners (a form may word its own). */
export const ownerErrorKey = (problem: OwnerProblem) => `common.owner.errors.${problem}`;
