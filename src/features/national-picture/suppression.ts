/**
 * Statistical disclosure control for the national picture (issue 7, items 3 and 5): no published
 * figure may let anyone learn how many schools are in a group of 1 to 4 schools.
 *
 * The approach, and why:
 * - One published set. Every view (any filter combination, the pages, CSV, JSON, the API) is a
 *   slice of ONE table of figures built and suppressed together (`picture-cube.ts`), so a filter
 *   can never produce a figure that was not audited against all the others: differencing a
 *   filtered view against an unfiltered one is differencing two figures of the same set.
 * - Primary suppression: a figure of 1 to 4 schools is hidden. Zero is shown: "no school" says
 *   nothing about any school, and hiding zeros would hide most of the table for no protection.
 *   (A zero is never chosen as a complement, because hiding it protects nothing.)
 * - Nested differences: when one figure's group contains another's (LA 681 + theme T contains
 *   LA 681 + theme T + national priority N; Wales contains LA 681), and both are shown, their
 *   difference is the count of a group too, so it must be 0 or at least 5; otherwise the inner
 *   (smaller) figure is hidden. Every pair of ancestor and descendant is checked, not just parent
 *   and child, since a hidden figure in between does not stop subtraction across it.
 * - Additive lines: where figures partition a total (the LAs of Wales, the phases of an LA, the
 *   disjoint collaboratives of an LA plus the schools in none), the hidden parts of a shown total
 *   must add up to 0 or at least 5 (complementary suppression: hide the smallest non-zero shown
 *   part, or the total when nothing else is left), and no hidden figure may be worked out exactly:
 *   neither from one line with bounds (a hidden figure lies between its largest shown subgroup and
 *   its smallest shown supergroup, and at least 0), nor from all lines together (Gaussian
 *   elimination: a hidden figure is recoverable when its unit vector lies in the row space of the
 *   lines restricted to the hidden figures).
 * - Groups that are never published (the schools of an LA in no collaborative) take part as
 *   always-hidden figures, so subtracting every collaborative from its LA is caught like any line.
 * The loop hides more until every rule holds; it only ever hides, so it ends.
 * Not covered (documented limits): inference that needs integer programming across several lines
 * at once, and differences between snapshots taken at different times.
 */
export const THRESHOLD = 5;

export type Line = { total: string; parts: readonly string[] };
export type SuppressionProblem = {
  /** Every figure's true count (distinct schools). */
  values: ReadonlyMap<string, number>;
  /** Figures that are never shown but take part in lines (e.g. the schools in no collaborative). */
  unpublished?: ReadonlySet<string>;
  /** Exact additive relations: total = sum of parts (the parts are disjoint groups). */
  lines: readonly Line[];
  /** [outer, inner]: the inner group is contained in the outer one. */
  nested: readonly (readonly [string, string])[];
};
export type Suppressor = (problem: SuppressionProblem) => ReadonlySet<string>;

const small = (n: number) => n >= 1 && n < THRESHOLD;

/** The keys to hide, so that every rule in the module comment holds. */
export const suppress: Suppressor = (problem) => {
  const value = (key: string) => problem.values.get(key) ?? 0;
  const hidden = new Set<string>(problem.unpublished ?? []);
  for (const [key, n] of problem.values) if (small(n)) hidden.add(key);
  const linesOf = new Map<string, Line[]>();
  const push = <T>(map: Map<string, T[]>, key: string, item: T) =>
    (map.get(key) ?? map.set(key, []).get(key)!).push(item);
  for (const line of problem.lines) for (const key of [line.total, ...line.parts]) push(linesOf, key, line);
  const inners = new Map<string, string[]>();
  const outers = new Map<string, string[]>();
  for (const [o, i] of problem.nested) {
    push(inners, o, i);
    push(outers, i, o);
  }
  // The counts never change, only what is hidden: a nested pair can only ever break the
  // differences rule when its gap is small, so only those pairs are checked round after round; and
  // the bounds look for the largest shown subgroup and the smallest shown supergroup in lists
  // sorted once by count (at 10x Wales, checking every pair and every list each round was most of
  // building the picture).
  const smallGaps = problem.nested.filter(([o, i]) => small(value(o) - value(i)));
  for (const list of inners.values()) list.sort((a, b) => value(b) - value(a));
  for (const list of outers.values()) list.sort((a, b) => value(a) - value(b));

  /** Hide the smallest non-zero shown part of a line (never `except`), else its total; false when nothing is left. */
  const hideComplement = (line: Line, except: string) => {
    const candidates = line.parts
      .filter((k) => k !== except && !hidden.has(k) && value(k) > 0)
      .sort((a, b) => value(a) - value(b) || a.localeCompare(b));
    const pick =
      candidates[0] ??
      (line.total !== except && !hidden.has(line.total) && value(line.total) > 0 ? line.total : undefined);
    if (pick === undefined) return false;
    hidden.add(pick);
    return true;
  };
  /** A hidden figure someone could work out: hide more around it. */
  const protect = (key: string) => {
    for (const line of linesOf.get(key) ?? []) if (hideComplement(line, key)) return true;
    // Pinned by bounds alone: hide the shown subgroups and supergroups that pin it.
    let changed = false;
    for (const k of [...(inners.get(key) ?? []), ...(outers.get(key) ?? [])]) {
      if (!hidden.has(k) && value(k) === value(key) && value(k) > 0) changed = hidden.add(k) !== null;
    }
    return changed;
  };

  for (let round = 0; round < 10_000; round++) {
    let changed = false;
    for (const [o, i] of smallGaps) {
      if (!hidden.has(o) && !hidden.has(i)) changed = hidden.add(i) !== null;
    }
    for (const line of problem.lines) {
      if (hidden.has(line.total)) continue;
      const hiddenSum = line.parts.filter((k) => hidden.has(k)).reduce((sum, k) => sum + value(k), 0);
      if (small(hiddenSum) && hideComplement(line, '')) changed = true;
    }
    if (changed) continue;
    const exposed = [
      ...pinnedByBounds(problem, hidden, value, inners, outers),
      ...recoverableByLines(problem.lines, hidden, value),
    ];
    for (const key of exposed) if (protect(key)) changed = true;
    if (!changed) return hidden;
  }
  throw new Error('suppression did not settle');
};

/**
 * Hidden figures (non-zero) whose interval, from bounds and one line at a time, is a single value.
 * `inners` are sorted by count, largest first, and `outers` smallest first.
 */
function pinnedByBounds(
  problem: SuppressionProblem,
  hidden: ReadonlySet<string>,
  value: (k: string) => number,
  inners: Map<string, string[]>,
  outers: Map<string, string[]>,
) {
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  const firstShown = (list: string[] | undefined) => list?.find((k) => !hidden.has(k));
  for (const key of hidden) {
    const largestInner = firstShown(inners.get(key));
    const smallestOuter = firstShown(outers.get(key));
    lo.set(key, largestInner === undefined ? 0 : Math.max(0, value(largestInner)));
    hi.set(key, smallestOuter === undefined ? Infinity : value(smallestOuter));
  }
  const low = (k: string) => (hidden.has(k) ? lo.get(k)! : value(k));
  const high = (k: string) => (hidden.has(k) ? hi.get(k)! : value(k));
  for (let pass = 0; pass < 3; pass++) {
    for (const line of problem.lines) {
      const members = [line.total, ...line.parts];
      if (!members.some((k) => hidden.has(k))) continue;
      const partsLow = line.parts.reduce((s, k) => s + low(k), 0);
      const partsHigh = line.parts.reduce((s, k) => s + high(k), 0);
      if (hidden.has(line.total)) {
        lo.set(line.total, Math.max(lo.get(line.total)!, partsLow));
        hi.set(line.total, Math.min(hi.get(line.total)!, partsHigh));
      }
      for (const k of line.parts) {
        if (!hidden.has(k)) continue;
        lo.set(k, Math.max(lo.get(k)!, low(line.total) - (partsHigh - high(k))));
        hi.set(k, Math.min(hi.get(k)!, high(line.total) - (partsLow - low(k))));
      }
    }
  }
  return [...hidden].filter((k) => value(k) > 0 && lo.get(k) === hi.get(k));
}

/** Hidden figures (non-zero) that the lines, taken together, determine exactly (real-valued linear algebra). */
export function recoverableByLines(
  lines: readonly Line[],
  hidden: ReadonlySet<string>,
  value: (k: string) => number,
): string[] {
  const found: string[] = [];
  for (const component of components(lines, hidden)) {
    const vars = [...new Set(component.flatMap((l) => [l.total, ...l.parts].filter((k) => hidden.has(k))))];
    const column = new Map(vars.map((k, i) => [k, i]));
    const rows = component.map((l) => {
      const row = new Array<number>(vars.length).fill(0);
      if (hidden.has(l.total)) row[column.get(l.total)!]! += 1;
      for (const k of l.parts) if (hidden.has(k)) row[column.get(k)!]! -= 1;
      return row;
    });
    for (const i of determinedColumns(rows, vars.length)) if (value(vars[i]!) > 0) found.push(vars[i]!);
  }
  return found;
}

/** Lines that share a hidden figure, grouped, so each system stays small. */
function components(lines: readonly Line[], hidden: ReadonlySet<string>): Line[][] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  const withHidden = lines.filter((l) => [l.total, ...l.parts].some((k) => hidden.has(k)));
  for (const l of withHidden) {
    const keys = [l.total, ...l.parts].filter((k) => hidden.has(k));
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (const k of keys.slice(1)) parent.set(find(k), find(keys[0]!));
  }
  const groups = new Map<string, Line[]>();
  for (const l of withHidden) {
    const root = find([l.total, ...l.parts].find((k) => hidden.has(k))!);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(l);
  }
  return [...groups.values()];
}

/** Columns of the system whose variable is fixed: a pivot whose reduced row has no free columns. */
function determinedColumns(matrix: number[][], width: number): number[] {
  const rows = matrix.map((r) => [...r]);
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivot = rows[r]![c]!;
    rows[r] = rows[r]!.map((x) => x / pivot);
    for (let i = 0; i < rows.length; i++) {
      if (i === r || Math.abs(rows[i]![c]!) < 1e-9) continue;
      const f = rows[i]![c]!;
      rows[i] = rows[i]!.map((x, j) => x - f * rows[r]![j]!);
    }
    pivots.push(c);
    r++;
  }
  const pivotSet = new Set(pivots);
  return pivots.filter((c, i) => rows[i]!.every((x, j) => j === c || pivotSet.has(j) || Math.abs(x) < 1e-9));
}
