import { describe, expect, it } from 'vitest';
import { ROLE_NAMES } from './roles.ts';
import { mustUseTwoFactor, WIDE_REACH_ROLES } from './two-factor-policy.ts';

describe('who must use two-factor at password sign-in', () => {
  const wide = ['la_officer', 'improvement_partner', 'partnership_coordinator', 'wg_official', 'administrator'];
  it.each(ROLE_NAMES)('%s: required only for roles with wide reach, and only when the setting is on', (role) => {
    expect(mustUseTwoFactor([role], true)).toBe(wide.includes(role));
    expect(mustUseTwoFactor([role], false)).toBe(false);
  });
  it('counts any one wide-reach role among several', () => {
    expect(mustUseTwoFactor(['practitioner', 'la_officer'], true)).toBe(true);
    expect(mustUseTwoFactor(['practitioner', 'governor'], true)).toBe(false);
    expect(WIDE_REACH_ROLES.size).toBe(wide.length);
  });
});
