// i18next resolves a key afresh on every call (splitting it, walking the catalogue, looking for
// nesting, plural forms and formats), and a long page asks thousands of times: on the three-year
// plan page that was about a sixth of the request's time. The catalogues never change while the app
// runs, so the common calls take a shorter road with the same result:
// - a key with no values, or with a count alone, is resolved by i18next once per language and kept;
// - a key whose text only inserts plain {{names}} is split once into its parts, and each call
//   joins them with the values given (as i18next does with escapeValue off: String(value), null as '').
// Anything else (plurals with other values, context, nesting, formats, a value missing, options
// i18next reads itself) goes to i18next, which also reports a missing value in tests.
import type { TFunction } from 'i18next';

/** The parts of a text between its placeholders, and the names in them, in order. */
type Template = { texts: string[]; names: string[] };

/** Options i18next reads itself: a call that gives one of them is i18next's to answer. */
const I18NEXT_OPTIONS = new Set([
  'count',
  'context',
  'defaultValue',
  'lng',
  'lngs',
  'ns',
  'keyPrefix',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'ordinal',
  'fallbackLng',
]);
const PLACEHOLDER = /\{\{(.+?)\}\}/g;
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The text split at its placeholders, or null when it needs more than plain insertion. */
export function templateOf(text: unknown): Template | null {
  if (typeof text !== 'string' || text.includes('$t(')) return null;
  const texts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (!PLAIN_NAME.test(name)) return null; // unescaped ({{- x}}), formatted ({{x, number}}) or a path
    texts.push(text.slice(last, match.index));
    names.push(name);
    last = match.index + match[0].length;
  }
  texts.push(text.slice(last));
  return { texts, names };
}

function fill(template: Template, values: Record<string, unknown>): string | null {
  let out = template.texts[0]!;
  for (let i = 0; i < template.names.length; i++) {
    const value = values[template.names[i]!];
    if (value === undefined) return null;
    out += (value === null ? '' : String(value)) + template.texts[i + 1]!;
  }
  return out;
}

const countAlone = (options: object): options is { count: number } => {
  const keys = Object.keys(options);
  return keys.length === 1 && keys[0] === 'count' && typeof (options as { count: unknown }).count === 'number';
};

/** `t`, answering the common calls from what it learnt of the catalogue (`raw` reads a key's text). */
export function fastTranslator(t: TFunction, raw: (key: string) => unknown): TFunction {
  const texts = new Map<string, string>();
  const templates = new Map<string, Template | null>();
  const call = t as unknown as (...args: unknown[]) => unknown;
  const once = (cacheKey: string, resolve: () => unknown): unknown => {
    const known = texts.get(cacheKey);
    if (known !== undefined) return known;
    const text = resolve();
    if (typeof text === 'string') texts.set(cacheKey, text);
    return text;
  };
  const fast = (...args: unknown[]): unknown => {
    const [key, options] = args;
    if (typeof key !== 'string' || args.length > 2) return call(...args);
    if (options === undefined) return once(key, () => call(key));
    if (typeof options !== 'object' || options === null) return call(...args);
    if (countAlone(options)) return once(`${key}\u0000${options.count}`, () => call(key, options));
    if (Object.keys(options).some((name) => I18NEXT_OPTIONS.has(name))) return call(...args);
    let template = templates.get(key);
    if (template === undefined) {
      template = templateOf(raw(key));
      templates.set(key, template);
    }
    return (template && fill(template, options as Record<string, unknown>)) ?? call(...args);
  };
  return Object.assign(fast, t) as unknown as TFunction;
}
