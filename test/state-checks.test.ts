// Issue 17: a state, stage or status is one of the code's own codes, and the database refuses any
// other (src/db/schema/checks.ts builds each CHECK from the list the code reads).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIORITY_STATES } from '../src/reference/reference-data.ts';
import { buildCycle, buildPriority } from './support/plan-factories.ts';
import { buildSchool } from './support/school-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Being rewritten on another branch (migration 0012), with their constraints.
const LA_SELF_EVALUATION = [
  'la_cycles',
  'la_evidence',
  'la_findings',
  'la_priorities',
  'la_plan_actions',
  'la_impact_reviews',
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

/** The PostgreSQL error code of what the statement threw (drizzle wraps the driver's error). */
async function refusal(statement: Promise<unknown>): Promise<{ code?: string; constraint?: string }> {
  try {
    await statement;
  } catch (error) {
    const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    return { code: e.cause?.code ?? e.code, constraint: e.cause?.constraint ?? e.constraint };
  }
  return {};
}

describe('CHECK constraints on closed sets', () => {
  it('refuse a state the code does not know, written straight into the table', async () => {
    const school = await buildSchool(t.database.db);
    const cycle = await buildCycle(t.database.db, school.number);
    const priority = await buildPriority(t.database.db, cycle);
    const refused = await refusal(
      t.database.db.execute(sql`update priorities set state = 'nearly_done' where id = ${priority.id}`),
    );
    expect(refused.code).toBe('23514'); // check_violation
    const [row] = await rows<{ state: string }>(sql`select state from priorities where id = ${priority.id}`);
    expect(row!.state).toBe('agreed');
    // Every state the code has is accepted.
    for (const state of PRIORITY_STATES)
      await t.database.db.execute(sql`update priorities set state = ${state} where id = ${priority.id}`);
  });

  it('exist for every text column named state, stage or status (the LA self-evaluation tables excepted)', async () => {
    const columns = await rows<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type = 'text' and column_name in ('state', 'stage', 'status')
      order by table_name, column_name`);
    const checked = await rows<{ table_name: string; column_name: string }>(sql`
      select c.relname as table_name, a.attname as column_name
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attnum = any (k.conkey)
      where k.contype = 'c'`);
    const has = new Set(checked.map((c) => `${c.table_name}.${c.column_name}`));
    const expected = columns
      .filter((c) => !LA_SELF_EVALUATION.includes(c.table_name))
      .map((c) => `${c.table_name}.${c.column_name}`);
    expect(expected.length).toBeGreaterThanOrEqual(15); // the query found the columns at all
    expect(expected.filter((name) => !has.has(name))).toEqual([]);
  });
});
