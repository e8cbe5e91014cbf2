// The record scopes a route may act on, as types only: what each one needs from the URL, which
// needs it answers (the keys of its `can`, from the scope's policy in src/policy/), and the context
// its loader puts on the request. Each scope's loader lives in loaders/<scope>.ts, listed in
// scope-loaders.ts; the hook that runs them is scope-plugin.ts.
import type { Permission } from '../policy/policy.ts';
import type { CaseStudyCan } from '../policy/case-study-policy.ts';
import type { ConcernCaseCan } from '../policy/concern-case-policy.ts';
import type { EnquiryCan } from '../policy/enquiry-policy.ts';
import type { GoverningBodyCan } from '../policy/governing-body-policy.ts';
import type { LaCan } from '../policy/la-policy.ts';
import type { WgCan } from '../policy/national-policy.ts';
import type { PartnershipCan } from '../policy/partnership-policy.ts';
import type { PlanCan } from '../policy/plan-policy.ts';
import type { SchoolCan } from '../policy/school-policy.ts';
import type { CaseStudyContext } from './loaders/case-study.ts';
import type { CollaborativeContext, CollaborativeNeed } from './loaders/collaborative.ts';
import type { CaseContext } from './loaders/concern-case.ts';
import type { EnquiryContext } from './loaders/enquiry.ts';
import type { LaContext } from './loaders/la.ts';
import type { NationalContext } from './loaders/national.ts';
import type { PartnershipContext } from './loaders/partnership.ts';
import type { PlanAccess, RoundContext } from './loaders/plan.ts';
import type { SchoolRequestContext } from './loaders/school.ts';

/** Each scope: the path parameters its loader reads, the needs it answers, the context it loads. */
export interface Scopes {
  school: { params: 'number'; need: keyof SchoolCan; context: SchoolRequestContext };
  governingBody: { params: 'number'; need: keyof GoverningBodyCan; context: SchoolRequestContext };
  collaborative: { params: 'id'; need: CollaborativeNeed; context: CollaborativeContext };
  enquiry: { params: 'id' | 'enquiryId'; need: keyof EnquiryCan; context: EnquiryContext };
  la: { params: 'code'; need: keyof LaCan; context: LaContext };
  partnership: { params: 'id'; need: keyof PartnershipCan; context: PartnershipContext };
  plan: { params: 'planId'; need: keyof PlanCan; context: PlanAccess };
  round: { params: 'roundId'; need: never; context: RoundContext };
  concernCase: { params: 'id'; need: keyof ConcernCaseCan; context: CaseContext };
  caseStudy: { params: 'id'; need: keyof CaseStudyCan; context: CaseStudyContext };
  national: { params: never; need: keyof WgCan; context: NationalContext };
}
export type ScopeName = keyof Scopes;
export type ScopeNeed<S extends ScopeName> = Scopes[S]['need'];
export type ScopeContext<S extends ScopeName> = Scopes[S]['context'];

/**
 * A route that acts on one record: the scope, the need (the scope's default when left out), which
 * path parameter holds each of the loader's keys (by default the parameter of the same name), and
 * the platform permission checked before anything is loaded (signed in is enough when left out).
 */
export type ScopedAccess = {
  [S in ScopeName]: {
    scope: S;
    need?: ScopeNeed<S>;
    params?: Partial<Record<Scopes[S]['params'], string>>;
    permission?: Permission;
  };
}[ScopeName];

/** What the route registry records of a scoped route. */
export type DeclaredScope = { scope: ScopeName; need: string | null };

/** The need a route gets when it names none: seeing the record at all (the same defaults as before). */
export const DEFAULT_NEEDS: { [S in ScopeName]: ScopeNeed<S> | null } = {
  school: 'viewArea',
  governingBody: 'member',
  collaborative: 'view',
  enquiry: 'seeHeadline',
  la: 'staff',
  partnership: 'view',
  plan: 'view',
  round: null,
  concernCase: 'view',
  caseStudy: 'view',
  national: 'read',
};

type CoarseConfig = { readonly access: { readonly signedIn: true } | { readonly permission: Permission } };

/**
 * A route's config acting on one record: the feature's usual coarse access (signed in, or a
 * permission checked before anything is loaded) plus the scope and the need.
 */
export function scoped<S extends ScopeName>(
  coarse: CoarseConfig,
  scope: S,
  need?: ScopeNeed<S>,
): { access: ScopedAccess } {
  const permission = 'permission' in coarse.access ? { permission: coarse.access.permission } : {};
  return { access: { ...permission, scope, ...(need ? { need } : {}) } as ScopedAccess };
}
