import type { TFunction } from 'i18next';
import type { Language } from '../../plugins/i18n.ts';
import { FACET_CODES, type DirectoryFilter, type Facet } from '../../directory/directory-filter.ts';
import type { FacetCounts, SchoolSummary } from '../../directory/directory-repository.ts';

type La = { code: string; nameEn: string; nameCy: string };

/** The catalogue group holding each coded column's labels. */
export const REFERENCE = {
  sector: 'sector',
  wm: 'wm',
  governance: 'governance',
  religious: 'religious',
  schoolType: 'schoolType',
} as const;
type ReferenceGroup = (typeof REFERENCE)[keyof typeof REFERENCE];

export function label(t: TFunction, group: ReferenceGroup, code: string | null): string {
  return code ? t(`reference.${group}.${code}`) : '';
}

const numberFormats = { en: new Intl.NumberFormat('en-GB'), cy: new Intl.NumberFormat('cy-GB') };
export const formatCount = (n: number, lang: Language) => numberFormats[lang].format(n);

export const laName = (la: { nameEn: string; nameCy: string }, lang: Language) =>
  lang === 'cy' ? la.nameCy : la.nameEn;

export function sortedLas<T extends La>(las: T[], lang: Language): T[] {
  return [...las].sort((a, b) => laName(a, lang).localeCompare(laName(b, lang), lang));
}

const LEGENDS: Record<Exclude<Facet, 'la'>, string> = {
  sector: 'pages.directory.filters.sector',
  wm: 'pages.directory.filters.wm',
  governance: 'pages.directory.filters.governance',
  religious: 'pages.directory.filters.religious',
};

/**
 * The filter controls: an LA select and a group of checkboxes per facet, each option labelled
 * with its count. An option with no schools is left out unless it is ticked.
 */
export function filterModel(t: TFunction, lang: Language, filter: DirectoryFilter, facets: FacetCounts, las: La[]) {
  const withCount = (text: string, n: number) => `${text} (${formatCount(n, lang)})`;
  const laItems = [
    { value: '', text: t('pages.directory.filters.anyLa') },
    ...sortedLas(las, lang).map((la) => ({
      value: la.code,
      text: withCount(laName(la, lang), facets.la.get(la.code) ?? 0),
      selected: filter.la.includes(la.code),
    })),
  ];
  const groups = (Object.keys(LEGENDS) as Exclude<Facet, 'la'>[])
    .map((facet) => ({
      name: facet,
      legend: t(LEGENDS[facet]),
      // The sector is the filter most people want; the others fold away unless in use.
      folded: facet !== 'sector' && filter[facet].length === 0,
      items: FACET_CODES[facet]
        .filter((code) => (facets[facet].get(code) ?? 0) > 0 || filter[facet].includes(code))
        .map((code) => ({
          value: code,
          text: withCount(label(t, facet, code), facets[facet].get(code) ?? 0),
          checked: filter[facet].includes(code),
        })),
    }))
    .filter((group) => group.items.length > 0);
  return { laItems, groups };
}

export function resultModel(t: TFunction, lang: Language, row: SchoolSummary) {
  return {
    number: row.number,
    name: row.name,
    href: `/schools/${row.number}`,
    laName: laName({ nameEn: row.laNameEn, nameCy: row.laNameCy }, lang),
    details: [label(t, 'sector', row.sector), row.wmCode && row.wmCode !== 'NA' ? label(t, 'wm', row.wmCode) : '']
      .filter(Boolean)
      .join(' · '),
    postcode: row.postcode,
    open: row.open,
    closedOn: row.closedOn,
  };
}
