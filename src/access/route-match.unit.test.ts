import { describe, expect, it } from 'vitest';
import { routeMatcher } from './route-match.ts';

const routes = [
  '/schools/:number',
  '/schools/:number/cycle',
  '/schools/:number/cycles/:year',
  '/schools/new',
  '/schools/:number/plan/revisions/:n',
  '/schools/:number/plan/revisions/:n/approve',
  '/assets/*',
  '/',
].map((url) => ({ url }));
const match = routeMatcher(routes);

describe('routeMatcher', () => {
  it.each([
    ['/', '/', {}],
    ['/schools/6812308', '/schools/:number', { number: '6812308' }],
    ['/schools/new', '/schools/new', {}],
    ['/schools/6812308/cycle', '/schools/:number/cycle', { number: '6812308' }],
    ['/schools/6812308/cycles/2025?saved=1', '/schools/:number/cycles/:year', { number: '6812308', year: '2025' }],
    [
      '/schools/6812308/plan/revisions/3/approve',
      '/schools/:number/plan/revisions/:n/approve',
      { number: '6812308', n: '3' },
    ],
    ['/assets/images/crest.png', '/assets/*', {}],
  ])('finds the route of %s', (address, url, params) => {
    expect(match(address)).toEqual({ route: { url }, params });
  });

  it('finds none for an address no route serves', () => {
    expect(match('/schools/6812308/nowhere')).toBeNull();
    expect(match('/schools/6812308/plan/revisions')).toBeNull();
    expect(match('/schools/')).toBeNull();
  });
});
