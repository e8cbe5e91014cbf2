// The route walk's checker fails on each kind of unbounded input it is there to catch.
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { BoundedInteger, FormText, IdList, SchoolNumber, Uuid, Version } from '../src/lib/request-schemas.ts';
import { auditRouteSchema } from './support/schema-audit.ts';

const route = (url: string, schema: Record<string, unknown>) => auditRouteSchema({ method: 'POST', url, schema });

describe('auditRouteSchema', () => {
  it('passes a schema built from the shared blocks', () => {
    const body = Type.Object({
      version: Version,
      title: FormText(200),
      findingIds: IdList(50),
      page: Type.Optional(BoundedInteger(1, 10)),
    });
    expect(
      route('/schools/:number/priorities/:id', { params: Type.Object({ number: SchoolNumber, id: Uuid }), body }),
    ).toEqual([]);
  });

  it.each([
    [
      'an integer without bounds',
      Type.Object({ version: Type.Integer({ minimum: 1 }) }),
      'minimum and maximum within int4',
    ],
    [
      'an integer beyond int4',
      Type.Object({ n: Type.Integer({ minimum: 0, maximum: 2 ** 31, finite: true }) }),
      'within int4',
    ],
    ['bounds Ajv skips for Infinity', Type.Object({ n: Type.Integer({ minimum: 0, maximum: 10 }) }), 'finite: true'],
    ['a number without bounds', Type.Object({ n: Type.Number() }), 'minimum and maximum'],
    ['a string without a maxLength', Type.Object({ title: Type.String() }), 'maxLength'],
    ['a list without maxItems', Type.Object({ tags: Type.Array(Type.String({ maxLength: 5 })) }), 'maxItems'],
    [
      'an id in a uuid format only',
      Type.Object({ ownerId: Type.String({ format: 'uuid', maxLength: 45 }) }),
      'an id needs',
    ],
    [
      'ids without a pattern',
      Type.Object({ findingIds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 5 }) }),
      'an id needs',
    ],
    [
      'an unbounded string inside a union',
      Type.Object({ q: Type.Union([Type.Literal(''), Type.String()]) }),
      'maxLength',
    ],
  ])('reports %s', (_name, body, message) => {
    expect(route('/things', { body }).join('\n')).toContain(message);
  });

  it('reports a path parameter without a schema, or without a pattern', () => {
    expect(route('/things/:id', {})).toEqual(['POST /things/:id: path parameters id have no schema']);
    expect(
      route('/things/:slug', { params: Type.Object({ slug: Type.String({ maxLength: 40 }) }) }).join('\n'),
    ).toContain('a path parameter needs a pattern');
  });
});
