import { holdsScope } from '../../policy/policy.ts';
import type { CurrentUser } from '../../policy/roles.ts';

/** What the policy needs to know of a collaborative. */
export type CollaborativeScope = { id: string; laCode: string | null; memberLaCodes: readonly string[] };

function laCodesHeld(user: CurrentUser | null, roles: readonly string[]): string[] {
  return (user?.assignments ?? []).filter((a) => roles.includes(a.role) && a.scopeId).map((a) => a.scopeId!);
}

/** LAs whose collaboratives the user manages (LA officers). Partnership coordinators: not yet. */
export const managedLaCodes = (user: CurrentUser | null) => laCodesHeld(user, ['la_officer']);
/** LAs whose collaboratives the user may see (LA officers and improvement partners). */
export const staffLaCodes = (user: CurrentUser | null) => laCodesHeld(user, ['la_officer', 'improvement_partner']);
/** Collaboratives the user leads. */
export const ledCollaborativeIds = (user: CurrentUser | null) => laCodesHeld(user, ['collaborative_lead']);

/**
 * Record-level rules. An LA officer manages the collaboratives of their LA (a cross-LA horizontal
 * one belongs to the LA that created it). Staff of the LA, or of an LA with a member school, and the
 * collaborative's leads may view. Anyone else is told it does not exist.
 */
export function collaborativeCan(user: CurrentUser | null, collaborative: CollaborativeScope) {
  const manage = !!collaborative.laCode && holdsScope(user, 'la_officer', collaborative.laCode);
  const staff = staffLaCodes(user);
  const view =
    manage ||
    (!!collaborative.laCode && staff.includes(collaborative.laCode)) ||
    collaborative.memberLaCodes.some((code) => staff.includes(code)) ||
    holdsScope(user, 'collaborative_lead', collaborative.id);
  return { view, manage };
}
export type CollaborativeCan = ReturnType<typeof collaborativeCan>;

/** Staff of the LA see which of its schools are in no collaborative of a kind. */
export const canSeeGaps = (user: CurrentUser | null, laCode: string) => staffLaCodes(user).includes(laCode);
