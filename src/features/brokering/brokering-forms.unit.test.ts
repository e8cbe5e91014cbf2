import { describe, expect, it } from 'vitest';
import {
  agreementInput,
  parseAgreement,
  parseOffer,
  parsePercent,
  parseProfile,
  parseRequest,
  profileInput,
} from './brokering-forms.ts';

describe('percentages on the school profile', () => {
  it.each([
    ['18.2', '18.2'],
    ['18', '18.0'],
    ['0', '0.0'],
    ['100', '100.0'],
    ['7.5%', '7.5'],
    ['', null],
  ])('accepts %j as %j', (typed, stored) => {
    expect(parsePercent(typed)).toEqual({ ok: true, value: stored });
  });

  it.each(['100.1', '101', '-1', '18.25', 'eighteen', '1,5'])('refuses %j', (typed) => {
    expect(parsePercent(typed).ok).toBe(false);
  });

  it('names every field that is wrong', () => {
    const result = parseProfile(
      profileInput({ efsmThreeYear: '120', alnPercent: '12.5', ealPercent: 'x', context: 'a'.repeat(2001) }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        efsmThreeYear: 'brokering.errors.percent.efsmThreeYear',
        ealPercent: 'brokering.errors.percent.ealPercent',
        context: 'brokering.errors.contextLong',
      },
    });
  });
});

describe('an offer and a request', () => {
  it('takes a finding of the school, a title and a theme, and only known tags', () => {
    expect(
      parseOffer(
        {
          findingId: 'f1',
          title: 'T',
          description: '',
          nifTheme: 'curriculum_teaching',
          areas: ['humanities'],
          nationalPriorities: ['literacy'],
          language: 'en',
        },
        ['f1'],
        ['literacy'],
      ).ok,
    ).toBe(true);
    const bad = parseOffer(
      {
        findingId: 'f2',
        title: '',
        description: '',
        nifTheme: 'sport',
        areas: ['league_tables'],
        nationalPriorities: [],
        language: 'en',
      },
      ['f1'],
      [],
    );
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(['areas', 'findingId', 'nifTheme', 'title']);
  });

  it('is brokered by the LA unless one of the school’s collaboratives is chosen', () => {
    expect(parseRequest({ need: 'Help', broker: 'la', language: 'cy' }, [])).toEqual({
      ok: true,
      values: { need: 'Help', brokerCollaborativeId: null, language: 'cy' },
    });
    expect(parseRequest({ need: 'Help', broker: 'c1', language: 'en' }, ['c1'])).toMatchObject({
      ok: true,
      values: { brokerCollaborativeId: 'c1' },
    });
    expect(parseRequest({ need: '', broker: 'c2', language: 'en' }, ['c1'])).toEqual({
      ok: false,
      errors: { need: 'brokering.errors.request.need', broker: 'brokering.errors.request.broker' },
    });
  });
});

describe('agreeing a match', () => {
  const form = (extra: Record<string, string>) => agreementInput({ supporter: '6812308', what: 'Coaching', ...extra });

  it('stores the cost in pence, the days to one decimal and the dates as ISO dates', () => {
    const result = parseAgreement(
      form({
        days: '2.5',
        cost: '£1,450.50',
        'startsOn-day': '1',
        'startsOn-month': '10',
        'startsOn-year': '2026',
        'endsOn-day': '31',
        'endsOn-month': '12',
        'endsOn-year': '2026',
      }),
    );
    expect(result).toEqual({
      ok: true,
      values: {
        supportingSchoolNumber: '6812308',
        what: 'Coaching',
        days: '2.5',
        costPence: 145050,
        startsOn: '2026-10-01',
        endsOn: '2026-12-31',
        language: 'en',
      },
    });
  });

  it('takes a school number typed for "another school"', () => {
    expect(parseAgreement(form({ supporter: 'other', otherSchool: '6702189' }))).toMatchObject({
      ok: true,
      values: { supportingSchoolNumber: '6702189' },
    });
    expect(parseAgreement(form({ supporter: 'other', otherSchool: '670' }))).toEqual({
      ok: false,
      errors: { otherSchool: 'brokering.errors.agree.schoolNumber' },
    });
  });

  it('refuses days, costs and dates that make no sense', () => {
    const result = parseAgreement(
      form({
        days: '0',
        cost: '12.345',
        'startsOn-day': '2',
        'startsOn-month': '1',
        'startsOn-year': '2027',
        'endsOn-day': '1',
        'endsOn-month': '1',
        'endsOn-year': '2027',
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        days: 'brokering.errors.agree.days',
        cost: 'brokering.errors.agree.cost',
        'endsOn-day': 'brokering.errors.agree.endsBefore',
      },
    });
    expect(parseAgreement(form({ days: '366' })).ok).toBe(false);
    expect(parseAgreement(agreementInput({ what: '' }))).toEqual({
      ok: false,
      errors: { supporter: 'brokering.errors.agree.supporter', what: 'brokering.errors.agree.what' },
    });
  });
});
