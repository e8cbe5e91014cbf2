// Drizzle builds a statement's SQL, and a new prepared-query object around it, on every call:
// about 0.15 ms a statement on this 2-core machine, more than the embedded database takes to run a
// short one (bench/results/README.md). The statements every page or every home runs are built once
// per database handle, with placeholders, and then only run with their values. A transaction is a
// handle of its own, so a statement reused inside one runs inside it.
import type { Query, SQL } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

type Preparable<Prepared> = { prepare(name: string): Prepared };

const kept = new WeakMap<Db, Map<string, unknown>>();

/**
 * The statement `build` makes, prepared once for `db` under `name` (unique in the app: on
 * PostgreSQL it names a server-side prepared statement on each connection).
 */
export function reused<Prepared>(db: Db, name: string, build: (db: Db) => Preparable<Prepared>): Prepared {
  let byName = kept.get(db);
  if (!byName) kept.set(db, (byName = new Map()));
  let prepared = byName.get(name) as Prepared | undefined;
  if (!prepared) {
    prepared = build(db).prepare(name);
    byName.set(name, prepared);
  }
  return prepared;
}

type RawPrepared = { execute(values?: Record<string, unknown>): Promise<unknown> };
type RawSession = { prepareQuery(query: Query, fields: undefined, name: string, arrayMode: boolean): RawPrepared };

/**
 * A statement drizzle's builder cannot say (a union of capped lists, a CTE), written as `sql` with
 * `sql.placeholder(...)` for its values, built once for `db` under `name` as `reused` does, and run
 * with the values: what `db.execute` would do on every call, without building it again. Rows come
 * back as the database gives them (no column mapping), as from `db.execute`.
 */
export function reusedSql<Row>(
  db: Db,
  name: string,
  build: () => SQL,
): (values: Record<string, unknown>) => Promise<Row[]> {
  return reused(db, name, (db) => ({
    prepare(statementName: string) {
      // The same two steps as PgDatabase.execute: the dialect writes the text, the session prepares it.
      const { dialect, session } = db as unknown as { dialect: PgDialect; session: RawSession };
      const prepared = session.prepareQuery(dialect.sqlToQuery(build()), undefined, statementName, false);
      return async (values: Record<string, unknown>) => ((await prepared.execute(values)) as { rows: Row[] }).rows;
    },
  }));
}
