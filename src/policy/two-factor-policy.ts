// Who must use two-factor at password sign-in: the roles that reach many schools or the whole
// platform (issue 14). Everyone else may turn it on. People who sign in through single sign-on rely
// on their provider's own multi-factor, so this asks only about password sign-in.
import type { Role } from './roles.ts';

export const WIDE_REACH_ROLES: ReadonlySet<Role> = new Set([
  'la_officer',
  'improvement_partner',
  'partnership_coordinator',
  'wg_official',
  'administrator',
]);

export function mustUseTwoFactor(roles: readonly string[], required: boolean): boolean {
  return required && roles.some((role) => WIDE_REACH_ROLES.has(role as Role));
}
