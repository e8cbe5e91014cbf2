import { describe, expect, it } from 'vitest';
import { dateToParts, parseDateParts } from './govuk-date-input.ts';

describe('parseDateParts', () => {
  it('reads a real date', () => {
    expect(parseDateParts({ day: '1', month: '9', year: '2026' })).toEqual({ ok: true, value: '2026-09-01' });
    expect(parseDateParts({ day: ' 29 ', month: '02', year: '2028' })).toEqual({ ok: true, value: '2028-02-29' });
  });
  it('reads three empty boxes as no date', () => {
    expect(parseDateParts({ day: '', month: ' ', year: '' })).toEqual({ ok: true, value: null });
  });
  it('says what is wrong', () => {
    expect(parseDateParts({ day: '1', month: '', year: '2026' })).toEqual({ ok: false, problem: 'incomplete' });
    expect(parseDateParts({ day: '31', month: '2', year: '2026' })).toEqual({ ok: false, problem: 'invalid' });
    expect(parseDateParts({ day: 'x', month: '2', year: '2026' })).toEqual({ ok: false, problem: 'invalid' });
    expect(parseDateParts({ day: '1', month: '2', year: '26' })).toEqual({ ok: false, problem: 'invalid' });
  });
  it('turns a stored date back into boxes', () => {
    expect(dateToParts('2026-09-01')).toEqual({ day: '1', month: '9', year: '2026' });
    expect(dateToParts(null)).toEqual({ day: '', month: '', year: '' });
  });
});
