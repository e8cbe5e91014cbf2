import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays, person } from '../../test/support/policy-table.ts';
import { governingBodyCan } from './governing-body-policy.ts';
import type { SchoolContext } from './school-policy.ts';

const school: SchoolContext = {
  number: '6812308',
  name: 'Ysgol Bro Edern',
  laCode: '681',
  governingBodyId: 'GB6812308',
};
const withoutBody: SchoolContext = { ...school, governingBodyId: null };
const none = { member: false, readShared: false, readRevisions: false, approvePlan: false, questions: false };
const member = { member: true, readShared: true, readRevisions: true, approvePlan: true, questions: true };
const staff = { ...none, readRevisions: true, questions: true };

const ROWS = [
  ['a governor of its governing body', person(['governor', 'GB6812308']), school, member],
  ['the chair of its governors', person(['chair_of_governors', 'GB6812308']), school, member],
  ['a governor of another governing body', person(['governor', 'GB6812323']), school, none],
  ['a governor, at a school with no governing body recorded', person(['governor', 'GB6812308']), withoutBody, none],
  ['its headteacher', person(['headteacher', '6812308']), school, staff],
  ['a school leader', person(['school_leader', '6812308']), school, staff],
  ['a practitioner', person(['practitioner', '6812308']), school, staff],
  [
    'its headteacher, at a school with no governing body recorded',
    person(['headteacher', '6812308']),
    withoutBody,
    staff,
  ],
  ['the headteacher of another school', person(['headteacher', '6812323']), school, none],
  ['an LA officer of its LA', person(['la_officer', '681']), school, none],
  ['an improvement partner of its LA', person(['improvement_partner', '681']), school, none],
  ['a collaborative lead', person(['collaborative_lead', 'c1']), school, none],
  ['a WG official', person(['wg_official', null]), school, none],
  ['an administrator', person(['administrator', null]), school, none],
  ['nobody', null, school, none],
] as const;

describe('what is a school’s governing body’s to read and do', () => {
  it.each(ROWS)('%s', (_name, who, s, expected) => {
    expect(governingBodyCan(who, s)).toEqual(expected);
  });

  it('has, for every need, someone who may and someone who may not', () => {
    expect(needsNotTestedBothWays(ROWS.map((row) => row[3]))).toEqual([]);
  });
});
