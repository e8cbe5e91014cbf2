import type { TFunction } from 'i18next';
import type { CaseStudyForm } from './case-study-form.ts';
import type { CaseStudy } from './case-study-repository.ts';

/** What someone else saved beside what this person typed, where they differ. */
export function caseStudyConflict(t: TFunction, theirs: CaseStudy, yours: CaseStudyForm) {
  const fields = ['title', 'summary', 'whatWeDid', 'learners', 'impact'] as const;
  const tags = [
    ['nifThemes', 'nifTheme'],
    ['areas', 'area'],
  ] as const;
  return [
    ...fields
      .filter((f) => theirs[f] !== yours[f])
      .map((f) => ({ label: t(`goodPractice.fields.${f}`), theirs: theirs[f], yours: yours[f] })),
    ...tags
      .map(([f, list]) => ({
        f,
        a: theirs[f].map((c) => t(`reference.${list}.${c}`)).join(', '),
        b: yours[f].map((c) => t(`reference.${list}.${c}`)).join(', '),
      }))
      .filter((r) => r.a !== r.b)
      .map((r) => ({ label: t(`goodPractice.fields.${r.f}`), theirs: r.a, yours: r.b })),
    ...(theirs.nationalPriorities.join() !== yours.nationalPriorities.join()
      ? [
          {
            label: t('goodPractice.fields.nationalPriorities'),
            theirs: theirs.nationalPriorities.join(', '),
            yours: yours.nationalPriorities.join(', '),
          },
        ]
      : []),
  ];
}
