import { Type, type Static } from '@sinclair/typebox';
import {
  AREAS,
  EVIDENCE_SOURCES,
  LEARNER_GROUPS,
  NIF_THEMES,
  PRINCIPLES_OF_PROGRESSION,
} from '../../reference/reference-data.ts';
import { BoundedInteger, FormText } from '../../lib/request-schemas.ts';

/** The tag lists of an evidence item, by the form and query name that carries each. */
export const TAG_FIELDS = ['nifThemes', 'areas', 'principles', 'learnerGroups', 'nationalPriorities'] as const;
export type TagField = (typeof TAG_FIELDS)[number];

/** The reference list behind each tag (national priorities come from the database). */
export const TAG_CODES: Record<Exclude<TagField, 'nationalPriorities'>, readonly string[]> = {
  nifThemes: NIF_THEMES,
  areas: AREAS,
  principles: PRINCIPLES_OF_PROGRESSION,
  learnerGroups: LEARNER_GROUPS,
};
/** The catalogue list (`reference.<list>.<code>`) that labels each tag. */
export const TAG_LABELS: Record<Exclude<TagField, 'nationalPriorities'>, string> = {
  nifThemes: 'nifTheme',
  areas: 'area',
  principles: 'principle',
  learnerGroups: 'learnerGroup',
};

/** Facets of the list: each matches any of its ticked values; different facets must all match. */
export const FACETS = ['source', ...TAG_FIELDS, 'firstHand', 'fromBeyond'] as const;
export type Facet = (typeof FACETS)[number];

const codes = (pattern = '^[a-z_]{0,40}$') =>
  Type.Optional(Type.Array(Type.String({ pattern, maxLength: 40 }), { maxItems: 40 }));
const isoDate = Type.Optional(Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$', maxLength: 10 }));

export const EvidenceQuery = Type.Object({
  q: FormText(200),
  source: codes(),
  nifThemes: codes(),
  areas: codes(),
  principles: codes(),
  learnerGroups: codes(),
  nationalPriorities: codes(),
  firstHand: codes('^(yes|no)?$'),
  fromBeyond: codes('^(within|beyond)?$'),
  from: isoDate,
  to: isoDate,
  toReview: Type.Optional(Type.Boolean()),
  archived: Type.Optional(Type.Boolean()),
  year: Type.Optional(BoundedInteger(2000, 2100)),
  page: Type.Optional(BoundedInteger(1, 100_000)),
});
export type EvidenceQueryValues = Static<typeof EvidenceQuery>;

export type EvidenceFilter = Record<Facet, string[]> & {
  q: string;
  from: string | null;
  to: string | null;
  toReview: boolean;
  archived: boolean;
};

const allowed: Partial<Record<Facet, readonly string[]>> = {
  source: EVIDENCE_SOURCES,
  ...TAG_CODES,
  firstHand: ['yes', 'no'],
  fromBeyond: ['within', 'beyond'],
};

/** Every value each facet offers (national priorities come from the database). */
export function facetValues(nationalPriorityCodes: readonly string[]): Record<Facet, readonly string[]> {
  return {
    source: EVIDENCE_SOURCES,
    ...TAG_CODES,
    nationalPriorities: nationalPriorityCodes,
    firstHand: ['yes', 'no'],
    fromBeyond: ['within', 'beyond'],
  };
}

/** The query string as a filter: unknown codes and blanks dropped, each value once. */
export function filterFromQuery(query: EvidenceQueryValues, staff: boolean): EvidenceFilter {
  const values = (facet: Facet) => {
    const list = [...new Set((query[facet] ?? []).filter((v) => v !== ''))];
    const known = allowed[facet];
    return known ? list.filter((v) => known.includes(v)) : list;
  };
  const date = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? value : null);
  return {
    q: (query.q ?? '').trim(),
    ...(Object.fromEntries(FACETS.map((f) => [f, values(f)])) as Record<Facet, string[]>),
    from: date(query.from),
    to: date(query.to),
    // Curating and archiving are the staff's business: nobody else is offered these.
    toReview: staff && query.toReview === true,
    archived: staff && query.archived === true,
  };
}

export function isFiltered(filter: EvidenceFilter): boolean {
  return FACETS.some((f) => filter[f].length > 0) || !!filter.from || !!filter.to || filter.toReview || filter.archived;
}
