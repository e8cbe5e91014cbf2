import { describe, expect, it } from 'vitest';
import { compareOutlines, outlineChanged } from './outline-compare.ts';
import type { SnapshotOutlineEntry } from './plan-snapshot.ts';

const entry = (id: string, overrides: Partial<SnapshotOutlineEntry> = {}): SnapshotOutlineEntry => ({
  id,
  academicYear: 2027,
  continuesPriorityId: null,
  title: `Priority ${id}`,
  summary: '',
  language: 'en',
  actions: [{ term: 'autumn', description: 'Audit' }],
  ...overrides,
});

describe('compareOutlines', () => {
  it('finds entries added, removed and changed, in title, year or intended actions', () => {
    const before = [entry('a'), entry('b'), entry('c'), entry('d')];
    const after = [
      entry('a'),
      entry('b', { title: 'Renamed' }),
      entry('c', { actions: [{ term: 'spring', description: 'Audit' }] }),
      entry('e'),
    ];
    const result = compareOutlines(before, after);
    expect(result.added.map((e) => e.id)).toEqual(['e']);
    expect(result.removed.map((e) => e.id)).toEqual(['d']);
    expect(result.changed.map((c) => [c.before.id, c.after.title])).toEqual([
      ['b', 'Renamed'],
      ['c', 'Priority c'],
    ]);
    expect(outlineChanged(result)).toBe(true);
  });

  it('sees no change between identical outlines, or two empty ones (revisions from before the outline)', () => {
    expect(outlineChanged(compareOutlines([entry('a')], [entry('a')]))).toBe(false);
    expect(outlineChanged(compareOutlines([], []))).toBe(false);
  });
});
