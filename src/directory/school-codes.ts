/**
 * The coded values a school carries in the directory (WG's "Address list of schools"): what the
 * directory filters on, the API publishes and the import checks. Their English and Welsh labels
 * live in the catalogues under `reference.<list>.<code>`; how the published sheet spells each one
 * is the import's business (src/features/directory-import/address-list-columns.ts).
 */
export const SECTOR_CODES = ['nursery', 'primary', 'middle', 'secondary', 'special', 'pru'] as const;

export const GOVERNANCE_CODES = [
  'community',
  'voluntary_controlled',
  'voluntary_aided',
  'foundation',
  'not_applicable',
] as const;

/** Legacy Welsh-medium type codes (DOMAIN.md section 3), plus NA for not applicable. */
export const WM_CODES = ['WM', 'DS', 'TR', 'EW', 'EM', 'AB', 'BB', 'CB', 'CH', 'NA'] as const;

export const RELIGIOUS_CODES = ['none', 'church_in_wales', 'roman_catholic', 'rc_anglican'] as const;
