import { Type, type TSchema } from '@sinclair/typebox';
import { FilterQuery } from '../../directory/directory-filter.ts';
import { GOVERNANCE_CODES, RELIGIOUS_CODES, SECTOR_CODES, WM_CODES } from '../../directory/school-codes.ts';
import { BoundedInteger, LaCode, SchoolNumber, Uuid } from '../../lib/request-schemas.ts';

// OpenAPI 3.1 (JSON Schema 2020-12), so a value that may be absent is simply "or null".
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const code = (codes: readonly string[], description: string) => Type.String({ enum: [...codes], description });

export const LocalisedName = Type.Object({ en: Type.String(), cy: Type.String() }, { $id: 'LocalisedName' });

export const ApiError = Type.Object(
  { error: Type.String({ description: 'A stable reason code, e.g. not-found' }), message: Type.String() },
  { $id: 'Error' },
);

export const LocalAuthority = Type.Object(
  {
    code: LaCode,
    name: Type.Ref(LocalisedName),
    openSchools: Type.Integer(),
    bySector: Type.Record(Type.String(), Type.Integer(), { description: 'Open schools per sector code' }),
  },
  { $id: 'LocalAuthority' },
);

const summaryProperties = {
  number: Type.String({ pattern: '^\\d{7}$', description: '3-digit LA code + 4 digits' }),
  name: Type.String(),
  laCode: LaCode,
  laName: Type.Ref(LocalisedName),
  sector: code(SECTOR_CODES, 'Sector code'),
  governance: Nullable(code(GOVERNANCE_CODES, 'Governance code (null for PRUs)')),
  wmCode: Nullable(code(WM_CODES, 'Legacy Welsh-medium type code (null for PRUs)')),
  schoolType: Nullable(Type.String({ description: 'School type code' })),
  religiousCharacter: Nullable(code(RELIGIOUS_CODES, 'Religious character code')),
  postcode: Nullable(Type.String()),
  pupils: Nullable(Type.Integer({ description: 'January census; null for a new school or a PRU' })),
  open: Type.Boolean(),
  closedOn: Nullable(Type.String({ format: 'date' })),
};

export const SchoolSummary = Type.Object(summaryProperties, { $id: 'SchoolSummary' });

export const SchoolDetail = Type.Object(
  {
    ...summaryProperties,
    address: Type.Array(Type.String(), { description: 'Address lines, without the postcode' }),
    phone: Nullable(Type.String()),
    languageCategory: Nullable(Type.String({ description: 'Statutory language category (from 2025)' })),
    languageCategorySecond: Nullable(Type.String()),
    history: Type.Array(
      Type.Object({
        kind: Type.String({ enum: ['added', 'changed', 'closed', 'reopened'] }),
        editionDate: Type.String({ format: 'date' }),
        importedAt: Type.String({ format: 'date-time' }),
        fileName: Type.String(),
        fields: Nullable(Type.Record(Type.String(), Type.Object({ before: Type.Unknown(), after: Type.Unknown() }))),
      }),
      { description: 'What each import of the Address list did to the school, newest first' },
    ),
    collaboratives: Type.Array(
      Type.Object({ id: Uuid, kind: Type.String(), name: Type.Ref(LocalisedName), status: Type.String() }),
    ),
  },
  { $id: 'SchoolDetail' },
);

export const SHARED_SCHEMAS = [LocalisedName, ApiError, LocalAuthority, SchoolSummary, SchoolDetail];

export const SchoolsQuery = Type.Object({
  ...FilterQuery,
  page: Type.Optional(BoundedInteger(1, 100_000, { default: 1 })),
  pageSize: Type.Optional(BoundedInteger(1, 100, { default: 25 })),
});

export const SchoolsPage = Type.Object({
  total: Type.Integer({ description: 'Schools matching, over all pages' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(Type.Ref(SchoolSummary)),
});

export const NumberParams = Type.Object({ number: SchoolNumber });

const errors = { 400: Type.Ref(ApiError), 401: Type.Ref(ApiError), 403: Type.Ref(ApiError) };
export const responses = {
  localAuthorities: {
    200: Type.Object({ items: Type.Array(Type.Ref(LocalAuthority)) }),
    401: Type.Ref(ApiError),
    403: Type.Ref(ApiError),
  },
  schools: { 200: SchoolsPage, ...errors },
  school: { 200: Type.Ref(SchoolDetail), 404: Type.Ref(ApiError), ...errors },
};
