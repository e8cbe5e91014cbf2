import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays, person } from '../../test/support/policy-table.ts';
import { partnershipCan } from './partnership-policy.ts';

const p = { id: 'p1', laCodes: ['681', '673'] };
const none = { view: false, manage: false, coordinator: false };

const ROWS = [
  ['an officer of a member LA', person(['la_officer', '681']), { view: true, manage: true, coordinator: false }],
  [
    'an officer of the other member LA',
    person(['la_officer', '673']),
    { view: true, manage: true, coordinator: false },
  ],
  [
    'an improvement partner of a member LA',
    person(['improvement_partner', '681']),
    { view: true, manage: false, coordinator: false },
  ],
  ['its coordinator', person(['partnership_coordinator', 'p1']), { view: true, manage: false, coordinator: true }],
  ['another partnership’s coordinator', person(['partnership_coordinator', 'p2']), none],
  ['an officer of an LA outside it', person(['la_officer', '670']), none],
  ['an improvement partner of an LA outside it', person(['improvement_partner', '670']), none],
  ['WG', person(['wg_official', null]), { view: true, manage: false, coordinator: false }],
  ['a headteacher', person(['headteacher', '6812308']), none],
  ['an administrator', person(['administrator', null]), none],
  ['nobody', null, none],
] as const;

describe('who may see and manage an LA partnership', () => {
  it.each(ROWS)('%s', (_name, who, expected) => {
    expect(partnershipCan(who, p)).toEqual(expected);
  });

  it('has, for every need, someone who may and someone who may not', () => {
    expect(needsNotTestedBothWays(ROWS.map((row) => row[2]))).toEqual([]);
  });
});
