import { describe, expect, it } from 'vitest';
import {
  basisFor,
  firstMemberBreakingKind,
  membershipProblem,
  validateDetails,
  type MemberCandidate,
} from './collaborative-rules.ts';

const school = (sector: string, laCode: string, open = true): MemberCandidate => ({
  number: `${laCode}1234`,
  name: `A ${sector} school`,
  laCode,
  sector,
  open,
});
const vertical = { kind: 'vertical', laCode: '681' };
const horizontal = { kind: 'horizontal', laCode: '681' };

describe('who may join a collaborative', () => {
  it.each([
    ['vertical', 'primary', '681', null],
    ['vertical', 'secondary', '681', null],
    ['vertical', 'primary', '660', 'pages.collaboratives.errors.verticalOtherLa'],
    ['vertical', 'secondary', '660', 'pages.collaboratives.errors.verticalOtherLa'],
    ['vertical', 'middle', '660', 'pages.collaboratives.errors.verticalOtherLa'],
    ['vertical', 'special', '660', null],
    ['vertical', 'pru', '660', null],
    ['horizontal', 'primary', '660', null],
    ['horizontal', 'secondary', '681', null],
  ])('a %s collaborative of LA 681 and a %s school of LA %s: %s', (kind, sector, laCode, expected) => {
    expect(membershipProblem({ kind, laCode: '681' }, school(sector, laCode))?.key ?? null).toBe(expected);
  });

  it('names the school that breaks the vertical rule', () => {
    expect(membershipProblem(vertical, school('primary', '660'))).toEqual({
      key: 'pages.collaboratives.errors.verticalOtherLa',
      values: { school: 'A primary school', number: '6601234' },
    });
  });

  it('refuses an unknown or a closed school', () => {
    expect(membershipProblem(horizontal, null, '9999999')).toEqual({
      key: 'pages.collaboratives.errors.schoolUnknown',
      values: { number: '9999999' },
    });
    expect(membershipProblem(horizontal, school('primary', '681', false))?.key).toBe(
      'pages.collaboratives.errors.schoolClosed',
    );
  });

  it('stops a horizontal collaborative becoming vertical around another LA’s school', () => {
    const members = [school('primary', '681'), school('special', '660'), school('secondary', '662')];
    expect(firstMemberBreakingKind(vertical, members)?.values.number).toBe('6621234');
    expect(firstMemberBreakingKind(horizontal, members)).toBeNull();
    expect(firstMemberBreakingKind(vertical, members.slice(0, 2))).toBeNull();
  });
});

describe('the details form', () => {
  const valid = {
    kind: 'horizontal',
    nameEn: 'Cardiff Welsh-medium primaries',
    nameCy: 'Ysgolion cynradd Cymraeg Caerdydd',
    status: 'forming',
    basis: 'welsh_medium',
  };
  it('accepts a complete horizontal collaborative', () => expect(validateDetails(valid)).toEqual({}));
  it('asks a horizontal collaborative for its basis, and a vertical one for none', () => {
    expect(validateDetails({ ...valid, basis: '' })).toEqual({ basis: 'pages.collaboratives.errors.basis' });
    expect(validateDetails({ ...valid, kind: 'vertical', basis: '' })).toEqual({});
    expect(basisFor('vertical', 'welsh_medium')).toBeNull();
    expect(basisFor('horizontal', 'faith')).toBe('faith');
  });
  it('needs both names, a kind and a status', () => {
    expect(
      validateDetails({ kind: 'diagonal', nameEn: '', nameCy: 'x'.repeat(201), status: 'asleep', basis: '' }),
    ).toEqual({
      kind: 'pages.collaboratives.errors.kind',
      nameEn: 'pages.collaboratives.errors.nameEn',
      nameCy: 'pages.collaboratives.errors.nameTooLong',
      status: 'pages.collaboratives.errors.status',
    });
  });
});
