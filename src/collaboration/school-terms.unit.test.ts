import { describe, expect, it } from 'vitest';
import { academicYearSpan, easterSunday, previousTerm, term, termOf, workingAlone } from './school-terms.ts';
import { todayInWales } from '../lib/clock.ts';

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
    [1961, '1961-04-02'],
  ])('%i is %s', (year, expected) => expect(easterSunday(year)).toBe(expected));
});

describe('termOf', () => {
  it('puts September to December in the autumn term of that academic year', () => {
    expect(termOf('2025-09-01')).toEqual({
      season: 'autumn',
      academicYear: 2025,
      start: '2025-09-01',
      end: '2025-12-31',
    });
    expect(termOf('2025-12-31').season).toBe('autumn');
  });
  it('runs spring from 1 January to Easter Sunday inclusive', () => {
    expect(termOf('2026-01-01')).toEqual({
      season: 'spring',
      academicYear: 2025,
      start: '2026-01-01',
      end: '2026-04-05',
    });
    expect(termOf('2026-04-05').season).toBe('spring');
  });
  it('starts summer the day after Easter Sunday and ends it on 31 August', () => {
    expect(termOf('2026-04-06')).toEqual({
      season: 'summer',
      academicYear: 2025,
      start: '2026-04-06',
      end: '2026-08-31',
    });
    expect(termOf('2026-08-31').academicYear).toBe(2025);
  });
  it('handles an Easter in March (2024) and a month boundary in the day after', () => {
    expect(termOf('2024-03-31').season).toBe('spring');
    expect(termOf('2024-04-01')).toMatchObject({ season: 'summer', start: '2024-04-01' });
  });
  it('refuses something that is not a date', () => expect(() => termOf('31/08/2026')).toThrow());
});

describe('previousTerm', () => {
  it('goes autumn -> summer of the year before -> spring -> autumn', () => {
    const autumn = term('autumn', 2026);
    expect(previousTerm(autumn)).toEqual(term('summer', 2025));
    expect(previousTerm(term('summer', 2025))).toEqual(term('spring', 2025));
    expect(previousTerm(term('spring', 2025))).toEqual(term('autumn', 2025));
  });
});

describe('workingAlone', () => {
  it('flags a school with no activity, or none since the previous term began', () => {
    expect(workingAlone(null, '2026-05-10')).toBe(true);
    // Today is in summer 2026; the previous term (spring) began on 1 January 2026.
    expect(workingAlone('2025-12-31', '2026-05-10')).toBe(true);
    expect(workingAlone('2026-01-01', '2026-05-10')).toBe(false);
    expect(workingAlone('2026-05-01', '2026-05-10')).toBe(false);
  });
  it('looks back to the summer term from an autumn day', () => {
    expect(workingAlone('2026-04-06', '2026-10-01')).toBe(false);
    expect(workingAlone('2026-04-05', '2026-10-01')).toBe(true);
  });
});

describe('academicYearSpan and todayInWales', () => {
  it('spans September to August', () =>
    expect(academicYearSpan(2025)).toEqual({ start: '2025-09-01', end: '2026-08-31' }));
  it('uses the Welsh calendar day, not UTC', () => {
    expect(todayInWales(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInWales(new Date('2026-01-31T23:30:00Z'))).toBe('2026-01-31');
  });
});
