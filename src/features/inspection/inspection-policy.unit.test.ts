import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays, person } from '../../../test/support/policy-table.ts';
import { schoolCan, type SchoolContext } from '../../policy/school-policy.ts';
import { inspectionCan } from './inspection-policy.ts';

const school: SchoolContext = { number: '6812308', name: 'Ysgol', laCode: '681', governingBodyId: 'GB6812308' };
const none = { read: false, edit: false, allPriorities: false };
const reader = { ...none, read: true };
const staff = { ...reader, allPriorities: true };
const leader = { ...staff, edit: true };

// Issue 15, part 6: staff and governors read, leaders edit, the school's LA staff read; nobody else.
const INSPECTION_ROWS = [
  ['its headteacher', person(['headteacher', '6812308']), leader],
  ['a school leader', person(['school_leader', '6812308']), leader],
  ['a practitioner', person(['practitioner', '6812308']), staff],
  ['a governor of its governing body', person(['governor', 'GB6812308']), reader],
  ['the chair of its governors', person(['chair_of_governors', 'GB6812308']), reader],
  ['an LA officer of its LA', person(['la_officer', '681']), reader],
  ['an improvement partner of its LA', person(['improvement_partner', '681']), reader],
  ['an LA officer of another LA', person(['la_officer', '660']), none],
  ['the headteacher of another school', person(['headteacher', '6812323']), none],
  ['a governor of another governing body', person(['governor', 'GB6812323']), none],
  ['a WG official', person(['wg_official', null]), none],
  ['an administrator', person(['administrator', null]), none],
  ['nobody', null, none],
] as const;

describe('who reads and who records a school’s last inspection', () => {
  it.each(INSPECTION_ROWS)('%s', (_name, who, expected) => {
    expect(inspectionCan(schoolCan(who, school))).toEqual(expected);
  });
  it('tests every need both ways', () => {
    expect(needsNotTestedBothWays(INSPECTION_ROWS.map((r) => r[2]))).toEqual([]);
  });
});
