import { academicYearOf } from '../../reference/reference-data.ts';
import { academicYearSpan, previousTerm, termOf, workingAlone } from '../../collaboration/school-terms.ts';
import { layoutNetwork } from './network-layout.ts';
import type { ActivityCounts, PeerLink } from './reciprocity-repository.ts';

export const PERIODS = ['current', 'previous'] as const;
export type Period = (typeof PERIODS)[number];

/** This academic year so far (the default) or the one before; never beyond today. */
export function periodSpan(period: Period, today: string) {
  const year = academicYearOf(new Date(`${today}T12:00:00Z`)) - (period === 'previous' ? 1 : 0);
  const { start, end } = academicYearSpan(year);
  return { period, academicYear: year, from: start, to: end < today ? end : today };
}

type School = { number: string; name: string; inCollaborative: boolean };
const NONE = { hosted: 0, visited: 0, gave: 0, received: 0, meetings: 0, sessions: 0, lastActivity: null };

/** One row a school, in the order given (by name: no rankings), with the working-alone flag. */
export function reciprocityRows(schools: School[], counts: ActivityCounts[], today: string) {
  const bySchool = new Map(counts.map((c) => [c.school, c]));
  return schools.map((s) => {
    const c = bySchool.get(s.number) ?? NONE;
    return { ...s, ...NONE, ...c, workingAlone: workingAlone(c.lastActivity, today) };
  });
}
export type ReciprocityRow = ReturnType<typeof reciprocityRows>[number];

/** The terms the flag looks at, for the sentence that explains it. */
export function flagTerms(today: string) {
  const current = termOf(today);
  return { current, previous: previousTerm(current) };
}

/**
 * The network: a collaborative draws every member; an LA only the schools with a link in the
 * period (a ring of a hundred unlinked names says nothing the table does not).
 */
export function networkModel(rows: ReciprocityRow[], links: PeerLink[], everySchool: boolean) {
  const linked = new Set(links.flatMap((l) => [l.source, l.target]));
  const drawn = everySchool ? rows : rows.filter((r) => linked.has(r.number));
  const layout = layoutNetwork(
    drawn.map((r) => ({ id: r.number, label: r.name, alone: r.workingAlone })),
    links,
  );
  return {
    ...layout,
    visits: links.filter((l) => l.kind === 'visit').reduce((n, l) => n + l.count, 0),
    supports: links.filter((l) => l.kind === 'support').reduce((n, l) => n + l.count, 0),
  };
}
