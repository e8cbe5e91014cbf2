import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays, person } from '../../test/support/policy-table.ts';
import { audiencesFor, schoolCan, staffRole, type SchoolContext } from './school-policy.ts';

const school: SchoolContext = {
  number: '6812308',
  name: 'Ysgol Bro Edern',
  laCode: '681',
  governingBodyId: 'GB6812308',
};
const withoutBody: SchoolContext = { ...school, governingBodyId: null };
const none = {
  staff: false,
  readPrivate: false,
  addEvidence: false,
  edit: false,
  curate: false,
  widenSharing: false,
  narrowSharing: false,
  localAuthority: false,
  viewArea: false,
  managePeople: false,
};
const staff = { ...none, staff: true, readPrivate: true, addEvidence: true, viewArea: true };
const leader = { ...staff, edit: true, curate: true, narrowSharing: true };

const ROWS = [
  [
    'its headteacher',
    person(['headteacher', '6812308']),
    school,
    { ...leader, widenSharing: true, managePeople: true },
  ],
  ['a school leader', person(['school_leader', '6812308']), school, leader],
  ['a practitioner', person(['practitioner', '6812308']), school, staff],
  ['a governor of its governing body', person(['governor', 'GB6812308']), school, { ...none, viewArea: true }],
  ['the chair of its governors', person(['chair_of_governors', 'GB6812308']), school, { ...none, viewArea: true }],
  ['a governor of another governing body', person(['governor', 'GB6812323']), school, none],
  ['a governor, at a school with no governing body recorded', person(['governor', 'GB6812308']), withoutBody, none],
  ['an LA officer of its LA', person(['la_officer', '681']), school, { ...none, localAuthority: true, viewArea: true }],
  [
    'an improvement partner of its LA',
    person(['improvement_partner', '681']),
    school,
    { ...none, localAuthority: true, viewArea: true },
  ],
  ['an LA officer of another LA', person(['la_officer', '660']), school, none],
  ['the headteacher of another school', person(['headteacher', '6812323']), school, none],
  ['a collaborative lead', person(['collaborative_lead', 'c1']), school, none],
  ['a partnership coordinator', person(['partnership_coordinator', 'p1']), school, none],
  ['a WG official', person(['wg_official', null]), school, none],
  ['an administrator', person(['administrator', null]), school, none],
  ['nobody', null, school, none],
] as const;

describe('who may do what in a school’s improvement area', () => {
  it.each(ROWS)('%s', (_name, who, s, expected) => {
    expect(schoolCan(who, s)).toEqual(expected);
  });

  it('has, for every need, someone who may and someone who may not', () => {
    expect(needsNotTestedBothWays(ROWS.map((row) => row[3]))).toEqual([]);
  });

  it('takes the highest staff role a person holds in the school', () => {
    expect(staffRole(person(['practitioner', '6812308'], ['headteacher', '6812308']), school)).toBe('headteacher');
    expect(staffRole(person(['practitioner', '6812308'], ['school_leader', '6812308']), school)).toBe('school_leader');
    expect(staffRole(person(['headteacher', '6812323']), school)).toBeNull();
  });
});

describe('what a school shared that each reader reads', () => {
  it.each([
    ['its governors', person(['governor', 'GB6812308']), ['public', 'governors']],
    ['its LA’s staff', person(['improvement_partner', '681']), ['public', 'la']],
    ['someone both', person(['chair_of_governors', 'GB6812308'], ['la_officer', '681']), ['public', 'governors', 'la']],
    ['anyone else', person(['headteacher', '6812323']), ['public']],
    ['nobody', null, ['public']],
  ] as const)('%s: %j', (_name, who, expected) => {
    expect(audiencesFor(who, school)).toEqual(expected);
  });
});
