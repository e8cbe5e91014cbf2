/**
 * Which schools to suggest for a support request, and why (issue 6 item 4). Pure: the repository
 * gathers the candidates (schools with an active offer, in any LA), this orders them. The order
 * is for suggestions only: scores are never shown, and nothing else ranks schools (DOMAIN rule 6).
 */

/** The directory facts and published profile figures of a school. */
export type SchoolFacts = {
  number: string;
  laCode: string;
  sector: string;
  pupils: number | null;
  wmCode: string | null;
  languageCategory: string | null;
  religiousCharacter: string | null;
  efsm: number | null;
};

export type MatchRequest = {
  school: SchoolFacts;
  nifTheme: string | null;
  nationalPriorities: readonly string[];
  areas: readonly string[];
  collaborativeSchools: readonly string[];
  // Schools with an open concern case: left out, and the UI says nothing of why.
  excludedSchools: readonly string[];
};

export type Candidate = {
  school: SchoolFacts & { name: string };
  offer: {
    id: string;
    title: string;
    nifTheme: string | null;
    nationalPriorities: readonly string[];
    areas: readonly string[];
    language: string;
    // For showing the offer, not for matching.
    description?: string;
    otherLanguage?: Record<string, string>;
  };
  // Evidence items linked to the offer's finding: the strength is evidenced.
  evidenceCount: number;
};

export type ReasonCode =
  | 'same_theme'
  | 'shared_national'
  | 'shared_area'
  | 'evidenced'
  | 'same_phase'
  | 'similar_size'
  | 'same_language'
  | 'same_religious'
  | 'efsm_close'
  | 'same_la'
  | 'same_collaborative';
export type Reason = { code: ReasonCode; values?: Record<string, string | number> };
export type Suggestion = Candidate & { reasons: Reason[]; score: number };

const WEIGHTS: Record<ReasonCode, number> = {
  same_theme: 3,
  shared_national: 2,
  shared_area: 2,
  evidenced: 1,
  same_phase: 3,
  similar_size: 2,
  same_language: 2,
  same_religious: 1,
  efsm_close: 3,
  same_la: 1,
  same_collaborative: 1,
};
const EVIDENCE_CAP = 5;

const shared = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x));

/** Same Welsh-medium type: the 2025 language category when both have one, else the 2018 list's code. */
function sameLanguage(a: SchoolFacts, b: SchoolFacts): Reason | null {
  if (a.languageCategory && b.languageCategory)
    return a.languageCategory === b.languageCategory
      ? { code: 'same_language', values: { category: a.languageCategory } }
      : null;
  return a.wmCode && a.wmCode === b.wmCode ? { code: 'same_language', values: { wm: a.wmCode } } : null;
}

/** Why this candidate fits this request, as codes with the values shown beside them. */
export function reasonsFor(request: MatchRequest, c: Candidate): Reason[] {
  const ours = request.school;
  const theirs = c.school;
  const reasons: (Reason | null)[] = [
    request.nifTheme && c.offer.nifTheme === request.nifTheme
      ? { code: 'same_theme', values: { theme: request.nifTheme } }
      : null,
    ...shared(c.offer.nationalPriorities, request.nationalPriorities).map((code): Reason => ({
      code: 'shared_national',
      values: { code },
    })),
    ...shared(c.offer.areas, request.areas).map((code): Reason => ({ code: 'shared_area', values: { code } })),
    c.evidenceCount > 0 ? { code: 'evidenced', values: { count: c.evidenceCount } } : null,
    ours.sector === theirs.sector ? { code: 'same_phase', values: { sector: ours.sector } } : null,
    ours.pupils && theirs.pupils && Math.abs(theirs.pupils - ours.pupils) <= ours.pupils * 0.3
      ? { code: 'similar_size', values: { ours: ours.pupils, theirs: theirs.pupils } }
      : null,
    sameLanguage(ours, theirs),
    ours.religiousCharacter &&
    ours.religiousCharacter !== 'none' &&
    ours.religiousCharacter === theirs.religiousCharacter
      ? { code: 'same_religious', values: { religious: ours.religiousCharacter } }
      : null,
    ours.efsm !== null && theirs.efsm !== null && Math.abs(ours.efsm - theirs.efsm) <= 5
      ? { code: 'efsm_close', values: { ours: ours.efsm, theirs: theirs.efsm } }
      : null,
    ours.laCode === theirs.laCode ? { code: 'same_la' } : null,
    request.collaborativeSchools.includes(theirs.number) ? { code: 'same_collaborative' } : null,
  ];
  return reasons.filter((r): r is Reason => r !== null);
}

function scoreOf(reasons: Reason[], evidenceCount: number): number {
  const evidence = Math.min(evidenceCount, EVIDENCE_CAP) * 2;
  return reasons.reduce((sum, r) => sum + WEIGHTS[r.code], 0) + evidence;
}

/** Whether the offer answers the request at all: same NIF theme, or a national priority or Area in common. */
export function answersRequest(request: MatchRequest, c: Candidate): boolean {
  return (
    (!!request.nifTheme && c.offer.nifTheme === request.nifTheme) ||
    shared(c.offer.nationalPriorities, request.nationalPriorities).length > 0 ||
    shared(c.offer.areas, request.areas).length > 0
  );
}

/**
 * The candidates that answer the request, best first, one per school (its best offer), without
 * the requesting school or a school causing concern. Ties: more evidence, then by name.
 */
export function rankSuggestions(request: MatchRequest, candidates: readonly Candidate[], limit = 5): Suggestion[] {
  const best = new Map<string, Suggestion>();
  for (const c of candidates) {
    if (
      c.school.number === request.school.number ||
      request.excludedSchools.includes(c.school.number) ||
      !answersRequest(request, c)
    )
      continue;
    const reasons = reasonsFor(request, c);
    const suggestion = { ...c, reasons, score: scoreOf(reasons, c.evidenceCount) };
    const held = best.get(c.school.number);
    if (!held || compare(suggestion, held) < 0) best.set(c.school.number, suggestion);
  }
  return [...best.values()].sort(compare).slice(0, limit);
}

function compare(a: Suggestion, b: Suggestion): number {
  return (
    b.score - a.score ||
    b.evidenceCount - a.evidenceCount ||
    a.school.name.localeCompare(b.school.name, 'en') ||
    a.offer.id.localeCompare(b.offer.id)
  );
}

/** Reasons as stored on an agreement (one JSON text per reason) and back. */
export const encodeReasons = (reasons: readonly Reason[]) => reasons.map((r) => JSON.stringify(r));
export function decodeReasons(stored: readonly string[]): Reason[] {
  return stored.flatMap((s) => {
    try {
      const r = JSON.parse(s) as Reason;
      return r && typeof r.code === 'string' && r.code in WEIGHTS ? [r] : [];
    } catch {
      return [];
    }
  });
}
