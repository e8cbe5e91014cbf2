// fast-check arbitraries for values a form must refuse. Each one is hostile whatever the rest of
// the form says: a value that an optional field could legitimately hold (a short clean string,
// a blank) is never generated, so any answer but a 4xx is a defect.
import fc from 'fast-check';
import type { FormControl } from './html-forms.ts';

export type Fields = Record<string, string[]>;

/** What the app was sent: a url-encoded or multipart form with one field (or group) made hostile, or a body that is not a form at all. */
export type HostileRequest =
  | { kind: 'field'; label: string; fields: Fields; multipart: boolean }
  | { kind: 'raw'; label: string; contentType: string; payload: Buffer | string };

/** The JSON Schema facts about one body property that decide what it must refuse. */
type Shape = { type?: string; array: boolean; maxLength?: number; minimum?: number; format?: string };

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  maxLength?: number;
  minimum?: number;
  format?: string;
};

export function shapeOf(body: unknown, name: string): Shape | null {
  const property = (body as Schema | undefined)?.properties?.[name];
  if (!property) return null;
  // A union that takes a list (one checkbox or many) takes a list: arrays are not hostile there.
  const plain =
    property.anyOf?.find((s) => s.type === 'array') ??
    property.anyOf?.find((s) => s.type && s.type !== 'null') ??
    property;
  if (plain.type === 'array') return { ...scalar(plain.items ?? {}), array: true };
  return { ...scalar(plain), array: false };
}

function scalar(s: Schema): Omit<Shape, 'array'> {
  const literal = s.anyOf?.find((x) => x.type)?.type;
  return { type: s.type ?? literal, maxLength: s.maxLength, minimum: s.minimum, format: s.format };
}

/** C0 controls other than tab, line feed and carriage return, which a textarea may carry. NUL first: PostgreSQL refuses it in text. */
const CONTROLS = [
  '\u0000',
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => !'\u0000\t\n\r'.includes(c)),
];
const control = fc.oneof(
  { weight: 3, arbitrary: fc.constant('\u0000') },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROLS) },
);
const word = fc
  .string({
    minLength: 1,
    maxLength: 12,
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABC0123456789-'.split('')),
  })
  .map((s) => `x${s.trim()}x`);

/** Text with a control character inside it (never at an end, where a trim might take it away). */
export const textWithControl = (base: string) =>
  fc
    .tuple(word, control, word, fc.boolean())
    .map(([before, c, after, keepBase]) =>
      keepBase && base.trim() ? `${base.trim()}${c}${after}` : `${before}${c}${after}`,
    );

/** Numbers no integer or count field may hold: beyond int4 and float64, signs, fractions and words. */
const BAD_NUMBERS = [
  '99999999999999999999999',
  '1e309',
  '-1e309',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  'NaN',
  'Infinity',
  '-Infinity',
  'abc',
  '12abc',
  '½',
  '1,5',
];
export const badNumber = (shape: Shape | null) =>
  fc.constantFrom(
    ...BAD_NUMBERS,
    ...(shape?.type === 'integer' ? ['1.5'] : []),
    ...(shape?.minimum !== undefined && shape.minimum >= 0 ? ['-1', '-5'] : []),
    ...(shape?.minimum !== undefined && shape.minimum >= 1 ? ['0'] : []),
  );

/** Day, month, year that name no real day. */
export const impossibleDate = fc.constantFrom(
  ['31', '2', '2025'],
  ['30', '2', '2024'],
  ['1', '13', '2025'],
  ['0', '6', '2025'],
  ['32', '1', '2025'],
  ['1', '1', '99999'],
  ['1', '1', '-2025'],
  ['1e3', '1', '2025'],
);
export const impossibleIsoDate = fc.constantFrom('2025-02-31', '2025-13-01', '99999-01-01', '2025-00-10', 'yesterday');
export const impossibleTime = fc.constantFrom('25:00', '12:61', '24:30', '9:7:99', 'noon');

export const notAUuid = fc.oneof(
  fc.constantFrom(
    'not-a-uuid',
    '123',
    "1' or '1'='1",
    '00000000-0000-0000-0000-00000000000g',
    '{00000000-0000-0000-0000-000000000000}',
    '../../etc/passwd',
  ),
  fc.uuid().map((u) => `${u}x`),
);

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

/** An id field: named like one, and every value the page offered is a uuid. */
export function isIdField(control: FormControl, shape: Shape | null, offered: string[]): boolean {
  if (shape?.format === 'uuid') return true;
  return /(^id|Id|Ids)$/.test(control.name) && offered.length > 0 && offered.every((v) => UUID.test(v));
}

export const overlong = (maxLength: number) =>
  fc.integer({ min: 1, max: 64 }).map((extra) => 'y'.repeat(maxLength + extra));

/** Two or more values where the schema takes one. */
export const arrayFor = (base: string) =>
  fc.array(fc.constantFrom(base || 'a', 'b', 'c'), { minLength: 2, maxLength: 4 });

/** Bodies that are not the form the route reads: wrong content types and broken JSON. */
export const wrongContentType = (form: string) =>
  fc.oneof(
    fc.constant({ contentType: 'text/plain', payload: form }),
    fc.constant({ contentType: 'application/xml', payload: `<form>${form}</form>` }),
    fc
      .constantFrom('{"version":', '{"_csrf": [1,', 'null garbage', '\u0000\u0001\u0002', '[[[[')
      .map((payload) => ({ contentType: 'application/json', payload })),
    fc.constant({ contentType: 'application/octet-stream', payload: form }),
  );

/** Multipart bodies a browser would never send: cut short, with a boundary that is not the declared one, or none at all. */
export const brokenMultipart = (fields: Fields) => {
  const boundary = '----cydwellaBadInput';
  const parts = Object.entries(fields).flatMap(([name, values]) =>
    values.map((v) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`),
  );
  const whole = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidence.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 hostile\r\n--${boundary}--\r\n`;
  return fc.oneof(
    fc
      .integer({ min: 10, max: Math.max(11, whole.length - 10) })
      .map((cut) => ({ contentType: `multipart/form-data; boundary=${boundary}`, payload: whole.slice(0, cut) })),
    fc.constant({ contentType: 'multipart/form-data; boundary=----somethingElse', payload: whole }),
    fc.constant({ contentType: 'multipart/form-data', payload: whole }),
    fc.constant({
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--${boundary}--\r\n`,
    }),
    fc.constant({ contentType: `multipart/form-data; boundary=${boundary}`, payload: `--${boundary}\r\n\r\n\r\n` }),
    fc.constant({ contentType: `multipart/form-data; boundary=${boundary}`, payload: whole.replace(/\r\n/g, '\n') }),
  );
};
