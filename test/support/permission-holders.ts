// Which roles hold each platform-wide permission, written down again for the walkers
// (test/route-access.test.ts, test/route-scopes.test.ts) independently of src/policy/policy.ts.
import type { Role } from '../../src/policy/roles.ts';

/** Which roles hold each permission. A new permission fails the walks until it is added here. */
export const PERMISSION_HOLDERS: Record<string, readonly Role[]> = {
  'users.manage': ['administrator'],
  'audit.read': ['administrator'],
  'directory.import': ['administrator'],
  'collaboratives.read': [
    'la_officer',
    'improvement_partner',
    'collaborative_lead',
    'partnership_coordinator',
    'headteacher',
    'school_leader',
    'practitioner',
  ],
  'collaboratives.manage': ['la_officer', 'partnership_coordinator'],
  'la.read': ['la_officer', 'improvement_partner'],
  'la.manage': ['la_officer'],
  'concern.read': ['la_officer', 'headteacher', 'chair_of_governors'],
  'national.read': ['wg_official'],
  'plans.read': ['la_officer', 'improvement_partner', 'wg_official'],
  'partnerships.read': ['la_officer', 'improvement_partner', 'partnership_coordinator', 'wg_official'],
};
