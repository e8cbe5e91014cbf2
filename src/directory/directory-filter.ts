import { Type, type Static, type TObject } from '@sinclair/typebox';
import { GOVERNANCE_CODES, RELIGIOUS_CODES, SECTOR_CODES, WM_CODES } from './school-codes.ts';

/** The filters a school search can apply: each one matches any of the values given. */
export const FACETS = ['la', 'sector', 'wm', 'governance', 'religious'] as const;
export type Facet = (typeof FACETS)[number];

export type DirectoryFilter = {
  q: string;
  includeClosed: boolean;
} & Record<Facet, string[]>;

/** The codes each facet offers, in the order a reader expects them (LAs come from the database). */
export const FACET_CODES: Record<Exclude<Facet, 'la'>, readonly string[]> = {
  sector: SECTOR_CODES,
  wm: WM_CODES,
  governance: GOVERNANCE_CODES,
  religious: RELIGIOUS_CODES,
};

// A blank value is what an "any" option of a select sends; it means no filter.
const oneOf = (codes: readonly string[], description: string) =>
  Type.Optional(Type.Array(Type.String({ enum: ['', ...codes] }), { maxItems: 30, description }));

/**
 * The search and filter part of a query string, shared by the page and the API so both accept
 * exactly the same filters. A parameter may repeat (`sector=primary&sector=secondary`).
 */
export const FilterQuery = {
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Words of the name (accents optional), a school number, or a postcode',
    }),
  ),
  la: Type.Optional(
    Type.Array(Type.String({ pattern: '^(\\d{3})?$', maxLength: 3 }), {
      maxItems: 30,
      description: 'Local authority codes (660 to 681)',
    }),
  ),
  sector: oneOf(SECTOR_CODES, 'Sectors'),
  wm: oneOf(WM_CODES, 'Welsh-medium type codes'),
  governance: oneOf(GOVERNANCE_CODES, 'Governance'),
  religious: oneOf(RELIGIOUS_CODES, 'Religious character'),
  includeClosed: Type.Optional(Type.Boolean({ description: 'Include closed schools (open schools only by default)' })),
};
export type FilterQueryValues = Static<TObject<typeof FilterQuery>>;

const values = (list: string[] | undefined) => [...new Set((list ?? []).filter((v) => v !== ''))];

export function filterFromQuery(query: FilterQueryValues): DirectoryFilter {
  return {
    q: (query.q ?? '').trim(),
    includeClosed: query.includeClosed === true,
    la: values(query.la),
    sector: values(query.sector),
    wm: values(query.wm),
    governance: values(query.governance),
    religious: values(query.religious),
  };
}

export function hasFacetFilters(filter: DirectoryFilter): boolean {
  return FACETS.some((f) => filter[f].length > 0) || filter.includeClosed;
}
