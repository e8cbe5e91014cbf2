/**
 * The columns and coded values of WG's "Address list of schools", as published (April 2018
 * edition). Values are stored as codes; their English and Welsh labels live in the catalogues
 * (taken from WG's own Welsh sheet, "A_gynhelir"). The code lists themselves are shared domain:
 * src/directory/school-codes.ts.
 */
export const MAINTAINED_SHEET = 'Maintained';
export const PRU_SHEET = 'PRU';

export type ColumnKey =
  | 'number'
  | 'name'
  | 'laCode'
  | 'laName'
  | 'sector'
  | 'governance'
  | 'wmCode'
  | 'wmType'
  | 'schoolType'
  | 'religiousCharacter'
  | 'address1'
  | 'address2'
  | 'address3'
  | 'address4'
  | 'postcode'
  | 'phone'
  | 'pupils';

/** Header text (lower case, notes suffix removed) -> column. */
export const HEADERS: Record<string, ColumnKey> = {
  'school number': 'number',
  'school name': 'name',
  'la code': 'laCode',
  'local authority': 'laName',
  sector: 'sector',
  governance: 'governance',
  'wm code': 'wmCode',
  'welsh medium type': 'wmType',
  'school type': 'schoolType',
  'religious character': 'religiousCharacter',
  'address 1': 'address1',
  'address 2': 'address2',
  'address 3': 'address3',
  'address 4': 'address4',
  postcode: 'postcode',
  'phone number': 'phone',
  pupils: 'pupils',
};

const ADDRESS: ColumnKey[] = ['address1', 'address2', 'address3', 'address4', 'postcode', 'phone'];
export const REQUIRED_COLUMNS: Record<'maintained' | 'pru', ColumnKey[]> = {
  maintained: [
    'number',
    'name',
    'laCode',
    'sector',
    'governance',
    'wmCode',
    'schoolType',
    'religiousCharacter',
    ...ADDRESS,
    'pupils',
  ],
  pru: ['number', 'name', 'laCode', ...ADDRESS],
};

export const SECTORS: Record<string, string> = {
  nursery: 'nursery',
  primary: 'primary',
  middle: 'middle',
  secondary: 'secondary',
  special: 'special',
};

export const GOVERNANCE: Record<string, string> = {
  community: 'community',
  'voluntary controlled': 'voluntary_controlled',
  'voluntary aided': 'voluntary_aided',
  foundation: 'foundation',
  'not applicable': 'not_applicable',
};

export const SCHOOL_TYPES: Record<string, string> = {
  nursery: 'nursery',
  infants: 'infants',
  juniors: 'juniors',
  'nursery & infants': 'nursery_infants',
  'infants & juniors': 'infants_juniors',
  'nursery, infants & juniors': 'nursery_infants_juniors',
  'middle (ages 3-16)': 'middle_3_16',
  'middle (ages 3-19)': 'middle_3_19',
  'middle (ages 4-16)': 'middle_4_16',
  'middle (ages 4-19)': 'middle_4_19',
  'secondary (ages 11-16)': 'secondary_11_16',
  'secondary (ages 11-19)': 'secondary_11_19',
  'special (with post-16 provision)': 'special_post16',
  'special (without post-16 provision)': 'special_no_post16',
};

export const RELIGIOUS_CHARACTERS: Record<string, string> = {
  '---': 'none',
  '': 'none',
  none: 'none',
  'church in wales': 'church_in_wales',
  'roman catholic': 'roman_catholic',
  'roman catholic & anglican': 'rc_anglican',
};
