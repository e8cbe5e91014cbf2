import type { ScopedAccess } from '../access/scopes.ts';
import type { CurrentUser, Role } from './roles.ts';

/**
 * The one place that decides access. Every route declares an Access; record-level
 * decisions (this school, that LA) go through the scope's policy beside this file
 * (`school-policy.ts`, `la-policy.ts`, ...), which builds on `hasRole` and `holdsScope` here.
 */
export type Permission =
  | 'users.manage'
  | 'audit.read'
  | 'directory.import'
  | 'collaboratives.read'
  | 'collaboratives.manage'
  | 'la.read'
  | 'la.manage'
  | 'concern.read'
  | 'national.read'
  | 'plans.read'
  | 'partnerships.read';

/** Who holds each platform-wide permission, whatever their scope. */
const PERMISSION_ROLES: Record<Permission, readonly Role[]> = {
  'users.manage': ['administrator'],
  'audit.read': ['administrator'],
  'directory.import': ['administrator'],
  // Which collaborative, and which LA, is decided by collaborative-policy.ts.
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
  // Which LA is decided by la-policy.ts.
  'la.read': ['la_officer', 'improvement_partner'],
  // The LA's own changes (its self-evaluation, learning records, partnerships): officers; which LA: la-policy.ts.
  'la.manage': ['la_officer'],
  // Schools causing concern: the LA's officers, and the school's headteacher and chair of governors (concern-case-policy.ts).
  'concern.read': ['la_officer', 'headteacher', 'chair_of_governors'],
  // Welsh Government's national picture, planning rounds and national publications (aggregates only).
  'national.read': ['wg_official'],
  // LA plans: the LA's own staff, and WG; which plan is decided by plan-policy.ts.
  'plans.read': ['la_officer', 'improvement_partner', 'wg_official'],
  // LA partnerships: LA staff of member LAs, and their coordinators (partnership-policy.ts).
  'partnerships.read': ['la_officer', 'improvement_partner', 'partnership_coordinator', 'wg_official'],
};

/** Every permission's name (they look like catalogue keys: the locales test tells them apart). */
export const PERMISSIONS = Object.keys(PERMISSION_ROLES) as Permission[];

/** Who may reach a route at all, whatever record it names. */
export type CoarseAccess = { public: true } | { signedIn: true } | { permission: Permission };
/**
 * A route's declared access: coarse, or a record scope (src/access/scopes.ts) whose loader decides
 * on the record named in the URL. A scoped route implies signed in, or its permission when it names one.
 */
export type Access = CoarseAccess | ScopedAccess;

/** The platform-wide part of an access, checked before any record is loaded. */
export function coarseAccess(access: Access): CoarseAccess {
  if (!('scope' in access)) return access;
  return access.permission ? { permission: access.permission } : { signedIn: true };
}

export function hasRole(user: CurrentUser | null, ...roles: Role[]): boolean {
  return !!user && user.assignments.some((a) => roles.includes(a.role));
}

export function holdsScope(user: CurrentUser | null, role: Role, scopeId: string | null): boolean {
  return !!user && user.assignments.some((a) => a.role === role && a.scopeId === scopeId);
}

export function can(user: CurrentUser | null, permission: Permission): boolean {
  return hasRole(user, ...PERMISSION_ROLES[permission]);
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

export function decide(user: CurrentUser | null, declared: Access): AccessDecision {
  const access = coarseAccess(declared);
  if ('public' in access) return 'allow';
  if (!user) return 'sign-in';
  if ('signedIn' in access) return 'allow';
  return can(user, access.permission) ? 'allow' : 'forbidden';
}

/** What the views may show: templates read these flags and never re-implement rules. */
export function canFlags(user: CurrentUser | null) {
  return {
    manageUsers: can(user, 'users.manage'),
    readAudit: can(user, 'audit.read'),
    importDirectory: can(user, 'directory.import'),
    readCollaboratives: can(user, 'collaboratives.read'),
    manageCollaboratives: can(user, 'collaboratives.manage'),
    readLocalAuthority: can(user, 'la.read'),
    readNational: can(user, 'national.read'),
    readPlans: can(user, 'plans.read'),
    readPartnerships: can(user, 'partnerships.read'),
  };
}
export type CanFlags = ReturnType<typeof canFlags>;
