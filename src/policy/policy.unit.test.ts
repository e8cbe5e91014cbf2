import { describe, expect, it } from 'vitest';
import { can, canFlags, decide, hasRole, holdsScope, type Access, type Permission } from './policy.ts';
import { ROLE_NAMES, scopeOf, type CurrentUser, type Role } from './roles.ts';

function userWith(...roles: Role[]): CurrentUser {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'someone@example.test',
    displayName: 'Someone',
    assignments: roles.map((role) => ({
      role,
      scopeType: scopeOf(role),
      scopeId: scopeOf(role) === 'la' ? '681' : null,
    })),
  };
}

// Written out here, not imported: the policy must agree with what we expect, not with itself.
const PERMISSION_HOLDERS: Record<Permission, Role[]> = {
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
const PERMISSIONS = Object.keys(PERMISSION_HOLDERS) as Permission[];

describe('decide', () => {
  const anyone: Access = { public: true };
  const signedIn: Access = { signedIn: true };

  it('lets everyone, signed in or not, reach a public route', () => {
    expect(decide(null, anyone)).toBe('allow');
    expect(decide(userWith(), anyone)).toBe('allow');
    expect(decide(userWith('administrator'), anyone)).toBe('allow');
  });

  it('sends an anonymous visitor to sign in for anything not public', () => {
    expect(decide(null, signedIn)).toBe('sign-in');
    for (const permission of PERMISSIONS) expect(decide(null, { permission })).toBe('sign-in');
  });

  it('lets any signed-in user, even one with no role, reach a signed-in route', () => {
    expect(decide(userWith(), signedIn)).toBe('allow');
    for (const role of ROLE_NAMES) expect(decide(userWith(role), signedIn)).toBe('allow');
  });

  const cases = PERMISSIONS.flatMap((permission) =>
    ROLE_NAMES.map((role) => ({
      permission,
      role,
      expected: PERMISSION_HOLDERS[permission].includes(role) ? 'allow' : 'forbidden',
    })),
  );
  it.each(cases)('$role on $permission: $expected', ({ permission, role, expected }) => {
    expect(decide(userWith(role), { permission })).toBe(expected);
    expect(can(userWith(role), permission)).toBe(expected === 'allow');
  });

  it('forbids a signed-in user with no role any permission', () => {
    for (const permission of PERMISSIONS) expect(decide(userWith(), { permission })).toBe('forbidden');
  });

  it('allows a permission when any one of several roles holds it', () => {
    expect(decide(userWith('headteacher', 'administrator'), { permission: 'users.manage' })).toBe('allow');
    expect(decide(userWith('headteacher', 'la_officer', 'wg_official'), { permission: 'users.manage' })).toBe(
      'forbidden',
    );
  });
});

describe('can', () => {
  it('is false for nobody', () => {
    for (const permission of PERMISSIONS) expect(can(null, permission)).toBe(false);
  });
});

describe('canFlags', () => {
  it('shows the administration links to an administrator only', () => {
    const none = {
      manageUsers: false,
      readAudit: false,
      importDirectory: false,
      readCollaboratives: false,
      manageCollaboratives: false,
      readLocalAuthority: false,
      readNational: false,
      readPlans: false,
      readPartnerships: false,
    };
    expect(canFlags(userWith('administrator'))).toEqual({
      ...none,
      manageUsers: true,
      readAudit: true,
      importDirectory: true,
    });
    expect(canFlags(null)).toEqual(none);
    for (const role of ROLE_NAMES.filter((r) => r !== 'administrator')) {
      const collaboratives = {
        readCollaboratives: PERMISSION_HOLDERS['collaboratives.read'].includes(role),
        manageCollaboratives: PERMISSION_HOLDERS['collaboratives.manage'].includes(role),
        readLocalAuthority: PERMISSION_HOLDERS['la.read'].includes(role),
        readNational: PERMISSION_HOLDERS['national.read'].includes(role),
        readPlans: PERMISSION_HOLDERS['plans.read'].includes(role),
        readPartnerships: PERMISSION_HOLDERS['partnerships.read'].includes(role),
      };
      expect(canFlags(userWith(role)), role).toEqual({ ...none, ...collaboratives });
    }
  });
});

describe('hasRole and holdsScope', () => {
  it('match on role, and on role and scope together', () => {
    const officer = userWith('la_officer');
    expect(hasRole(officer, 'la_officer', 'headteacher')).toBe(true);
    expect(hasRole(officer, 'headteacher')).toBe(false);
    expect(hasRole(null, 'la_officer')).toBe(false);
    expect(holdsScope(officer, 'la_officer', '681')).toBe(true);
    expect(holdsScope(officer, 'la_officer', '660')).toBe(false);
    expect(holdsScope(officer, 'improvement_partner', '681')).toBe(false);
    expect(holdsScope(null, 'la_officer', '681')).toBe(false);
  });
});
