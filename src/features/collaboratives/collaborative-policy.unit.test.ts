import { describe, expect, it } from 'vitest';
import { scopeOf, type CurrentUser, type Role } from '../../policy/roles.ts';
import { canSeeGaps, collaborativeCan, ledCollaborativeIds, managedLaCodes, staffLaCodes } from './collaborative-policy.ts';

const ID = '00000000-0000-4000-8000-00000000c011';
function user(...assignments: [Role, string | null][]): CurrentUser {
  return { id: 'u', email: 'u@example.test', displayName: 'U', assignments: assignments.map(([role, scopeId]) => ({ role, scopeType: scopeOf(role), scopeId })) };
}
const cardiffCluster = { id: ID, laCode: '681', memberLaCodes: ['681'] };
const crossLaGroup = { id: ID, laCode: '681', memberLaCodes: ['681', '660'] };

describe('who may view and manage a collaborative', () => {
  it.each([
    ['an LA officer of its LA', user(['la_officer', '681']), cardiffCluster, { view: true, manage: true }],
    ['an LA officer of another LA', user(['la_officer', '660']), cardiffCluster, { view: false, manage: false }],
    ['an LA officer of an LA with a member school in a cross-LA group', user(['la_officer', '660']), crossLaGroup, { view: true, manage: false }],
    ['an improvement partner of its LA', user(['improvement_partner', '681']), cardiffCluster, { view: true, manage: false }],
    ['an improvement partner of another LA', user(['improvement_partner', '662']), cardiffCluster, { view: false, manage: false }],
    ['its lead', user(['collaborative_lead', ID]), cardiffCluster, { view: true, manage: false }],
    ['the lead of another collaborative', user(['collaborative_lead', '00000000-0000-4000-8000-000000000000']), cardiffCluster, { view: false, manage: false }],
    ['a headteacher', user(['headteacher', '6812308']), cardiffCluster, { view: false, manage: false }],
    ['a partnership coordinator (not yet)', user(['partnership_coordinator', 'p1']), crossLaGroup, { view: false, manage: false }],
    ['an administrator', user(['administrator', null]), cardiffCluster, { view: false, manage: false }],
    ['nobody', null, cardiffCluster, { view: false, manage: false }],
  ] as const)('%s', (_name, who, collaborative, expected) => {
    expect(collaborativeCan(who, collaborative)).toEqual(expected);
  });

  it('lists the LAs and collaboratives a user works in', () => {
    const who = user(['la_officer', '681'], ['improvement_partner', '660'], ['collaborative_lead', ID], ['headteacher', '6812308']);
    expect(managedLaCodes(who)).toEqual(['681']);
    expect(staffLaCodes(who)).toEqual(['681', '660']);
    expect(ledCollaborativeIds(who)).toEqual([ID]);
    expect(canSeeGaps(who, '660')).toBe(true);
    expect(canSeeGaps(who, '662')).toBe(false);
    expect(canSeeGaps(user(['collaborative_lead', ID]), '681')).toBe(false);
  });
});
