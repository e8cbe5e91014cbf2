// Statements built once and run again with other values (reused-query.ts) must answer as the same
// statement built afresh would, on PGlite and on PostgreSQL (DATABASE_URL), inside a transaction too.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { schools } from './schema/index.ts';
import { reused, reusedSql } from './reused-query.ts';
import { createTestDatabase } from '../../test/support/test-database.ts';
import { buildSchool } from '../../test/support/school-factories.ts';

let database: Database;
let numbers: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  numbers = [];
  for (let i = 0; i < 3; i++) numbers.push((await buildSchool(database.db)).number);
  numbers.sort();
});
afterAll(async () => {
  await database.close();
});

describe('reused statements', () => {
  it('are built once for a handle and answer each call with its own values', async () => {
    let built = 0;
    const byNumbers = (ids: string[]) =>
      reusedSql<{ number: string }>(database.db, 'test_schools_by_number', () => {
        built += 1;
        return sql`select number from schools where number = any(${sql.placeholder('ids')}::text[]) order by number`;
      })({ ids });
    expect(await byNumbers(numbers.slice(0, 2))).toEqual(numbers.slice(0, 2).map((number) => ({ number })));
    expect(await byNumbers([numbers[2]!])).toEqual([{ number: numbers[2] }]);
    // An empty list matches nothing rather than failing.
    expect(await byNumbers([])).toEqual([]);
    expect(built).toBe(1);
  });

  it('answer as drizzle would afresh, and inside a transaction run on its handle', async () => {
    const byNumber = (db: typeof database.db, number: string) =>
      reused(db, 'test_school_by_number', (db) =>
        db
          .select({ number: schools.number, name: schools.name })
          .from(schools)
          .where(sql`${schools.number} = ${sql.placeholder('number')}`),
      ).execute({ number });
    const afresh = await database.db
      .select({ number: schools.number, name: schools.name })
      .from(schools)
      .where(sql`${schools.number} = ${numbers[0]}`);
    expect(await byNumber(database.db, numbers[0]!)).toEqual(afresh);
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`update schools set name = ${'Ysgol Brawf'} where number = ${numbers[0]}`);
        // Seen only from inside: the statement runs in the transaction, not beside it.
        expect((await byNumber(tx, numbers[0]!))[0]!.name).toBe('Ysgol Brawf');
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!String(error).includes('Rollback')) throw error;
      });
    expect(await byNumber(database.db, numbers[0]!)).toEqual(afresh);
  });
});
