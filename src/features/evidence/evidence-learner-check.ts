import { checkLearnerData, type LearnerDataFlag } from '../../lib/learner-data-check.ts';
import type { SchoolContext } from '../../policy/school-policy.ts';
import { referencePhrases } from '../../reference/reference-phrases.ts';

export type FieldFlag = LearnerDataFlag & { field: 'title' | 'body' };

/** What in the title and text looks learner-identifiable, each once, with where it is. */
export function learnerDataFlags(
  values: { title: string; body: string },
  school: SchoolContext,
  nationalPriorityNames: string[],
): FieldFlag[] {
  const allowedPhrases = [school.name, ...nationalPriorityNames, ...referencePhrases()];
  const seen = new Set<string>();
  const flagsIn = (field: 'title' | 'body') =>
    checkLearnerData(values[field], { allowedPhrases }).map((f) => ({ ...f, field }));
  return [...flagsIn('title'), ...flagsIn('body')].filter((f) => !seen.has(f.match) && !!seen.add(f.match));
}
