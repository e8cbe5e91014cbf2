/**
 * The professional learning rule of the seed (guidance on the collaborative model, June 2024,
 * section 5.1): the national professional learning on facilitating collaborative improvement
 * should be undertaken by
 *   1. all LA staff involved in supporting schools with self-evaluation and improvement;
 *   2. at least one member of the senior leadership team in each secondary school;
 *   3. at least one member of the leadership teams across each cluster or collaborative of
 *      primary schools (special, PRU and EOTAS included).
 * Pure: the repository gathers the people (active users only), this decides.
 */

/** A user; `active: false` (a closed account) never counts, for or against. */
export type Person = { id: string; name: string; active?: boolean };
const active = (people: readonly Person[]) => people.filter((p) => p.active !== false);

/** An open secondary (or middle, all-age) school of the LA and its senior leaders. */
export type SecondarySchool = { number: string; name: string; seniorLeaders: Person[] };

/** A collaborative of the LA that is not closed, its member schools' sectors and its leaders. */
export type CollaborativeInput = {
  id: string;
  nameEn: string;
  nameCy: string;
  memberSectors: string[];
  leaders: Person[];
};

export type RuleInput = {
  staff: Person[];
  secondarySchools: SecondarySchool[];
  collaboratives: CollaborativeInput[];
  /** Users who completed the required programme. */
  completed: ReadonlySet<string>;
};

/** Why a school or collaborative is a gap: nobody to count, or nobody who has completed it. */
export type GapReason = 'noLeaderRecorded' | 'noneCompleted';

export type RulePart<G> = { met: boolean; total: number; meeting: number; gaps: G[] };
export type SchoolGap = { number: string; name: string; reason: GapReason };
export type CollaborativeGap = { id: string; nameEn: string; nameCy: string; reason: GapReason };

export type RuleResult = {
  staff: RulePart<Person>;
  secondarySchools: RulePart<SchoolGap>;
  collaboratives: RulePart<CollaborativeGap>;
  met: boolean;
};

/** A collaborative of secondary schools alone is not a primary cluster; the secondary part counts those schools. */
export function countsAsPrimaryCollaborative(memberSectors: readonly string[]): boolean {
  return memberSectors.length === 0 || memberSectors.some((sector) => sector !== 'secondary');
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB');

function part<G>(total: number, gaps: G[]): RulePart<G> {
  return { met: gaps.length === 0, total, meeting: total - gaps.length, gaps };
}

function gapReason(all: readonly Person[], completed: ReadonlySet<string>): GapReason | null {
  const people = active(all);
  if (people.length === 0) return 'noLeaderRecorded';
  return people.some((p) => completed.has(p.id)) ? null : 'noneCompleted';
}

export function professionalLearningRule(input: RuleInput): RuleResult {
  const staff = [...new Map(active(input.staff).map((p) => [p.id, p])).values()];
  const staffGaps = staff.filter((p) => !input.completed.has(p.id)).sort(byName);

  const schoolGaps: SchoolGap[] = [];
  for (const school of input.secondarySchools) {
    const reason = gapReason(school.seniorLeaders, input.completed);
    if (reason) schoolGaps.push({ number: school.number, name: school.name, reason });
  }

  const counted = input.collaboratives.filter((c) => countsAsPrimaryCollaborative(c.memberSectors));
  const collaborativeGaps: CollaborativeGap[] = [];
  for (const c of counted) {
    const reason = gapReason(c.leaders, input.completed);
    if (reason) collaborativeGaps.push({ id: c.id, nameEn: c.nameEn, nameCy: c.nameCy, reason });
  }

  const result = {
    staff: part(staff.length, staffGaps),
    secondarySchools: part(input.secondarySchools.length, schoolGaps.sort(byName)),
    collaboratives: part(
      counted.length,
      collaborativeGaps.sort((a, b) => a.nameEn.localeCompare(b.nameEn, 'en-GB')),
    ),
  };
  return { ...result, met: result.staff.met && result.secondarySchools.met && result.collaboratives.met };
}
