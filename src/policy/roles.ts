/** Roles and the kind of scope each is held in (DOMAIN.md section 2). */
export const SCOPE_TYPES = [
  'school',
  'governing_body',
  'collaborative',
  'la',
  'la_partnership',
  'national',
  'platform',
] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export const ROLES = {
  headteacher: { scope: 'school' },
  school_leader: { scope: 'school' },
  practitioner: { scope: 'school' },
  governor: { scope: 'governing_body' },
  chair_of_governors: { scope: 'governing_body' },
  // The clerk to the governing body: reads what its governors read, records its decisions.
  clerk: { scope: 'governing_body' },
  collaborative_lead: { scope: 'collaborative' },
  improvement_partner: { scope: 'la' },
  la_officer: { scope: 'la' },
  partnership_coordinator: { scope: 'la_partnership' },
  wg_official: { scope: 'national' },
  administrator: { scope: 'platform' },
} as const satisfies Record<string, { scope: ScopeType }>;

export type Role = keyof typeof ROLES;

/** The roles held in a governing body: each reads what the school shares with its governors. */
export const GOVERNING_BODY_ROLES: readonly Role[] = ['governor', 'chair_of_governors', 'clerk'];
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

export function scopeOf(role: Role): ScopeType {
  return ROLES[role].scope;
}

export type RoleAssignment = { role: Role; scopeType: ScopeType; scopeId: string | null };

export type CurrentUser = {
  id: string;
  email: string;
  displayName: string;
  assignments: RoleAssignment[];
};
