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
const none = {
  member: false,
  readShared: false,
  readRevisions: false,
  approvePlan: false,
  delegateApproval: false,
  questions: false,
};
const member = { ...none, member: true, readShared: true, readRevisions: true, questions: true };
const records = { ...member, approvePlan: true, delegateApproval: true };
const delegated = { ...member, approvePlan: true };
const staff = { ...none, readRevisions: true, questions: true };
const DELEGATED = { delegatedToApprove: true };

const ROWS = [
  ['a governor of its governing body', person(['governor', 'GB6812308']), school, undefined, member],
  ['a governor its governing body delegated', person(['governor', 'GB6812308']), school, DELEGATED, delegated],
  ['the chair of its governors', person(['chair_of_governors', 'GB6812308']), school, undefined, records],
  ['the clerk to its governing body', person(['clerk', 'GB6812308']), school, undefined, records],
  ['the clerk to another governing body', person(['clerk', 'GB6812323']), school, undefined, none],
  ['the chair of another governing body', person(['chair_of_governors', 'GB6812323']), school, undefined, none],
  ['a governor of another governing body', person(['governor', 'GB6812323']), school, undefined, none],
  // A delegation is a governor's: the loader finds none for anyone else, and the policy asks for both.
  ['a headteacher, were a delegation found', person(['headteacher', '6812308']), school, DELEGATED, staff],
  [
    'a governor, at a school with no governing body recorded',
    person(['governor', 'GB6812308']),
    withoutBody,
    DELEGATED,
    none,
  ],
  [
    'the chair, at a school with no governing body recorded',
    person(['chair_of_governors', 'GB6812308']),
    withoutBody,
    undefined,
    none,
  ],
  ['its headteacher', person(['headteacher', '6812308']), school, undefined, staff],
  ['a school leader', person(['school_leader', '6812308']), school, undefined, staff],
  ['a practitioner', person(['practitioner', '6812308']), school, undefined, staff],
  [
    'its headteacher, at a school with no governing body recorded',
    person(['headteacher', '6812308']),
    withoutBody,
    undefined,
    staff,
  ],
  ['the headteacher of another school', person(['headteacher', '6812323']), school, undefined, none],
  ['an LA officer of its LA', person(['la_officer', '681']), school, undefined, none],
  ['an improvement partner of its LA', person(['improvement_partner', '681']), school, undefined, none],
  ['a collaborative lead', person(['collaborative_lead', 'c1']), school, undefined, none],
  ['a WG official', person(['wg_official', null]), school, undefined, none],
  ['an administrator', person(['administrator', null]), school, undefined, none],
  ['nobody', null, school, undefined, none],
] as const;

describe('what is a school’s governing body’s to read and do', () => {
  it.each(ROWS)('%s', (_name, who, s, facts, expected) => {
    expect(governingBodyCan(who, s, facts)).toEqual(expected);
  });

  it('has, for every need, someone who may and someone who may not', () => {
    expect(needsNotTestedBothWays(ROWS.map((row) => row[4]))).toEqual([]);
  });
});
