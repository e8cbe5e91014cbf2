import type { FastifyRequest } from 'fastify';
import type { Language } from '../../plugins/i18n.ts';
import type { Paired } from '../../lib/paired-text.ts';
import { readerTexts, withReaderTexts } from '../../lib/reader-texts.ts';
import type { Db } from '../../db/client.ts';
import { AREAS, NIF_THEMES } from '../../reference/reference-data.ts';
import {
  localAuthorityOptions,
  nationalPriorityOptions,
  type CaseStudy,
  type Facet,
  type SearchFilters,
} from './case-study-repository.ts';
import { nameIn } from './good-practice-context.ts';
import { schoolNamesOf } from './school-names-repository.ts';

const SECTORS = ['nursery', 'primary', 'middle', 'secondary', 'special', 'pru'];

/** The filters with how many case studies each option gives; options with none are left out unless chosen. */
export async function filterGroups(
  db: Db,
  request: FastifyRequest,
  filters: SearchFilters,
  counts: Record<Facet, Map<string, number>>,
) {
  const t = request.t;
  const [national, las] = await Promise.all([nationalPriorityOptions(db), localAuthorityOptions(db)]);
  const options: Record<Facet, { value: string; label: string }[]> = {
    theme: NIF_THEMES.map((c) => ({ value: c, label: t(`reference.nifTheme.${c}`) })),
    national: national.map((n) => ({ value: n.code, label: nameIn(request.lang, n) })),
    area: AREAS.map((c) => ({ value: c, label: t(`reference.area.${c}`) })),
    phase: SECTORS.map((c) => ({ value: c, label: t(`reference.sector.${c}`) })),
    la: las.map((la) => ({ value: la.code, label: nameIn(request.lang, la) })),
  };
  return (Object.keys(options) as Facet[]).map((facet) => ({
    name: facet,
    label: t(`goodPractice.filters.${facet}`),
    items: [
      { value: '', text: t('goodPractice.filters.any'), selected: !filters[facet] },
      ...options[facet]
        .filter((o) => (counts[facet].get(o.value) ?? 0) > 0 || filters[facet] === o.value)
        .map((o) => ({
          value: o.value,
          text: `${o.label} (${counts[facet].get(o.value) ?? 0})`,
          selected: filters[facet] === o.value,
        })),
    ],
  }));
}

/** The case study's tags as labels in the reader's language. */
export async function caseStudyTags(db: Db, request: FastifyRequest, cs: CaseStudy) {
  const t = request.t;
  const national = await nationalPriorityOptions(db);
  return [
    { label: t('goodPractice.fields.nifThemes'), values: cs.nifThemes.map((c) => t(`reference.nifTheme.${c}`)) },
    {
      label: t('goodPractice.fields.nationalPriorities'),
      values: cs.nationalPriorities.map((c) => {
        const n = national.find((x) => x.code === c);
        return n ? nameIn(request.lang, n) : c;
      }),
    },
    { label: t('goodPractice.fields.areas'), values: cs.areas.map((c) => t(`reference.area.${c}`)) },
  ].filter((g) => g.values.length);
}

/** Where this user may write a case study: the schools they lead and the LAs they are an officer of. */
export async function writeLinks(db: Db, request: FastifyRequest, schoolNumbers: string[], laCodes: string[]) {
  const [schools, las] = await Promise.all([
    schoolNamesOf(db, schoolNumbers),
    laCodes.length ? localAuthorityOptions(db) : [],
  ]);
  return [
    ...schools.map((s) => ({ href: `/schools/${s.number}/good-practice`, text: s.name })),
    ...las
      .filter((la) => laCodes.includes(la.code))
      .map((la) => ({ href: `/local-authorities/${la.code}/good-practice`, text: nameIn(request.lang, la) })),
  ];
}

/** A case study's texts as its reader sees them (issue 16): in their language, or the original marked. */
export const CASE_STUDY_TEXTS = ['title', 'summary', 'whatWeDid', 'learners', 'impact'] as const;
export const caseStudyTexts = (
  cs: Paired & Partial<Record<(typeof CASE_STUDY_TEXTS)[number], string>>,
  lang: Language,
) => readerTexts(cs, CASE_STUDY_TEXTS, lang);
/** A list's rows with their title and summary for this reader. */
export const caseStudyRows = <R extends Paired & { title: string; summary: string }>(rows: R[], lang: Language) =>
  rows.map((r) => withReaderTexts(r, ['title', 'summary'], lang));
