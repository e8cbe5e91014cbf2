import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../policy/roles.ts';
import { canOpen, type OpenableRoute } from './can-open.ts';
import type { ResolvedScope } from './request-scope.ts';
import { routeMatcher } from './route-match.ts';
import { scopeLoaders } from './scope-loaders.ts';

const governor: CurrentUser = {
  id: 'g',
  email: 'g@example.test',
  displayName: 'G',
  assignments: [{ role: 'governor', scopeType: 'governing_body', scopeId: 'GB6812308' }],
};
const wg: CurrentUser = {
  id: 'w',
  email: 'w@example.test',
  displayName: 'W',
  assignments: [{ role: 'wg_official', scopeType: 'national', scopeId: null }],
};

const routes: OpenableRoute[] = [
  { url: '/', access: { signedIn: true } },
  { url: '/admin/users', access: { permission: 'users.manage' } },
  { url: '/schools/:number/home', access: { scope: 'school' } },
  { url: '/schools/:number/cycle', access: { scope: 'school', need: 'readPrivate' } },
  { url: '/schools/:number/plan/revisions', access: { scope: 'governingBody', need: 'readRevisions' } },
  { url: '/a/:schoolNumber', access: { scope: 'school', params: { number: 'schoolNumber' } } },
  { url: '/collaboratives/:id', access: { scope: 'collaborative', permission: 'collaboratives.read' } },
  { url: '/national/priorities', access: { scope: 'national', need: 'publish', permission: 'national.read' } },
];
const find = routeMatcher(routes);

/** The page of school 6812308 as its governor sees it: the school loader decided both the school and its governing body. */
const schoolPage: ResolvedScope = {
  scope: 'school',
  ids: { number: '6812308' },
  context: {
    school: { number: '6812308', name: 'Ysgol', laCode: '681', governingBodyId: 'GB6812308' },
    can: {
      staff: false,
      readPrivate: false,
      addEvidence: false,
      edit: false,
      curate: false,
      widenSharing: false,
      narrowSharing: false,
      localAuthority: false,
      viewArea: true,
      managePeople: false,
    },
    governingBodyCan: {
      member: true,
      readShared: true,
      readRevisions: true,
      approvePlan: true,
      delegateApproval: true,
      questions: true,
    },
  },
};

const open = (address: string, user: CurrentUser | null, current: ResolvedScope | null, given = {}) =>
  canOpen(find(address), user, current, scopeLoaders, address, given);

describe('canOpen', () => {
  it('asks an unscoped route its coarse access only', () => {
    expect(open('/', governor, null)).toBe(true);
    expect(open('/', null, null)).toBe(false);
    expect(open('/admin/users', governor, null)).toBe(false);
  });

  it('says no to an address no route serves', () => {
    expect(open('/nowhere', governor, schoolPage)).toBe(false);
  });

  it('asks the page’s own record the need the link’s route declares', () => {
    expect(open('/schools/6812308/home', governor, schoolPage)).toBe(true);
    expect(open('/schools/6812308/cycle', governor, schoolPage)).toBe(false);
    expect(open('/schools/6812308/plan/revisions', governor, schoolPage)).toBe(true);
    expect(open('/a/6812308', governor, schoolPage)).toBe(true);
  });

  it('fails loudly for another record, or a scope the page did not decide, unless that record’s can is given', () => {
    expect(() => open('/schools/6812323/home', governor, schoolPage)).toThrow('canOpen(/schools/6812323/home)');
    expect(() => open('/schools/6812308/home', governor, null)).toThrow();
    expect(() =>
      open(
        '/collaboratives/c1',
        { ...governor, assignments: [{ role: 'headteacher', scopeType: 'school', scopeId: '6812308' }] },
        schoolPage,
      ),
    ).toThrow();
    const head: CurrentUser = {
      ...governor,
      assignments: [{ role: 'headteacher', scopeType: 'school', scopeId: '6812308' }],
    };
    expect(open('/collaboratives/c1', head, schoolPage, { collaborative: { view: true } })).toBe(true);
    expect(open('/collaboratives/c1', head, schoolPage, { collaborative: { view: false } })).toBe(false);
  });

  it('checks the permission before any record’s can', () => {
    expect(open('/collaboratives/c1', wg, null, { collaborative: { view: true } })).toBe(false);
  });

  it('decides a scope with no record (national) from the user, on any page', () => {
    expect(open('/national/priorities', wg, null)).toBe(true);
    expect(open('/national/priorities', governor, schoolPage)).toBe(false);
  });
});
