import { describe, expect, it } from 'vitest';
import { scopeOf, type CurrentUser, type Role } from '../policy/roles.ts';
import { concernCaseCan, laCan, laStaffCodes } from './la-policy.ts';

function user(...assignments: [Role, string | null][]): CurrentUser {
  return { id: 'u', email: 'u@example.test', displayName: 'U', assignments: assignments.map(([role, scopeId]) => ({ role, scopeType: scopeOf(role), scopeId })) };
}
const nothing = { staff: false, officer: false, editSelfEvaluation: false, broker: false, recordLearning: false, concern: false };

describe('who may do what in an LA’s own area', () => {
  it.each([
    ['an LA officer of the LA', user(['la_officer', '681']), { staff: true, officer: true, editSelfEvaluation: true, broker: true, recordLearning: true, concern: true }],
    ['an improvement partner of the LA', user(['improvement_partner', '681']), { ...nothing, staff: true, broker: true }],
    ['an LA officer of another LA', user(['la_officer', '660']), nothing],
    ['a headteacher in the LA', user(['headteacher', '6812308']), nothing],
    ['a collaborative lead', user(['collaborative_lead', 'c1']), nothing],
    ['a WG official', user(['wg_official', null]), nothing],
    ['an administrator', user(['administrator', null]), nothing],
    ['nobody', null, nothing],
  ] as const)('%s', (_name, who, expected) => {
    expect(laCan(who, '681')).toEqual(expected);
  });

  it('lists the LAs a person works in', () => {
    expect(laStaffCodes(user(['la_officer', '681'], ['improvement_partner', '660'], ['headteacher', '6812308']))).toEqual(['681', '660']);
  });
});

describe('who may see a school causing concern (rule 6: restricted)', () => {
  const theCase = { laCode: '681', schoolNumber: '6812308', governingBodyId: 'GB6812308' };
  it.each([
    ['an LA officer of the LA', user(['la_officer', '681']), { view: true, manage: true, school: false }],
    ['the school’s headteacher', user(['headteacher', '6812308']), { view: true, manage: false, school: true }],
    ['the chair of its governors', user(['chair_of_governors', 'GB6812308']), { view: true, manage: false, school: true }],
    ['a governor who is not the chair', user(['governor', 'GB6812308']), { view: false, manage: false, school: false }],
    ['a school leader of the school', user(['school_leader', '6812308']), { view: false, manage: false, school: false }],
    ['a practitioner of the school', user(['practitioner', '6812308']), { view: false, manage: false, school: false }],
    ['an improvement partner of the LA', user(['improvement_partner', '681']), { view: false, manage: false, school: false }],
    ['the lead of the school’s collaborative', user(['collaborative_lead', 'c1']), { view: false, manage: false, school: false }],
    ['an LA officer of another LA', user(['la_officer', '660']), { view: false, manage: false, school: false }],
    ['another school’s headteacher', user(['headteacher', '6812323']), { view: false, manage: false, school: false }],
    ['a WG official', user(['wg_official', null]), { view: false, manage: false, school: false }],
    ['an administrator', user(['administrator', null]), { view: false, manage: false, school: false }],
  ] as const)('%s', (_name, who, expected) => {
    expect(concernCaseCan(who, theCase)).toEqual(expected);
  });
});
