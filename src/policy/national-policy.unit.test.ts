import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays, person } from '../../test/support/policy-table.ts';
import { wgCan } from './national-policy.ts';

const all = { read: true, openRounds: true, publish: true, comment: true, markFinal: true, managePeople: true };
const none = { read: false, openRounds: false, publish: false, comment: false, markFinal: false, managePeople: false };

const ROWS = [
  ['a WG official', person(['wg_official', null]), all],
  ['a WG official who is also an administrator', person(['wg_official', null], ['administrator', null]), all],
  ['an LA officer', person(['la_officer', '681']), none],
  ['an improvement partner', person(['improvement_partner', '681']), none],
  ['a partnership coordinator', person(['partnership_coordinator', 'p1']), none],
  ['a headteacher', person(['headteacher', '6812308']), none],
  ['a chair of governors', person(['chair_of_governors', 'GB6812308']), none],
  ['an administrator', person(['administrator', null]), none],
  ['nobody', null, none],
] as const;

describe('who holds Welsh Government’s national powers', () => {
  it.each(ROWS)('%s', (_name, who, expected) => {
    expect(wgCan(who)).toEqual(expected);
  });

  it('has, for every need, someone who may and someone who may not', () => {
    expect(needsNotTestedBothWays(ROWS.map((row) => row[2]))).toEqual([]);
  });
});
