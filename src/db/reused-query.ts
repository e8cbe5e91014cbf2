// Drizzle builds a statement's SQL, and a new prepared-query object around it, on every call:
// about 0.15 ms a statement on this 2-core machine, more than the embedded database takes to run a
// short one (bench/results/README.md). The statements every page or every home runs are built once
// per database handle, with placeholders, and then only run with their values. A transaction is a
// handle of its own, so a statement reused inside one runs inside it.
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
