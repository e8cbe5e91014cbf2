// The partnership scope: an LA partnership (LAs working together, with staff they share).
import { hasRole, holdsScope } from './policy.ts';
import { servesLa } from './la-policy.ts';
import type { CurrentUser } from './roles.ts';

export type PartnershipScope = { id: string; laCodes: readonly string[] };

/** An LA partnership: its member LAs' staff, its coordinators and WG see it; member LAs' officers manage it. */
export function partnershipCan(user: CurrentUser | null, p: PartnershipScope) {
  const manage = p.laCodes.some((code) => holdsScope(user, 'la_officer', code));
  const coordinator = holdsScope(user, 'partnership_coordinator', p.id);
  return {
    view: manage || coordinator || p.laCodes.some((code) => servesLa(user, code)) || hasRole(user, 'wg_official'),
    manage,
    coordinator,
  };
}
export type PartnershipCan = ReturnType<typeof partnershipCan>;
