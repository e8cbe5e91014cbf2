// The service navigation (issue 13): the person's own places first (their school, collaboratives,
// LA, Wales), then the directory, then the rest. Every item is shown only when its address opens
// for the reader, asked of the address's own route (canOpen), as every other link is.
import type { GivenCans } from '../access/can-open.ts';
import { staffSchoolNumbers } from '../policy/collaborative-policy.ts';
import { laCan, laStaffCodes } from '../policy/la-policy.ts';
import { canFlags, hasRole } from '../policy/policy.ts';
import type { CurrentUser } from '../policy/roles.ts';
import { schoolCan } from '../policy/school-policy.ts';
import { governingBodyIds } from '../policy/governing-body-policy.ts';

/**
 * `section`: the pages' `activeNav` that marks the item current (its key when left out).
 * `personal`: its address names the reader's own record, so the cached header leaves a slot for it.
 */
export type NavItem = { key: string; href: string; section?: string; personal?: boolean; given?: GivenCans };

export type CanOpen = (address: string, given?: GivenCans) => boolean;

/**
 * "Your school": straight to the area of the one school a member of staff works in; to the list of
 * their schools when they hold several, or govern (the directory names a governing body's school).
 */
function yourSchool(user: CurrentUser): NavItem | null {
  const numbers = [...new Set(staffSchoolNumbers(user))];
  const governs = governingBodyIds(user).length;
  if (numbers.length === 1 && governs === 0) {
    const number = numbers[0]!;
    // A member of staff's can for their own school needs only its number (school-policy.ts).
    const school = schoolCan(user, { number, name: '', laCode: '', governingBodyId: null });
    return {
      key: 'yourSchool',
      href: `/schools/${number}/home`,
      section: 'yourSchools',
      personal: true,
      given: { school },
    };
  }
  if (numbers.length + governs === 0) return null;
  return {
    key: numbers.length + governs > 1 ? 'yourSchools' : 'yourSchool',
    href: '/your-schools',
    section: 'yourSchools',
  };
}

/** "Your local authority": the LA's overview for its staff, or a choice when they serve several. */
function yourLa(user: CurrentUser): NavItem | null {
  const codes = [...new Set(laStaffCodes(user))];
  if (codes.length === 0) return null;
  if (codes.length > 1) return { key: 'localImprovement', href: '/local-improvement' };
  const code = codes[0]!;
  return {
    key: 'localImprovement',
    href: `/local-authorities/${code}/overview`,
    personal: true,
    given: { la: laCan(user, code) },
  };
}

/** Every item's key (its label is chrome.nav.<key>): the catalogue test checks each has one. */
export const NAV_KEYS = [
  'home',
  'yourSchool',
  'yourSchools',
  'yourCollaboratives',
  'collaboratives',
  'localImprovement',
  'national',
  'plans',
  'partnerships',
  'schools',
  'localAuthorities',
  'goodPractice',
  'users',
  'audit',
  'directoryImport',
  'account',
] as const;

export function navigationFor(user: CurrentUser | null, canOpen: CanOpen): NavItem[] {
  if (!user) return [];
  const can = canFlags(user);
  // Members of collaboratives see theirs; LA staff and coordinators oversee their LAs'.
  const oversees = hasRole(user, 'la_officer', 'improvement_partner', 'partnership_coordinator');
  const candidates: (NavItem | null)[] = [
    { key: 'home', href: '/' },
    yourSchool(user),
    can.readCollaboratives
      ? { key: oversees ? 'collaboratives' : 'yourCollaboratives', href: '/collaboratives', section: 'collaboratives' }
      : null,
    yourLa(user),
    { key: 'national', href: '/national' },
    { key: 'plans', href: '/plans' },
    { key: 'partnerships', href: '/partnerships' },
    { key: 'schools', href: '/schools' },
    { key: 'localAuthorities', href: '/local-authorities' },
    { key: 'goodPractice', href: '/good-practice' },
    { key: 'users', href: '/admin/users' },
    { key: 'audit', href: '/admin/audit' },
    { key: 'directoryImport', href: '/admin/directory' },
    { key: 'account', href: '/account' },
  ];
  return candidates.filter((item): item is NavItem => !!item && canOpen(item.href, item.given));
}
