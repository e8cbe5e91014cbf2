import type { TFunction } from 'i18next';
import { checkLearnerData, type LearnerDataFlag } from '../../lib/learner-data-check.ts';
import { referencePhrases } from '../../reference/reference-phrases.ts';

/**
 * The learner-data prompt for what a collaborative writes down (meeting notes, samples of work
 * discussed): DOMAIN.md section 7, rule 5. Shared by meetings and progression sessions.
 */
export type TextFlag = LearnerDataFlag & { field: string };

/**
 * What in these fields looks learner-identifiable, each once. Text already saved was asked about
 * when it was saved, so an edit only asks about what is new.
 */
export function learnerFlags(fields: Record<string, string>, allowed: string[], alreadySaved = ''): TextFlag[] {
  const allowedPhrases = [...allowed, ...referencePhrases()];
  const seen = new Set<string>();
  return Object.entries(fields)
    .flatMap(([field, value]) => checkLearnerData(value, { allowedPhrases }).map((f) => ({ ...f, field })))
    .filter((f) => !alreadySaved.includes(f.match) && !seen.has(f.match) && !!seen.add(f.match));
}

/** One line per flag for the warning: why, and a link to the field it is in. */
export function warningLines(t: TFunction, flags: TextFlag[], linkKeys: Record<string, string>) {
  return flags.map((f) => ({
    text: t(`meetings.learnerData.reason.${f.reason}`, { match: f.match }),
    href: `#${f.field}`,
    link: t(linkKeys[f.field] ?? 'meetings.learnerData.change'),
  }));
}
