import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays, person } from '../../../test/support/policy-table.ts';
import { laCan } from '../../policy/la-policy.ts';
import { schoolCan, type SchoolContext } from '../../policy/school-policy.ts';
import { laVisionCan, schoolVisionCan } from './vision-policy.ts';

const school: SchoolContext = { number: '6812308', name: 'Ysgol', laCode: '681', governingBodyId: 'GB6812308' };

// Part 7: a school's vision is read by everyone who reads its plan, written by its leaders.
const SCHOOL_VISION_ROWS = [
  ['its headteacher', person(['headteacher', '6812308']), { read: true, edit: true }],
  ['a school leader', person(['school_leader', '6812308']), { read: true, edit: true }],
  ['a practitioner', person(['practitioner', '6812308']), { read: true, edit: false }],
  ['a governor of its governing body', person(['governor', 'GB6812308']), { read: true, edit: false }],
  ['an LA officer of its LA', person(['la_officer', '681']), { read: true, edit: false }],
  ['an LA officer of another LA', person(['la_officer', '660']), { read: false, edit: false }],
  ['the headteacher of another school', person(['headteacher', '6812323']), { read: false, edit: false }],
  ['nobody', null, { read: false, edit: false }],
] as const;

describe('who reads and who writes a school’s vision', () => {
  it.each(SCHOOL_VISION_ROWS)('%s', (_name, who, expected) => {
    expect(schoolVisionCan(schoolCan(who, school))).toEqual(expected);
  });
  it('tests every need both ways', () => {
    expect(needsNotTestedBothWays(SCHOOL_VISION_ROWS.map((r) => r[2]))).toEqual([]);
  });
});

// Part 7: an LA's collective vision is read by its staff, written by its officers.
const LA_VISION_ROWS = [
  ['an LA officer of the LA', person(['la_officer', '681']), { read: true, edit: true }],
  ['an improvement partner of the LA', person(['improvement_partner', '681']), { read: true, edit: false }],
  ['an LA officer of another LA', person(['la_officer', '660']), { read: false, edit: false }],
  ['a headteacher in the LA', person(['headteacher', '6812308']), { read: false, edit: false }],
  ['a WG official', person(['wg_official', null]), { read: false, edit: false }],
  ['nobody', null, { read: false, edit: false }],
] as const;

describe('who reads and who writes an LA’s collective vision', () => {
  it.each(LA_VISION_ROWS)('%s', (_name, who, expected) => {
    expect(laVisionCan(laCan(who, '681'))).toEqual(expected);
  });
  it('tests every need both ways', () => {
    expect(needsNotTestedBothWays(LA_VISION_ROWS.map((r) => r[2]))).toEqual([]);
  });
});
