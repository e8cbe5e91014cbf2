import { suppress, type Line, type Suppressor } from './suppression.ts';

/**
 * The national picture as one table of figures (distinct schools), built for every combination of
 * year x LA x phase x NIF theme x national priority (each also as "all") plus each collaborative x
 * theme, then suppressed together (see `suppression.ts`). Every view and download is a slice of it.
 */
export const ALL = '*';
/** The theme of a priority with none recorded. */
export const NO_THEME = 'none';

/** Schools of one year with the same LA, phase, themes, national priorities and collaboratives, counted once each. */
export type SchoolGroup = {
  year: number;
  la: string;
  phase: string;
  themes: readonly string[];
  nps: readonly string[];
  collaboratives: readonly string[];
  schools: number;
};
/** A collaborative as the directory shows it: whose it is, and its member schools' LAs and phases. */
export type CollaborativeRef = {
  id: string;
  laCode: string | null;
  memberLas: readonly string[];
  memberPhases: readonly string[];
  members: readonly string[];
};
export type Dimensions = {
  years: readonly number[];
  las: readonly string[];
  phases: readonly string[];
  themes: readonly string[];
  nps: readonly string[];
  collaboratives: readonly CollaborativeRef[];
};

export type CubeCoordinates = { year: number; la: string; phase: string; theme: string; np: string };
export const cubeKey = (c: CubeCoordinates) => `${c.year}|${c.la}|${c.phase}|${c.theme}|${c.np}`;
export const collaborativeKey = (year: number, id: string, theme: string) => `${year}|c:${id}|${theme}`;
const restKey = (year: number, la: string, phase: string, theme: string) => `${year}|rest:${la}:${phase}|${theme}`;

export type PublishedPicture = {
  dimensions: Dimensions;
  /** The figure to publish: a number, or null when it is hidden. */
  figure(key: string): number | null;
  /** Every published key (cube and collaboratives), for the downloads. */
  keys: readonly string[];
};

const withAll = <T>(values: readonly T[], all: T) => [all, ...values];
const combos = (la: string, phase: string, theme: string, np: string) => {
  // Every generalisation of a cell (each coordinate kept or replaced by "all"), itself excluded.
  const out: [string, string, string, string][] = [];
  for (let mask = 1; mask < 16; mask++) {
    out.push([mask & 1 ? ALL : la, mask & 2 ? ALL : phase, mask & 4 ? ALL : theme, mask & 8 ? ALL : np]);
  }
  return out.filter(([a, b, c, d]) => !(a === la && b === phase && c === theme && d === np));
};
const single = (values: readonly string[]) => (new Set(values).size === 1 ? values[0]! : null);

export function buildPicture(
  groups: readonly SchoolGroup[],
  dims: Dimensions,
  suppressor: Suppressor = suppress,
): PublishedPicture {
  const values = new Map<string, number>();
  const add = (key: string, n: number) => values.set(key, (values.get(key) ?? 0) + n);
  const themes = withAll(dims.themes, ALL);
  const keys: string[] = [];
  for (const year of dims.years) {
    for (const la of withAll(dims.las, ALL))
      for (const phase of withAll(dims.phases, ALL))
        for (const theme of themes)
          for (const np of withAll(dims.nps, ALL)) {
            const key = cubeKey({ year, la, phase, theme, np });
            values.set(key, 0);
            keys.push(key);
          }
    for (const c of dims.collaboratives)
      for (const theme of themes) {
        values.set(collaborativeKey(year, c.id, theme), 0);
        keys.push(collaborativeKey(year, c.id, theme));
      }
  }
  const known = {
    la: new Set(dims.las),
    phase: new Set(dims.phases),
    theme: new Set(dims.themes),
    np: new Set(dims.nps),
    c: new Set(dims.collaboratives.map((c) => c.id)),
  };
  for (const g of groups) {
    if (!known.la.has(g.la) || !known.phase.has(g.phase)) continue;
    const gThemes = withAll(
      [...new Set(g.themes)].filter((t) => known.theme.has(t)),
      ALL,
    );
    const gNps = withAll(
      [...new Set(g.nps)].filter((n) => known.np.has(n)),
      ALL,
    );
    for (const la of [ALL, g.la])
      for (const phase of [ALL, g.phase])
        for (const theme of gThemes)
          for (const np of gNps) add(cubeKey({ year: g.year, la, phase, theme, np }), g.schools);
    for (const id of new Set(g.collaboratives))
      if (known.c.has(id)) for (const theme of gThemes) add(collaborativeKey(g.year, id, theme), g.schools);
  }

  const lines: Line[] = [];
  const nested: [string, string][] = [];
  const unpublished = new Set<string>();
  for (const year of dims.years) {
    for (const la of withAll(dims.las, ALL))
      for (const phase of withAll(dims.phases, ALL))
        for (const theme of themes)
          for (const np of withAll(dims.nps, ALL)) {
            const inner = cubeKey({ year, la, phase, theme, np });
            for (const [a, b, c, d] of combos(la, phase, theme, np))
              nested.push([cubeKey({ year, la: a, phase: b, theme: c, np: d }), inner]);
            if (la === ALL)
              lines.push({ total: inner, parts: dims.las.map((l) => cubeKey({ year, la: l, phase, theme, np })) });
            if (phase === ALL)
              lines.push({ total: inner, parts: dims.phases.map((p) => cubeKey({ year, la, phase: p, theme, np })) });
          }
    for (const c of dims.collaboratives) {
      const homeLa = single(c.memberLas);
      const homePhase = single(c.memberPhases);
      for (const theme of themes) {
        const key = collaborativeKey(year, c.id, theme);
        if (theme !== ALL) nested.push([collaborativeKey(year, c.id, ALL), key]);
        for (const la of homeLa ? [ALL, homeLa] : [ALL])
          for (const phase of homePhase ? [ALL, homePhase] : [ALL]) {
            for (const t of theme === ALL ? [ALL] : [theme, ALL])
              nested.push([cubeKey({ year, la, phase, theme: t, np: ALL }), key]);
          }
      }
    }
    collaborativeLines(groups, dims, year, themes, values, lines, unpublished);
  }
  const hidden = suppressor({ values, unpublished, lines, nested });
  return { dimensions: dims, keys, figure: (key) => (hidden.has(key) || !values.has(key) ? null : values.get(key)!) };
}

/**
 * Where an LA's own collaboratives (all members in it, and in one phase for a phase line) do not
 * overlap, the LA's figure is the sum of theirs plus the schools in none of them: a line, with that
 * remainder as a figure that is never published.
 */
function collaborativeLines(
  groups: readonly SchoolGroup[],
  dims: Dimensions,
  year: number,
  themes: readonly string[],
  values: Map<string, number>,
  lines: Line[],
  unpublished: Set<string>,
) {
  for (const la of dims.las)
    for (const phase of withAll(dims.phases, ALL)) {
      const own = dims.collaboratives.filter(
        (c) => single(c.memberLas) === la && (phase === ALL || single(c.memberPhases) === phase),
      );
      if (own.length === 0) continue;
      const members = own.flatMap((c) => c.members);
      if (new Set(members).size !== members.length) continue;
      const ids = new Set(own.map((c) => c.id));
      for (const theme of themes) {
        const rest = restKey(year, la, phase, theme);
        const count = groups
          .filter(
            (g) =>
              g.year === year &&
              g.la === la &&
              (phase === ALL || g.phase === phase) &&
              (theme === ALL || g.themes.includes(theme)) &&
              !g.collaboratives.some((id) => ids.has(id)),
          )
          .reduce((sum, g) => sum + g.schools, 0);
        values.set(rest, count);
        unpublished.add(rest);
        lines.push({
          total: cubeKey({ year, la, phase, theme, np: ALL }),
          parts: [...own.map((c) => collaborativeKey(year, c.id, theme)), rest],
        });
      }
    }
}
