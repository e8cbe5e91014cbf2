// A value that passes a route's request schema (TypeBox, as registered), so a walk's request gets past
// validation to the access decisions behind it. Only what the schema requires is filled: an empty form
// leaves optional fields out. Strings with a pattern get a fixed example of it (fast-check, one seed), so
// the same request is sent on every run. Values are form strings, as a browser sends them; the app's Ajv
// coerces numbers and single values to lists as it does for real forms.
import fc from 'fast-check';

type Node = Record<string, unknown>;
export type FormValue = string | string[];

function alternatives(node: Node): Node[] | null {
  for (const key of ['anyOf', 'oneOf'] as const) if (Array.isArray(node[key])) return node[key] as Node[];
  return null;
}

function stringFor(node: Node): string {
  const min = typeof node.minLength === 'number' ? node.minLength : 0;
  const max = typeof node.maxLength === 'number' ? node.maxLength : 1000;
  if (typeof node.pattern === 'string') {
    const pattern = new RegExp(node.pattern);
    const fits = fc
      .sample(fc.stringMatching(pattern, { size: 'xsmall' }), { seed: 17, numRuns: 200 })
      .find((s) => s.length >= min && s.length <= max);
    if (fits === undefined) throw new Error(`no example of /${node.pattern}/ within ${min}-${max} characters`);
    return fits;
  }
  if (node.format === 'date') return '2026-03-10';
  if (node.format === 'date-time') return '2026-03-10T09:00:00Z';
  return 'walk'.padEnd(Math.max(min, 1), 'x').slice(0, Math.max(max, min));
}

/** One value the node accepts, as a form would carry it. */
export function sampleValue(node: Node): FormValue {
  if ('const' in node) return String(node.const);
  if (Array.isArray(node.enum)) return String(node.enum[0]);
  if (typeof node.default !== 'undefined' && typeof node.default !== 'object') return String(node.default);
  const options = alternatives(node);
  if (options) return sampleValue(options[0]!);
  const type = [node.type].flat()[0];
  if (type === 'integer' || type === 'number') {
    const minimum = typeof node.minimum === 'number' ? node.minimum : 1;
    return String(Math.max(minimum, 1));
  }
  if (type === 'boolean') return 'true';
  if (type === 'array') {
    const items = (node.items ?? {}) as Node;
    const count = typeof node.minItems === 'number' ? Math.max(node.minItems, 1) : 1;
    return Array.from({ length: count }, () => [sampleValue(items)].flat()[0]!);
  }
  if (type === 'string') return stringFor(node);
  throw new Error(`the walker cannot make a value of ${JSON.stringify(node).slice(0, 200)}`);
}

/**
 * The fields an object schema requires, each with a value it accepts; `given` values win and are
 * sent even when optional (the path parameters taken from the world).
 */
export function sampleObject(schema: unknown, given: Record<string, string> = {}): Record<string, FormValue> {
  const node = (schema ?? {}) as Node;
  const properties = (node.properties ?? {}) as Record<string, Node>;
  const required = new Set((node.required ?? []) as string[]);
  const out: Record<string, FormValue> = {};
  for (const [name, child] of Object.entries(properties)) {
    if (name in given) out[name] = given[name]!;
    else if (required.has(name)) out[name] = sampleValue(child);
  }
  return out;
}

/** A route's URL with each `:param` taken from `values`, or else made to fit its params schema. */
export function fillFromSchema(url: string, paramsSchema: unknown, values: Record<string, string>): string {
  const properties = ((paramsSchema ?? {}) as Node).properties as Record<string, Node> | undefined;
  return url.replace(/:(\w+)/g, (_whole, name: string) => {
    if (name in values) return encodeURIComponent(values[name]!);
    const node = properties?.[name];
    if (!node) throw new Error(`${url}: :${name} has no schema to make a value from`);
    return encodeURIComponent([sampleValue(node)].flat()[0]!);
  });
}
