import { describe, expect, it } from 'vitest';
import { needsNotTestedBothWays, person } from '../../test/support/policy-table.ts';
import { concernCaseCan } from './concern-case-policy.ts';

const theCase = { laCode: '681', schoolNumber: '6812308', governingBodyId: 'GB6812308' };
const none = { view: false, manage: false, school: false };

const ROWS = [
  ['an LA officer of the LA', person(['la_officer', '681']), theCase, { view: true, manage: true, school: false }],
  [
    'the school’s headteacher',
    person(['headteacher', '6812308']),
    theCase,
    { view: true, manage: false, school: true },
  ],
  [
    'the chair of its governors',
    person(['chair_of_governors', 'GB6812308']),
    theCase,
    { view: true, manage: false, school: true },
  ],
  [
    'a chair, at a school with no governing body recorded',
    person(['chair_of_governors', 'GB6812308']),
    { ...theCase, governingBodyId: null },
    none,
  ],
  ['a governor who is not the chair', person(['governor', 'GB6812308']), theCase, none],
  ['a school leader of the school', person(['school_leader', '6812308']), theCase, none],
  ['a practitioner of the school', person(['practitioner', '6812308']), theCase, none],
  ['an improvement partner of the LA', person(['improvement_partner', '681']), theCase, none],
  ['the lead of the school’s collaborative', person(['collaborative_lead', 'c1']), theCase, none],
  [
    'a collaborative lead whose scope id is the school’s number',
    person(['collaborative_lead', '6812308']),
    theCase,
    none,
  ],
  ['an LA officer of another LA', person(['la_officer', '660']), theCase, none],
  ['another school’s headteacher', person(['headteacher', '6812323']), theCase, none],
  ['a WG official', person(['wg_official', null]), theCase, none],
  ['an administrator', person(['administrator', null]), theCase, none],
  ['an administrator whose scope id is the LA’s code', person(['administrator', '681']), theCase, none],
  ['nobody', null, theCase, none],
] as const;

describe('who may see a school causing concern (rule 6: restricted)', () => {
  it.each(ROWS)('%s', (_name, who, c, expected) => {
    expect(concernCaseCan(who, c)).toEqual(expected);
  });

  it('has, for every need, someone who may and someone who may not', () => {
    expect(needsNotTestedBothWays(ROWS.map((row) => row[3]))).toEqual([]);
  });
});
