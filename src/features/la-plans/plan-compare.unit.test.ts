import { describe, expect, it } from 'vitest';
import { comparePlanVersions, wordDiff } from './plan-compare.ts';

const section = (sectionId: string, body: string) => ({
  sectionId,
  titleEn: `Title ${sectionId}`,
  titleCy: `Teitl ${sectionId}`,
  body,
  language: 'en',
});

describe('wordDiff', () => {
  it('marks the words removed and added, and gives both texts back', () => {
    const parts = wordDiff('We will meet every term with heads.', 'We will meet every half term with all heads.')!;
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['half', 'all']);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('We will meet every term with heads.');
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe('We will meet every half term with all heads.');
  });

  it('handles Welsh letters and an empty side', () => {
    expect(wordDiff('', 'Ŵyr ŷd')).toEqual([{ kind: 'added', text: 'Ŵyr ŷd' }]);
    expect(wordDiff('Ŵyr', '')).toEqual([{ kind: 'removed', text: 'Ŵyr' }]);
  });

  it('gives up (null) on texts too long to compare cheaply', () => {
    const long = 'word '.repeat(1000);
    expect(wordDiff(long, `${long} more`)).toBeNull();
  });
});

describe('comparePlanVersions', () => {
  it('pairs sections by the template and says which changed, were added or removed', () => {
    const result = comparePlanVersions(
      { sections: [section('a', 'Same'), section('b', 'Old text'), section('c', 'Gone')] },
      { sections: [section('a', 'Same '), section('b', 'New text'), section('d', 'Fresh')] },
    );
    expect(result.sections.map((s) => [s.sectionId, s.status])).toEqual([
      ['a', 'unchanged'],
      ['b', 'changed'],
      ['d', 'added'],
      ['c', 'removed'],
    ]);
    expect(result.changed).toBe(3);
    expect(result.sections[1]!.diff).toEqual([
      { kind: 'removed', text: 'Old ' },
      { kind: 'added', text: 'New ' },
      { kind: 'same', text: 'text' },
    ]);
  });
});
