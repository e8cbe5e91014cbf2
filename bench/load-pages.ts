// What each kind of user does in a working session: the pages their role uses, in the order they
// would go through them. A virtual user walks its list round and round.
import type { LoadUser } from './load-users.ts';

export type PageKind =
  | 'home'
  | 'school home'
  | 'evidence list'
  | 'plan'
  | 'documents'
  | 'collaborative'
  | 'shared feed'
  | 'enquiries'
  | 'meetings'
  | 'LA overview'
  | 'caseload'
  | 'LA plan'
  | 'school search'
  | 'national picture'
  | 'LA plans (WG)';

export type Page = { kind: PageKind; path: string };

const school = (n: string): Page[] => [
  { kind: 'school home', path: `/schools/${n}/home` },
  { kind: 'evidence list', path: `/schools/${n}/evidence` },
  { kind: 'plan', path: `/schools/${n}/plan` },
  { kind: 'documents', path: `/schools/${n}/outputs` },
];

const space = (id: string): Page[] => [
  { kind: 'collaborative', path: `/collaboratives/${id}` },
  { kind: 'shared feed', path: `/collaboratives/${id}/shared` },
  { kind: 'enquiries', path: `/collaboratives/${id}/enquiries` },
  { kind: 'meetings', path: `/collaboratives/${id}/meetings` },
];

// The directory search people run to find a school; the terms vary so no one answer is cached.
const SEARCHES = ['ysgol', 'primary', 'Caerdydd', 'St', 'Gymraeg'];

/** The pages of `user`, the `index`th person (which varies what a WG official searches for). */
export function pagesFor(user: LoadUser, index: number): Page[] {
  const home: Page = { kind: 'home', path: '/' };
  switch (user.role) {
    case 'headteacher':
    case 'school_leader':
    case 'practitioner':
      return [home, ...school(user.school!), ...(user.collaborative ? space(user.collaborative).slice(0, 2) : [])];
    case 'governor':
      // Governors read the school's evaluation and plan and approve it; they do not add evidence.
      return [home, ...school(user.school!).filter((p) => p.kind !== 'evidence list')];
    case 'collaborative_lead':
      return [home, ...space(user.collaborative!)];
    case 'la_officer':
    case 'improvement_partner':
      return [
        home,
        { kind: 'LA overview', path: `/local-authorities/${user.la}/overview` },
        { kind: 'caseload', path: '/caseload' },
        ...user.visits.map((n) => ({ kind: 'school home' as const, path: `/schools/${n}/home` })),
        { kind: 'LA plan', path: `/local-authorities/${user.la}/plan` },
        ...(user.collaborative ? space(user.collaborative).slice(0, 2) : []),
      ];
    case 'wg_official':
      return [
        home,
        { kind: 'national picture', path: '/national' },
        { kind: 'LA plans (WG)', path: '/plans' },
        ...[0, 1]
          .map((k) => SEARCHES[(index + k) % SEARCHES.length]!)
          .map((q) => ({ kind: 'school search' as const, path: `/schools?q=${encodeURIComponent(q)}` })),
      ];
  }
}
