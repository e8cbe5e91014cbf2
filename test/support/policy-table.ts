// For the policy table tests (src/policy/*.unit.test.ts): every need of a scope must have rows for
// someone who may and someone who may not, or a rule could be always true (or always false) and
// every row still pass.
import type { CurrentUser, Role } from '../../src/policy/roles.ts';
import { scopeOf } from '../../src/policy/roles.ts';

/** Someone holding each role in the scope given (its id for a collaborative lead, a school number, an LA code...). */
export function person(...assignments: [Role, string | null][]): CurrentUser {
  return {
    id: 'u',
    email: 'u@example.test',
    displayName: 'U',
    assignments: assignments.map(([role, scopeId]) => ({ role, scopeType: scopeOf(role), scopeId })),
  };
}

/** The same person with another user id (a facilitator or a reviewer is named by id). */
export const withId = (who: CurrentUser, id: string): CurrentUser => ({ ...who, id });

/**
 * The boolean needs of the expected answers that no row allows, or no row refuses. Each row's
 * expected answer is the whole `can` (the tests compare with toEqual), so every need is there.
 */
export function needsNotTestedBothWays(expected: readonly object[]): string[] {
  const seen = new Map<string, Set<boolean>>();
  for (const answer of expected) {
    for (const [need, value] of Object.entries(answer)) {
      if (typeof value !== 'boolean') continue;
      seen.set(need, (seen.get(need) ?? new Set()).add(value));
    }
  }
  return [...seen].filter(([, values]) => values.size < 2).map(([need]) => need);
}
