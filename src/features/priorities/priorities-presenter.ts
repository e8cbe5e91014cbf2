import type { Language } from '../../plugins/i18n.ts';
import { withReaderTexts } from '../../lib/reader-texts.ts';
import type { TFunction } from 'i18next';
import { NIF_THEMES, PRIORITY_STATES } from '../../reference/reference-data.ts';
import type { PriorityInput } from './priorities-service.ts';
import type * as repo from './priorities-repository.ts';
import { priorityReadiness } from '../../self-evaluation/priority-readiness.ts';

type ListRow = Awaited<ReturnType<typeof repo.prioritiesOfCycle>>[number];
type NationalPriority = Awaited<ReturnType<typeof repo.nationalPriorityList>>[number];
export const GROUPINGS = ['theme', 'state'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The list page: priorities by NIF theme (those without one last) or by state, each with what it still needs. */
export function groupPriorities(rows: ListRow[], by: Grouping, reader: Language) {
  const withReadiness = rows.map((p) => ({
    ...withReaderTexts(p, ['title'], reader),
    missing: priorityReadiness(p),
  }));
  const keys: (string | null)[] = by === 'theme' ? [...NIF_THEMES, null] : [...PRIORITY_STATES];
  return keys
    .map((key) => ({ key, priorities: withReadiness.filter((p) => (by === 'theme' ? p.nifTheme : p.state) === key) }))
    .filter((group) => group.priorities.length > 0);
}

export function nationalName(n: NationalPriority | undefined, code: string, lang: string) {
  return n ? (lang === 'cy' ? n.nameCy : n.nameEn) : code;
}

/** What the other person saved beside what this person typed, where they differ. */
export function conflictRows(
  theirs: PriorityInput,
  yours: PriorityInput,
  names: { findings: Map<string, string>; national: NationalPriority[] },
  t: TFunction,
  lang: string,
) {
  const list = (ids: string[], name: (id: string) => string) => ids.map(name).sort().join('\n');
  const show: Record<string, (v: PriorityInput) => string> = {
    title: (v) => v.title,
    description: (v) => v.description,
    nifTheme: (v) => (v.nifTheme ? t(`reference.nifTheme.${v.nifTheme}`) : ''),
    learners: (v) => v.learners,
    successMeasure: (v) => v.successMeasure,
    findingIds: (v) => list(v.findingIds, (id) => names.findings.get(id) ?? id),
    nationalPriorities: (v) =>
      list(v.nationalPriorities, (code) =>
        nationalName(
          names.national.find((n) => n.code === code),
          code,
          lang,
        ),
      ),
    origin: (v) => t(`reference.priorityOrigin.${v.origin}`),
  };
  return Object.entries(show)
    .map(([field, render]) => ({
      label: t(`pages.priorities.fields.${field}`),
      theirs: render(theirs),
      yours: render(yours),
    }))
    .filter((row) => row.theirs !== row.yours);
}

export function inputOf(p: repo.Priority, findingIds: string[]): PriorityInput {
  return {
    title: p.title,
    description: p.description,
    nifTheme: p.nifTheme ?? '',
    learners: p.learners,
    successMeasure: p.successMeasure,
    nationalPriorities: p.nationalPriorities,
    origin: p.origin,
    language: p.language,
    findingIds,
  };
}

/** A priority's own texts as its reader sees them (issue 16). */
export const PRIORITY_TEXTS = ['title', 'description', 'learners', 'successMeasure'] as const;
