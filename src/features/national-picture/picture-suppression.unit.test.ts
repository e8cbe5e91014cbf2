import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL, buildPicture, type CollaborativeRef, type Dimensions, type SchoolGroup } from './picture-cube.ts';
import { figuresOf, pictureView, type PictureFilters } from './picture-view.ts';
import { recoverableByLines, suppress, THRESHOLD, type Suppressor } from './suppression.ts';

/**
 * Property tests: whatever schools share, and whatever filters are combined, nothing published
 * reveals the count of a group of 1 to 4 schools. The oracle below recounts every figure from the
 * raw schools, independently of the cube, and names the group each figure counts.
 */
type School = {
  id: string;
  year: number;
  la: string;
  phase: string;
  themes: string[];
  nps: string[];
  collaboratives: string[];
};
const LAS = ['660', '661', '662'];
const PHASES = ['primary', 'secondary'];
const THEMES = ['vision_leadership', 'curriculum_teaching', 'wellbeing_equity', 'none'];
const NPS = ['attendance', 'literacy', 'numeracy'];
const YEARS = [2024, 2025];

const schoolArb = fc.record({
  year: fc.constantFrom(...YEARS),
  la: fc.constantFrom(...LAS),
  phase: fc.constantFrom(...PHASES),
  themes: fc.uniqueArray(fc.constantFrom(...THEMES), { minLength: 1, maxLength: 3 }),
  nps: fc.uniqueArray(fc.constantFrom(...NPS), { maxLength: 3 }),
  collaborative: fc.integer({ min: 0, max: 3 }),
});
const worldArb = fc.array(schoolArb, { minLength: 0, maxLength: 90 }).map((raw) => {
  const schools: School[] = raw.map((s, i) => ({
    id: `s${i}`,
    year: s.year,
    la: s.la,
    phase: s.phase,
    themes: s.themes,
    nps: s.nps,
    collaboratives: s.collaborative ? [`c${s.collaborative}-${s.la}`] : [],
  }));
  const ids = [...new Set(schools.flatMap((s) => s.collaboratives))];
  const collaboratives: CollaborativeRef[] = ids.map((id) => {
    const members = schools.filter((s) => s.collaboratives.includes(id));
    return {
      id,
      laCode: members[0]!.la,
      memberLas: [...new Set(members.map((m) => m.la))],
      memberPhases: [...new Set(members.map((m) => m.phase))],
      members: [...new Set(members.map((m) => m.id))],
    };
  });
  return { schools, collaboratives };
});
const filtersArb = fc.record({
  year: fc.constantFrom(...YEARS),
  la: fc.constantFrom(ALL, ...LAS),
  phase: fc.constantFrom(ALL, ...PHASES),
  theme: fc.constantFrom(ALL, ...THEMES),
});

const dims = (collaboratives: CollaborativeRef[]): Dimensions => ({
  years: YEARS,
  las: LAS,
  phases: PHASES,
  themes: THEMES,
  nps: NPS,
  collaboratives,
});
const groupsOf = (schools: School[]): SchoolGroup[] => schools.map((s) => ({ ...s, schools: 1 }));

/** The group a published key counts, as the set of school ids, recounted from the raw schools. */
function groupOf(key: string, schools: School[], collaboratives: CollaborativeRef[]) {
  const [yearText, where, a, b, c] = key.split('|');
  const year = Number(yearText);
  if (where!.startsWith('c:')) {
    const id = where!.slice(2);
    const theme = a!;
    const set = new Set(
      schools
        .filter((s) => s.year === year && s.collaboratives.includes(id) && (theme === ALL || s.themes.includes(theme)))
        .map((s) => s.id),
    );
    const ref = collaboratives.find((x) => x.id === id)!;
    return {
      year,
      set,
      def: {
        la: ref.memberLas.length === 1 ? ref.memberLas[0]! : null,
        phase: ref.memberPhases.length === 1 ? ref.memberPhases[0]! : null,
        theme,
        np: ALL,
        collaborative: id,
      },
    };
  }
  const [la, phase, theme, np] = [where!, a!, b!, c!];
  const set = new Set(
    schools
      .filter(
        (s) =>
          s.year === year &&
          (la === ALL || s.la === la) &&
          (phase === ALL || s.phase === phase) &&
          (theme === ALL || s.themes.includes(theme)) &&
          (np === ALL || s.nps.includes(np)),
      )
      .map((s) => s.id),
  );
  return { year, set, def: { la, phase, theme, np, collaborative: null as string | null } };
}
type Group = ReturnType<typeof groupOf>;
const covers = (outer: string | null, inner: string | null) => outer === ALL || outer === inner;
/** Whether the outer group's definition contains the inner one's, as anyone reading the directory knows. */
function publiclyNested(o: Group, i: Group) {
  if (o.year !== i.year || o === i) return false;
  if (o.def.collaborative) return o.def.collaborative === i.def.collaborative && o.def.theme === ALL;
  return (
    covers(o.def.la, i.def.la) &&
    covers(o.def.phase, i.def.phase) &&
    covers(o.def.theme, i.def.theme) &&
    covers(o.def.np, i.def.np)
  );
}
const isSmall = (n: number) => n >= 1 && n < THRESHOLD;

/** Throws when any published figure of any of the views reveals a group of 1 to 4 schools. */
function assertSafe(
  world: { schools: School[]; collaboratives: CollaborativeRef[] },
  views: PictureFilters[],
  suppressor: Suppressor = suppress,
) {
  const picture = buildPicture(groupsOf(world.schools), dims(world.collaboratives), suppressor);
  const published = new Set(picture.keys);
  const shown = new Map<string, { value: number; group: Group }>();
  for (const filters of views) {
    for (const f of figuresOf(pictureView(picture, filters))) {
      if (f.value === null) continue;
      const group = groupOf(f.key, world.schools, world.collaboratives);
      if (f.value !== group.set.size) throw new Error(`${f.key} shows ${f.value}, the true count is ${group.set.size}`);
      if (isSmall(f.value)) throw new Error(`${f.key} shows ${f.value}`);
      shown.set(f.key, { value: f.value, group });
    }
  }
  const all = [...shown.entries()];
  for (const [ok, o] of all)
    for (const [ik, i] of all) {
      if (publiclyNested(o.group, i.group) && isSmall(o.value - i.value))
        throw new Error(`${ok} (${o.value}) minus ${ik} (${i.value}) reveals a group of ${o.value - i.value}`);
    }
  // Partitions: the LAs of a figure (or its phases) add up to it; hidden parts must not be recoverable, nor add up to 1-4.
  for (const [key, total] of all) {
    const [year, la, phase, theme, np] = key.split('|');
    if (la!.startsWith('c:')) continue;
    const partitions = [
      la === ALL ? LAS.map((l) => `${year}|${l}|${phase}|${theme}|${np}`) : [],
      phase === ALL ? PHASES.map((p) => `${year}|${la}|${p}|${theme}|${np}`) : [],
    ];
    for (const parts of partitions.filter((p) => p.length)) {
      if (!parts.every((p) => published.has(p))) continue;
      const hiddenParts = parts.filter((p) => picture.figure(p) === null);
      const shownSum = parts.reduce((s, p) => s + (picture.figure(p) ?? 0), 0);
      if (hiddenParts.length === 1) throw new Error(`${hiddenParts[0]} = ${key} minus the others`);
      if (isSmall(total.value - shownSum))
        throw new Error(`the hidden parts of ${key} add up to ${total.value - shownSum}`);
    }
  }
}

const naive: Suppressor = ({ values }) => new Set([...values].filter(([, n]) => isSmall(n)).map(([k]) => k));
const property = (suppressor: Suppressor) =>
  fc.property(worldArb, fc.array(filtersArb, { minLength: 1, maxLength: 6 }), (world, views) => {
    assertSafe(world, [{ year: 2025, la: ALL, phase: ALL, theme: ALL }, ...views], suppressor);
  });

describe('the national picture never reveals a group of fewer than 5 schools', () => {
  it('holds for random schools and any combination of filters (every figure also equals its true count)', () => {
    fc.assert(property(suppress), { numRuns: 120 });
  }, 120_000);

  it('is a property that can fail: primary suppression alone is caught', () => {
    const result = fc.check(property(naive), { numRuns: 120 });
    expect(result.failed).toBe(true);
  }, 60_000);

  it('catches differencing a filtered view against the Wales view with primary suppression alone', () => {
    const schools: School[] = [
      ...Array.from({ length: 6 }, (_, i) => ({
        id: `a${i}`,
        year: 2025,
        la: '660',
        phase: 'primary',
        themes: ['wellbeing_equity'],
        nps: [],
        collaboratives: [],
      })),
      ...Array.from({ length: 7 }, (_, i) => ({
        id: `b${i}`,
        year: 2025,
        la: '661',
        phase: 'primary',
        themes: ['wellbeing_equity'],
        nps: [],
        collaboratives: [],
      })),
      { id: 'c0', year: 2025, la: '662', phase: 'primary', themes: ['wellbeing_equity'], nps: [], collaboratives: [] },
    ];
    const views = [
      { year: 2025, la: ALL, phase: ALL, theme: ALL },
      { year: 2025, la: '660', phase: ALL, theme: ALL },
      { year: 2025, la: '661', phase: ALL, theme: ALL },
    ];
    expect(() => assertSafe({ schools, collaboratives: [] }, views, naive)).toThrow(
      /reveals a group of 1|add up to 1|minus the others/,
    );
    expect(() => assertSafe({ schools, collaboratives: [] }, views)).not.toThrow();
  });
});

describe('suppress', () => {
  it('hides 1 to 4, shows 0 and 5 or more', () => {
    const hidden = suppress({
      values: new Map([
        ['a', 0],
        ['b', 1],
        ['c', 4],
        ['d', 5],
      ]),
      lines: [],
      nested: [],
    });
    expect([...hidden].sort()).toEqual(['b', 'c']);
  });

  it('hides a second part of a line so the hidden one cannot be worked out, and the hidden parts add up to 5 or more', () => {
    const values = new Map([
      ['t', 30],
      ['p1', 2],
      ['p2', 8],
      ['p3', 20],
    ]);
    const hidden = suppress({ values, lines: [{ total: 't', parts: ['p1', 'p2', 'p3'] }], nested: [] });
    expect([...hidden].sort()).toEqual(['p1', 'p2']);
  });

  it('hides the inner figure when a nested difference is 1 to 4', () => {
    const hidden = suppress({
      values: new Map([
        ['outer', 12],
        ['inner', 10],
      ]),
      lines: [],
      nested: [['outer', 'inner']],
    });
    expect([...hidden]).toEqual(['inner']);
  });

  it('protects a never-published remainder like any hidden part', () => {
    const values = new Map([
      ['la', 14],
      ['c1', 7],
      ['c2', 5],
      ['rest', 2],
    ]);
    const hidden = suppress({
      values,
      unpublished: new Set(['rest']),
      lines: [{ total: 'la', parts: ['c1', 'c2', 'rest'] }],
      nested: [],
    });
    expect(hidden.has('c2')).toBe(true);
  });

  it('finds a figure recoverable only by combining lines', () => {
    // A 2 x 2 table with margins where three cells are hidden: the grand total pins the fourth row.
    const lines = [
      { total: 'r1', parts: ['a', 'b'] },
      { total: 'r2', parts: ['c', 'd'] },
      { total: 'k1', parts: ['a', 'c'] },
      { total: 'k2', parts: ['b', 'd'] },
    ];
    const value = (k: string) =>
      (({ a: 2, b: 6, c: 7, d: 9, r1: 8, r2: 16, k1: 9, k2: 15 }) as Record<string, number>)[k]!;
    expect(recoverableByLines(lines, new Set(['a', 'b', 'c', 'd']), value)).toEqual([]);
    expect(recoverableByLines(lines, new Set(['a', 'b', 'r1']), value).sort()).toEqual(['a', 'b', 'r1']);
  });
});
