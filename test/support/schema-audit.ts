// Finds request-schema properties that would let an out-of-range or malformed value reach the
// database: an unbounded number or string, or an id without a pattern. Used by the route walk in
// test/request-schemas.test.ts; table-tested in test/schema-audit.unit.test.ts.
import type { FastifySchema } from 'fastify';

export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

type Node = Record<string, unknown>;
export type SchemaRoute = { method: string; url: string; schema: FastifySchema | undefined };

const isIdName = (name: string) => name === 'id' || /[a-z0-9]Ids?$/.test(name);
const pathParams = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/**
 * A string is pinned to an id's shape by an anchored pattern or a fixed set. Ajv's `uuid` format
 * alone is not enough: it accepts `urn:uuid:...`, which PostgreSQL refuses.
 */
function pinsShape(node: Node): boolean {
  if ('const' in node || Array.isArray(node.enum)) return true;
  return typeof node.pattern === 'string' && node.pattern.startsWith('^') && node.pattern.endsWith('$');
}

/** Every leaf a value could match: unions and intersections are walked through. */
function alternatives(node: Node): Node[] {
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (Array.isArray(node[key])) return (node[key] as Node[]).flatMap(alternatives);
  }
  return [node];
}

function checkNode(node: Node, where: string, idLike: boolean, problems: string[]) {
  for (const leaf of alternatives(node)) {
    const types = [leaf.type].flat();
    if ('const' in leaf || Array.isArray(leaf.enum)) continue;
    if (types.includes('integer') || types.includes('number')) {
      const { minimum, maximum } = leaf as { minimum?: unknown; maximum?: unknown };
      const bounded =
        typeof minimum === 'number' && typeof maximum === 'number' && minimum >= INT4_MIN && maximum <= INT4_MAX;
      if (!bounded) problems.push(`${where}: a number needs a minimum and maximum within int4`);
      // Without it Ajv turns "1e309" into Infinity and skips the bounds (see request-schemas.ts).
      if (leaf.finite !== true) problems.push(`${where}: a number needs finite: true (use BoundedInteger)`);
    }
    if (types.includes('string')) {
      if (typeof leaf.maxLength !== 'number') problems.push(`${where}: a string needs a maxLength`);
      if (idLike && !pinsShape(leaf))
        problems.push(`${where}: an id needs a uuid format, an anchored pattern or an enum`);
    }
    if (types.includes('array')) {
      if (typeof leaf.maxItems !== 'number') problems.push(`${where}: a list needs a maxItems`);
      if (leaf.items && typeof leaf.items === 'object') checkNode(leaf.items as Node, `${where}[]`, idLike, problems);
      else problems.push(`${where}: a list needs an items schema`);
    }
    if (types.includes('object')) {
      const properties = (leaf.properties ?? {}) as Record<string, Node>;
      for (const [name, child] of Object.entries(properties))
        checkNode(child, `${where}.${name}`, isIdName(name), problems);
    }
    if (leaf.type === undefined && !leaf.$ref) problems.push(`${where}: accepts anything (no type)`);
  }
}

/** Every problem with one route's request schemas, as readable lines. */
export function auditRouteSchema(route: SchemaRoute): string[] {
  const problems: string[] = [];
  const name = `${route.method} ${route.url}`;
  const schema = (route.schema ?? {}) as Record<string, Node | undefined>;
  const params = pathParams(route.url);
  if (params.length && !schema.params) problems.push(`${name}: path parameters ${params.join(', ')} have no schema`);
  if (schema.params) {
    const properties = (schema.params.properties ?? {}) as Record<string, Node>;
    for (const param of params) {
      const child = properties[param];
      if (!child) problems.push(`${name} params.${param}: not in the params schema`);
      else if (!alternatives(child).every((leaf) => pinsShape(leaf) || leaf.type === 'integer'))
        problems.push(`${name} params.${param}: a path parameter needs a pattern or an enum`);
    }
  }
  for (const part of ['params', 'querystring', 'body', 'headers'] as const) {
    const node = schema[part];
    if (node) checkNode(node, `${name} ${part}`, false, problems);
  }
  return problems;
}
