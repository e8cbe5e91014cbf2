import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays } from '../../test/support/policy-table.ts';
import { scopeOf, type CurrentUser, type Role } from './roles.ts';
import { laCan } from './la-policy.ts';
import { collaborativeCan, ledCollaborativeIds, managedLaCodes, staffLaCodes } from './collaborative-policy.ts';

const ID = '00000000-0000-4000-8000-00000000c011';
function user(...assignments: [Role, string | null][]): CurrentUser {
  return {
    id: 'u',
    email: 'u@example.test',
    displayName: 'U',
    assignments: assignments.map(([role, scopeId]) => ({ role, scopeType: scopeOf(role), scopeId })),
  };
}
const base = { id: ID, laCode: '681', memberSchools: ['6812308', '6814001'], facilitatorIds: ['facilitator'] };
const cardiffCluster = { ...base, memberLaCodes: ['681'] };
const crossLaGroup = { ...base, memberSchools: ['6812308', '6604010'], memberLaCodes: ['681', '660'] };
const withId = (who: CurrentUser, id: string): CurrentUser => ({ ...who, id });
const none = {
  view: false,
  manage: false,
  space: false,
  lead: false,
  facilitator: false,
  record: false,
  convene: false,
  reciprocity: false,
  hostSchools: [],
};

const ROWS = [
  [
    'an LA officer of its LA',
    user(['la_officer', '681']),
    cardiffCluster,
    { ...none, view: true, manage: true, reciprocity: true },
  ],
  ['an LA officer of another LA', user(['la_officer', '660']), cardiffCluster, none],
  [
    'an LA officer of an LA with a member school in a cross-LA group',
    user(['la_officer', '660']),
    crossLaGroup,
    { ...none, view: true, reciprocity: true },
  ],
  [
    'an improvement partner of its LA (not facilitating)',
    user(['improvement_partner', '681']),
    cardiffCluster,
    { ...none, view: true, reciprocity: true },
  ],
  [
    'its LA facilitator',
    withId(user(['improvement_partner', '681']), 'facilitator'),
    cardiffCluster,
    { ...none, view: true, space: true, facilitator: true, record: true, convene: true, reciprocity: true },
  ],
  ['an improvement partner of another LA', user(['improvement_partner', '662']), cardiffCluster, none],
  [
    'its lead',
    user(['collaborative_lead', ID]),
    cardiffCluster,
    { ...none, view: true, space: true, lead: true, record: true, convene: true, reciprocity: true },
  ],
  [
    'the lead of another collaborative',
    user(['collaborative_lead', '00000000-0000-4000-8000-000000000000']),
    cardiffCluster,
    none,
  ],
  [
    'the headteacher of a member school',
    user(['headteacher', '6812308']),
    cardiffCluster,
    { ...none, view: true, space: true, record: true, reciprocity: true, hostSchools: ['6812308'] },
  ],
  [
    'a school leader of a member school',
    user(['school_leader', '6814001']),
    cardiffCluster,
    { ...none, view: true, space: true, record: true, reciprocity: true, hostSchools: ['6814001'] },
  ],
  [
    'a practitioner of a member school',
    user(['practitioner', '6812308']),
    cardiffCluster,
    { ...none, view: true, space: true, reciprocity: true },
  ],
  ['the headteacher of a school outside it', user(['headteacher', '6819999']), cardiffCluster, none],
  ['a governor of a member school', user(['governor', 'gb-1']), cardiffCluster, none],
  ['an administrator', user(['administrator', null]), cardiffCluster, none],
  ['a WG official', user(['wg_official', null]), cardiffCluster, none],
  ['nobody', null, cardiffCluster, none],
  // A member school leader of the cross-LA group acts for their school only (hostSchools).
  [
    'a school leader of both member schools',
    user(['school_leader', '6812308'], ['headteacher', '6604010']),
    crossLaGroup,
    { ...none, view: true, space: true, record: true, reciprocity: true, hostSchools: ['6812308', '6604010'] },
  ],
] as const;

describe('who may do what in a collaborative', () => {
  it.each(ROWS)('%s', (_name, who, collaborative, expected) => {
    expect(collaborativeCan(who, collaborative)).toEqual(expected);
  });

  it('has, for every need, someone who may and someone who may not', () => {
    expect(needsNotTestedBothWays(ROWS.map((row) => row[3]))).toEqual([]);
  });

  it("lets a partnership coordinator manage the collaboratives of the partnership's LAs, and no others", () => {
    const coordinator = user(['partnership_coordinator', 'p1']);
    expect(collaborativeCan(coordinator, crossLaGroup, ['681', '660'])).toMatchObject({
      view: true,
      manage: true,
      space: false,
    });
    expect(collaborativeCan(coordinator, crossLaGroup, ['662'])).toEqual(none);
  });

  it('lists the LAs and collaboratives a user works in', () => {
    const who = user(
      ['la_officer', '681'],
      ['improvement_partner', '660'],
      ['collaborative_lead', ID],
      ['headteacher', '6812308'],
    );
    expect(managedLaCodes(who)).toEqual(['681']);
    expect(staffLaCodes(who)).toEqual(['681', '660']);
    expect(ledCollaborativeIds(who)).toEqual([ID]);
    // Which LA's collaboration gaps they may see: the LA area's rule (la-policy.ts).
    expect(laCan(who, '660').staff).toBe(true);
    expect(laCan(who, '662').staff).toBe(false);
    expect(laCan(user(['collaborative_lead', ID]), '681').staff).toBe(false);
  });
});
