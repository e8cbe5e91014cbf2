// Every registered route's request schemas bound what they accept, so an out-of-range number, a
// string too long to store or an id of the wrong shape is a 400 and never reaches the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRouteSchema } from './support/schema-audit.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('request schemas of every route', () => {
  it('bound every number to int4, every string and list in length, and pin every id to its shape', () => {
    expect(t.app.routeRegistry.length).toBeGreaterThan(100);
    const problems = t.app.routeRegistry.flatMap(auditRouteSchema);
    expect(problems).toEqual([]);
  });
});
