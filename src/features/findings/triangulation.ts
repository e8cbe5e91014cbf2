/**
 * How well a finding is triangulated (DOMAIN.md section 4): several kinds of evidence,
 * including first-hand evidence and evidence seen by someone from beyond the school,
 * pointing the same way.
 */
export type TriangulationEvidence = { source: string; firstHand: boolean; fromBeyond: boolean };
export type TriangulationLevel = 'strong' | 'partial' | 'weak';
export type Triangulation = {
  /** How many distinct kinds (sources) of evidence. */
  kinds: number;
  /** The distinct sources, in the order first met. */
  sources: string[];
  items: number;
  firstHand: boolean;
  beyond: boolean;
  level: TriangulationLevel;
  /** What would make it stronger, as codes: moreKinds, firstHand, beyond. Empty when strong. */
  toStrengthen: ('moreKinds' | 'firstHand' | 'beyond')[];
};

export const STRONG_KINDS = 3;
export const PARTIAL_KINDS = 2;

/**
 * strong:  3 or more kinds AND some first-hand evidence AND some seen from beyond the school;
 * partial: 2 or more kinds AND (first-hand OR from beyond);
 * weak:    anything else (including no evidence at all).
 */
export function triangulation(evidenceRows: readonly TriangulationEvidence[]): Triangulation {
  const sources = [...new Set(evidenceRows.map((e) => e.source))];
  const kinds = sources.length;
  const firstHand = evidenceRows.some((e) => e.firstHand);
  const beyond = evidenceRows.some((e) => e.fromBeyond);
  const level: TriangulationLevel =
    kinds >= STRONG_KINDS && firstHand && beyond
      ? 'strong'
      : kinds >= PARTIAL_KINDS && (firstHand || beyond)
        ? 'partial'
        : 'weak';
  const toStrengthen: Triangulation['toStrengthen'] = [];
  if (level !== 'strong') {
    if (kinds < STRONG_KINDS) toStrengthen.push('moreKinds');
    if (!firstHand) toStrengthen.push('firstHand');
    if (!beyond) toStrengthen.push('beyond');
  }
  return { kinds, sources, items: evidenceRows.length, firstHand, beyond, level, toStrengthen };
}
