import { describe, expect, it } from 'vitest';
import { formatPounds, parsePounds } from './money.ts';

describe('parsePounds', () => {
  it.each([
    ['£1,250.50', 125050],
    ['1250.5', 125050],
    ['£ 300', 30000],
    ['1,250', 125000],
    ['0', 0],
    ['  £12.05 ', 1205],
    ['1,000,000', 100000000],
  ])('reads %s as %i pence', (input, pence) => {
    expect(parsePounds(input)).toEqual({ ok: true, pence });
  });

  it('reads blank as no cost', () => {
    expect(parsePounds('  ')).toEqual({ ok: true, pence: null });
    expect(parsePounds('£')).toEqual({ ok: true, pence: null });
  });

  it.each(['-5', '£1,25', '12.345', 'ten pounds', '1.2.3', '£1,250.50p', '1 250', '99999999999'])(
    'refuses %s',
    (input) => {
      expect(parsePounds(input)).toEqual({ ok: false });
    },
  );
});

describe('formatPounds', () => {
  it('writes pounds with thousands and pence', () => {
    expect(formatPounds(125050)).toBe('£1,250.50');
    expect(formatPounds(30000)).toBe('£300');
    expect(formatPounds(5)).toBe('£0.05');
    expect(formatPounds(null)).toBe('');
  });
});
