import { forReader } from '../../lib/paired-text.ts';
import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/dates.ts';
import type { Language } from '../../plugins/i18n.ts';
import { EVIDENCE_SOURCES } from '../../reference/reference-data.ts';
import { TAG_FIELDS, type EvidenceFilter, type Facet } from './evidence-filter.ts';
import { tagCodes, tagLabel, type NationalPriority } from './evidence-presenter.ts';
import type { EvidenceListRow } from './evidence-repository.ts';

type Counts = Record<Facet | 'toReview', Map<string, number>>;

const numberFormats = { en: new Intl.NumberFormat('en-GB'), cy: new Intl.NumberFormat('cy-GB') };
const number = (value: number, lang: Language) => numberFormats[lang].format(value);

/** The filter panel: every facet with each value's count given the other filters. */
export function facetGroups(
  t: TFunction,
  lang: Language,
  filter: EvidenceFilter,
  counts: Counts,
  priorities: NationalPriority[],
) {
  const group = (name: Facet, legend: string, options: { value: string; label: string }[]) => {
    const items = options.map((o) => ({
      value: o.value,
      text: `${o.label} (${number(counts[name].get(o.value) ?? 0, lang)})`,
      checked: filter[name].includes(o.value),
    }));
    return { name, legend, items, open: filter[name].length > 0 };
  };
  return [
    group(
      'source',
      t('pages.evidence.item.source'),
      EVIDENCE_SOURCES.map((code) => ({ value: code, label: t(`reference.evidenceSource.${code}`) })),
    ),
    group('firstHand', t('pages.evidence.item.firstHand'), [
      { value: 'yes', label: t('pages.evidence.list.firstHand') },
      { value: 'no', label: t('pages.evidence.list.notFirstHand') },
    ]),
    group('fromBeyond', t('pages.evidence.item.seenBy'), [
      { value: 'within', label: t('pages.evidence.fields.within') },
      { value: 'beyond', label: t('pages.evidence.fields.beyond') },
    ]),
    ...TAG_FIELDS.map((field) =>
      group(
        field,
        t(`pages.evidence.tags.${field}`),
        tagCodes(field, priorities).map((code) => ({ value: code, label: tagLabel(t, lang, field, code, priorities) })),
      ),
    ),
  ];
}

export function toReviewCount(counts: Counts, lang: Language): string {
  return number(counts.toReview.get('true') ?? 0, lang);
}

/** One line of the results. */
export function rowModel(t: TFunction, lang: Language, schoolNumber: string, row: EvidenceListRow) {
  const meta = [
    formatDate(row.observedOn, lang),
    t(`reference.evidenceSource.${row.source}`),
    row.firstHand ? t('pages.evidence.list.firstHand') : t('pages.evidence.list.notFirstHand'),
    ...(row.fromBeyond ? [t('pages.evidence.fields.beyond')] : []),
  ];
  // The reader's version when there is one (issue 16); the query cuts only the original to 240 characters.
  const body = forReader(row, row.excerpt, 'body', lang);
  const excerpt = body.text.length >= 240 ? `${body.text.slice(0, 240).trimEnd()}…` : body.text;
  return {
    href: `/schools/${schoolNumber}/evidence/${row.id}`,
    title: forReader(row, row.title, 'title', lang),
    meta,
    excerpt: { ...body, text: excerpt },
    themes: row.nifThemes.map((code) => t(`reference.nifTheme.${code}`)),
    areas: row.areas.map((code) => t(`reference.area.${code}`)),
    toReview: !row.curated,
    shared: row.audiences.map((a) => t(`reference.audience.${a}`)),
  };
}
