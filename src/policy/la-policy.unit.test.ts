import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays, person } from '../../test/support/policy-table.ts';
import { laCan, laStaffCodes, servesLa } from './la-policy.ts';

const nothing = {
  staff: false,
  officer: false,
  editSelfEvaluation: false,
  broker: false,
  recordLearning: false,
  concern: false,
  managePeople: false,
};

const ROWS = [
  [
    'an LA officer of the LA',
    person(['la_officer', '681']),
    {
      staff: true,
      officer: true,
      editSelfEvaluation: true,
      broker: true,
      recordLearning: true,
      concern: true,
      managePeople: true,
    },
  ],
  [
    'an improvement partner of the LA',
    person(['improvement_partner', '681']),
    { ...nothing, staff: true, broker: true },
  ],
  ['an LA officer of another LA', person(['la_officer', '660']), nothing],
  ['an improvement partner of another LA', person(['improvement_partner', '660']), nothing],
  ['a headteacher in the LA', person(['headteacher', '6812308']), nothing],
  ['a governor in the LA', person(['chair_of_governors', 'GB6812308']), nothing],
  ['a collaborative lead', person(['collaborative_lead', 'c1']), nothing],
  ['a partnership coordinator', person(['partnership_coordinator', 'p1']), nothing],
  ['a WG official', person(['wg_official', null]), nothing],
  ['an administrator', person(['administrator', null]), nothing],
  ['nobody', null, nothing],
] as const;

describe('who may do what in an LA’s own area', () => {
  it.each(ROWS)('%s', (_name, who, expected) => {
    expect(laCan(who, '681')).toEqual(expected);
  });

  it('has, for every need, someone who may and someone who may not', () => {
    expect(needsNotTestedBothWays(ROWS.map((row) => row[2]))).toEqual([]);
  });

  it('lists the LAs a person works in', () => {
    expect(
      laStaffCodes(person(['la_officer', '681'], ['improvement_partner', '660'], ['headteacher', '6812308'])),
    ).toEqual(['681', '660']);
    expect(servesLa(person(['improvement_partner', '660']), '660')).toBe(true);
    expect(servesLa(person(['improvement_partner', '660']), '681')).toBe(false);
  });
});
