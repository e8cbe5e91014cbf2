import { describe, expect, it } from 'vitest';
import { HOSTILE_TARGETS } from '../../test/support/hostile-redirects.ts';
import { safeNextPath } from './forms.ts';

describe('safeNextPath', () => {
  it.each(HOSTILE_TARGETS.map((value) => [JSON.stringify(value), value]))('refuses %s', (_label, value) => {
    expect(safeNextPath(value)).toBe('/');
    expect(safeNextPath(value, '/account')).toBe('/account');
  });

  it.each([
    ['/', '/'],
    ['/account', '/account'],
    ['/schools/6601234/plan?done=saved#priority-1', '/schools/6601234/plan?done=saved#priority-1'],
    ['/national?la=660&phase=primary', '/national?la=660&phase=primary'],
    ['/search?q=ysgol%20g%C5%B5yr', '/search?q=ysgol%20g%C5%B5yr'],
    ['/a/./b/../c', '/a/c'],
  ])('keeps the local path %s', (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it('refuses anything that is not a string', () => {
    for (const value of [undefined, null, 42, ['/account'], { href: '/account' }])
      expect(safeNextPath(value)).toBe('/');
  });
});
