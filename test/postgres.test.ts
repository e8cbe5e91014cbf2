// PostgreSQL mode only (DATABASE_URL set): what the embedded database cannot show.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/client.ts';

const url = process.env.DATABASE_URL;
const journal = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '../src/db/migrations/meta/_journal.json'), 'utf8'),
) as { entries: unknown[] };

async function query<R extends pg.QueryResultRow>(connectionString: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!url)('PostgreSQL mode', () => {
  const name = `cydwella_migrate_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let databaseUrl: string;

  beforeAll(async () => {
    await query(url!, `create database ${name}`);
    const parsed = new URL(url!);
    parsed.pathname = `/${name}`;
    databaseUrl = parsed.toString();
  });
  afterAll(() => query(url!, `drop database if exists ${name} with (force)`));

  it('lets instances starting together all migrate a brand new database, applying each migration once', async () => {
    const instances = [openPostgres(databaseUrl), openPostgres(databaseUrl), openPostgres(databaseUrl)];
    try {
      const results = await Promise.allSettled(instances.map((db) => db.migrate()));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    } finally {
      await Promise.all(instances.map((db) => db.close()));
    }
    expect(await query(databaseUrl, 'select hash from drizzle.__drizzle_migrations')).toHaveLength(
      journal.entries.length,
    );
    const tables = await query<{ table_name: string }>(
      databaseUrl,
      `select table_name from information_schema.tables where table_schema = 'public' and table_name in ('users', 'audit_log', 'sessions', 'local_authorities')`,
    );
    expect(tables.map((r) => r.table_name).sort()).toEqual(['audit_log', 'local_authorities', 'sessions', 'users']);
    // Reference data inserted by a migration would be doubled by a second run.
    expect(await query(databaseUrl, 'select count(*)::int as n from local_authorities')).toEqual([{ n: 22 }]);
  });

  it('migrates again as a no-op', async () => {
    const database = openPostgres(databaseUrl);
    try {
      await database.migrate();
      await database.ping();
    } finally {
      await database.close();
    }
    expect(await query(databaseUrl, 'select count(*)::int as n from drizzle.__drizzle_migrations')).toEqual([
      { n: journal.entries.length },
    ]);
  });

  it('survives the server ending its idle connections (a restart or failover), and carries on', async () => {
    const database = openPostgres(databaseUrl);
    try {
      await database.ping();
      // End every connection this database has from the server side, as a restart would.
      await query(
        url!,
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
      );
      // Unhandled, the pool's 'error' event would end this process here; instead the next query reconnects.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await database.ping();
    } finally {
      await database.close();
    }
  });
});
