import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePreparedStatements } from './pglite-prepared.ts';

// The embedded database's named prepared statements (pglite-prepared.ts) must answer exactly as
// PGlite's own path does, keep each statement once, and never let a query from outside run inside
// another's transaction.
let prepared: PGlite;
let plain: PGlite;
const statementsKept = async () =>
  (await prepared.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements')).rows[0]!.n;

beforeAll(async () => {
  [prepared, plain] = await Promise.all([PGlite.create(), PGlite.create()]);
  usePreparedStatements(prepared);
  for (const db of [prepared, plain])
    await db.exec(`create table things (id uuid primary key, name text not null, day date, at timestamptz,
      tags text[] not null default '{}', data jsonb, n integer, ok boolean)`);
});
afterAll(async () => {
  await Promise.all([prepared.close(), plain.close()]);
});

describe('prepared statements on PGlite', () => {
  it('answers as PGlite itself does, for every type the app sends and reads', async () => {
    const insert = 'insert into things (id, name, day, at, tags, data, n, ok) values ($1, $2, $3, $4, $5, $6, $7, $8)';
    const rows = [
      [
        '7c1c6b8e-2f55-4b8e-9a3b-1d2c3e4f5a6b',
        'Ysgol Gymraeg',
        '2026-09-01',
        new Date('2026-12-07T10:00:00Z'),
        ['a', 'b "c"'],
        { x: [1, 'dau'] },
        42,
        true,
      ],
      ['0f0e0d0c-0b0a-4908-8706-050403020100', "O'Brien", null, null, [], null, null, false],
    ];
    for (const db of [prepared, plain]) for (const row of rows) await db.query(insert, row);
    const select = 'select * from things where name = any($1) order by name';
    const names = [['Ysgol Gymraeg', "O'Brien"]];
    expect((await prepared.query(select, names)).rows).toEqual((await plain.query(select, names)).rows);
    expect((await prepared.query(select, names)).rows).toHaveLength(2);
  });

  it("reads a reply longer than one of the database's chunks whole, Welsh letters and all", async () => {
    // About 600 KB of rows: the database hands its replies over in chunks, and a letter such as ŵ
    // (two bytes) can fall across two of them.
    const select = `select g as n, repeat('Gŵyl ŷd ', 1 + g % 17) || g as name, jsonb_build_object('g', g, 'ŵ', 'ŷ') as data
      from generate_series(1, $1::int) g`;
    const [mine, theirs] = await Promise.all([prepared.query(select, [8000]), plain.query(select, [8000])]);
    expect(mine.rows).toHaveLength(8000);
    expect(mine.rows).toEqual(theirs.rows);
    expect(mine.fields).toEqual(theirs.fields);
    const update = "update things set name = name || '' where true";
    expect((await prepared.query(update)).affectedRows).toBe((await plain.query(update)).affectedRows);
  });

  it('parses a statement once and runs it again by name', async () => {
    const text = 'select n from things where id = $1';
    await prepared.query(text, ['7c1c6b8e-2f55-4b8e-9a3b-1d2c3e4f5a6b']);
    const kept = await statementsKept();
    for (let i = 0; i < 5; i++)
      expect((await prepared.query(text, ['7c1c6b8e-2f55-4b8e-9a3b-1d2c3e4f5a6b'])).rows).toEqual([{ n: 42 }]);
    expect(await statementsKept()).toBe(kept);
  });

  it("reports a query's own error as PGlite does and keeps its statement", async () => {
    const text = 'insert into things (id, name) values ($1, $2)';
    await prepared.query(text, ['11111111-1111-4111-8111-111111111111', 'one']);
    const kept = await statementsKept();
    await expect(prepared.query(text, ['11111111-1111-4111-8111-111111111111', 'again'])).rejects.toMatchObject({
      code: '23505',
      query: text,
    });
    await expect(prepared.query('select $1::uuid', ['not-a-uuid'])).rejects.toMatchObject({ code: '22P02' });
    expect(await statementsKept()).toBe(kept + 1); // the second one was prepared; the failed bind did not drop it
    await prepared.query(text, ['22222222-2222-4222-8222-222222222222', 'two']);
  });

  it('answers the next queries rightly after a statement that could not be prepared', async () => {
    await expect(prepared.query('select nonsense from nowhere where id = $1', ['x'])).rejects.toMatchObject({
      code: '42P01',
    });
    await expect(prepared.query('select * from things where id = $1 and', ['x'])).rejects.toMatchObject({
      code: '42601',
    });
    const text = 'select name from things where id = $1';
    expect((await prepared.query(text, ['7c1c6b8e-2f55-4b8e-9a3b-1d2c3e4f5a6b'])).rows).toEqual([
      { name: 'Ysgol Gymraeg' },
    ]);
    // Inside a transaction the failure aborts it, as on PostgreSQL; what comes after still answers.
    await expect(
      prepared.transaction(async (tx) => {
        await expect(tx.query('select nonsense from nowhere', [])).rejects.toMatchObject({ code: '42P01' });
      }),
    ).rejects.toThrow(/rolled back/);
    expect((await prepared.query(text, ['7c1c6b8e-2f55-4b8e-9a3b-1d2c3e4f5a6b'])).rows).toHaveLength(1);
  });

  it('makes a statement afresh when the table under it has changed shape', async () => {
    const text = 'select * from things where id = $1';
    const id = '22222222-2222-4222-8222-222222222222';
    await prepared.query(text, [id]);
    await prepared.exec('alter table things add column extra text');
    const [row] = (await prepared.query<Record<string, unknown>>(text, [id])).rows;
    expect(row).toHaveProperty('extra', null);
  });

  it('runs a query from outside after an open transaction ends, never inside it', async () => {
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = prepared
      .transaction(async (tx) => {
        await tx.query('insert into things (id, name) values ($1, $2)', [
          '33333333-3333-4333-8333-333333333333',
          'rolled back',
        ]);
        inserted();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    await insertedYet;
    const outside = await prepared.query<{ n: number }>('select count(*)::int as n from things where name = $1', [
      'rolled back',
    ]);
    expect(await transaction).toBe('rolled back');
    expect(outside.rows[0]!.n).toBe(0);
  });

  it('leaves schema changes and session commands to PGlite itself', async () => {
    const kept = await statementsKept();
    await prepared.query('create index things_name on things (name)');
    await prepared.query('set application_name = $$cydwella$$');
    expect(await statementsKept()).toBe(kept);
  });
});
