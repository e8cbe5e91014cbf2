import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { systemClock } from '../lib/clock.ts';
import { usePreparedStatements } from './pglite-prepared.ts';
import { acquireDirectoryLock, type DirectoryLock } from './pglite-lock.ts';

export type Schema = typeof schema;
/** A database or a transaction: every repository method accepts either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * Where the job runner (src/jobs/) keeps its queues: the same embedded instance, or the same
   * PostgreSQL database through a pool of its own (pg-boss opens it from the connection string).
   */
  jobStore: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; connectionString: string };
  /** Runs the migrations in `folder` (the app's own by default; a restore passes a copy cut at the backup's level). */
  migrate(folder?: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The embedded server's memory settings (issue 19). PGlite keeps Postgres's shared buffers inside its
 * WebAssembly memory, which only ever grows, and initdb writes the stock 128 MB into the data
 * directory's postgresql.conf: each MB of it ends up resident. With 16 MB the demo's idle server
 * held about 130 MB less; a block not in the buffers is read from the data directory's file, which
 * the operating system keeps cached. maintenance_work_mem bounds what an index build in a migration
 * adds to that memory for good (64 MB by default). The command-line settings win over the file's.
 */
const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=16MB',
  '-c',
  'maintenance_work_mem=16MB',
];

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The one place that picks the embedded PGlite or a PostgreSQL server. */
export async function openDatabase(options: { databaseUrl: string | null; pgliteDir: string }): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  fs.mkdirSync(path.dirname(options.pgliteDir), { recursive: true });
  const lock = acquireDirectoryLock(options.pgliteDir);
  try {
    const client = await PGlite.create(options.pgliteDir, { startParams: PGLITE_START_PARAMS });
    return await wrapPglite(client, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

export async function wrapPglite(client: PGlite, lock: DirectoryLock | null = null): Promise<Database> {
  // Each statement is prepared once (pglite-prepared.ts), but Postgres's default plan cache keeps
  // planning it again for every run when it guesses a plan for the given values might be cheaper:
  // on the headteacher's home that replanning was most of the time of its three slowest statements
  // (3.8, 3.6 and 7.2 ms, against 1.3, 1.1 and 1.5 ms with one plan kept per statement). The app's
  // statements look records up by keys through indexes, where one generic plan serves every value.
  await client.exec('set plan_cache_mode = force_generic_plan');
  usePreparedStatements(client);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    jobStore: { kind: 'pglite', client },
    migrate: (folder = migrationsFolder) =>
      migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: folder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}

// Any constant works: it only has to be the same for every Cydwella instance on a database.
const MIGRATION_LOCK_KEY = 7_240_301;

export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server ends (a restart, a failover, an administrator) emits 'error'
  // on the pool; unhandled, that event would end the process. The pool drops the connection and
  // opens a new one for the next query, so saying so is all there is to do.
  pool.on('error', (error) => {
    process.stderr.write(
      `${JSON.stringify({ level: 40, time: systemClock.now().getTime(), msg: 'a PostgreSQL connection was closed by the server; the pool will reconnect', err: error.message })}\n`,
    );
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    jobStore: { kind: 'postgres', connectionString: url },
    // Two instances starting together must not both run migrations: a session-level
    // advisory lock on one dedicated connection serialises them; the second finds nothing to do.
    migrate: async (folder = migrationsFolder) => {
      const connection = await pool.connect();
      try {
        await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(connection, { schema }), { migrationsFolder: folder });
      } finally {
        await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        connection.release();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}
