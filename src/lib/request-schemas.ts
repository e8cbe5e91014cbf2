// The building blocks of every route's request schema (TypeBox), in one place, so each value a
// request carries is bounded as the column it ends in: an id has its column's shape, a number fits
// PostgreSQL's int4, a text has a length. Anything else is a 400 before a handler runs.
// test/request-schemas.test.ts walks every route and fails on a schema that is not bounded.
import { Type } from '@sinclair/typebox';
import type { Plugin } from 'ajv';

export const INT4_MAX = 2_147_483_647;

/**
 * The canonical form PostgreSQL prints. Ajv's `uuid` format alone also accepts `urn:uuid:...`,
 * which PostgreSQL refuses, so the pattern is what keeps the database's error from the user.
 */
const UUID_BODY = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const UUID_PATTERN = `^${UUID_BODY}$`;
const UUID_REGEX = new RegExp(UUID_PATTERN);

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_REGEX.test(value);
}

/** A positive whole number a version or count column (int4) can hold. */
export function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= INT4_MAX;
}

/** A version read by hand (from a multipart form): a number, or null when it is not one we store. */
export function readVersion(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const version = Number(raw);
  return isVersion(version) ? version : null;
}

export const Uuid = Type.String({ format: 'uuid', pattern: UUID_PATTERN, maxLength: 36 });
/** A uuid or nothing chosen (an empty select or filter). */
export const EmptyOrUuid = Type.Union([Type.Literal(''), Uuid]);
/** The owner picker's choice: nobody yet (''), someone outside Cydwella, or a person's id (src/features/action-owners). */
export const OwnerChoice = Type.Optional(Type.String({ pattern: `^(?:|outside|${UUID_BODY})$`, maxLength: 36 }));
export const SchoolNumber = Type.String({ pattern: '^\\d{7}$', maxLength: 7 });
/** A shared item: a record's uuid, or an output's "school number:kind". */
export const SharedItemId = Type.String({ pattern: `^(?:${UUID_BODY}|\\d{7}:[a-z_]{1,40})$`, maxLength: 60 });
export const LaCode = Type.String({ pattern: '^\\d{3}$', maxLength: 3 });
/** A random token in a link (password set-up, calendar feed): 32 bytes, base64url. */
export const LinkToken = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', maxLength: 43 });

/**
 * Ajv coerces "1e309" to Infinity and then skips minimum and maximum, which only test finite
 * numbers (ajv 8, dataType.ts): `finite` is the keyword that refuses it. Every bounded number
 * carries it; the route walk checks that each number is bounded.
 */
export const finiteNumbersKeyword: Plugin<unknown> = (ajv) =>
  ajv.addKeyword({
    keyword: 'finite',
    schemaType: 'boolean',
    errors: false,
    validate: (required: boolean, data: unknown) => !required || typeof data !== 'number' || Number.isFinite(data),
  });

export const BoundedInteger = (minimum: number, maximum: number, options: { default?: number } = {}) =>
  Type.Integer({ minimum, maximum, finite: true, ...options });
/** Optimistic locking: the version the form was opened at. */
export const Version = BoundedInteger(1, INT4_MAX);

/** A free-text form field, optional as an empty form leaves it out. */
export const FormText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
/**
 * The key of a scope or audience that may be a school number, an LA code, a governing body
 * ("GB" and a number) or a collaborative's uuid: all stored as text, checked against the records.
 */
export const ScopeKey = Type.String({ pattern: '^\\s*[A-Za-z0-9-]*\\s*$', maxLength: 64 });

/** Ticked checkboxes of records: one id (coerced to a list), several, or none. */
export const IdList = (maxItems: number) => Type.Optional(Type.Array(Uuid, { maxItems }));
/** Ticked checkboxes of codes the service checks against its list. */
export const CodeList = (maxItems: number, maxLength = 80) =>
  Type.Optional(Type.Array(Type.String({ maxLength }), { maxItems }));
