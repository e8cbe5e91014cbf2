import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, wrapPglite, type Database } from '../../src/db/client.ts';

/**
 * A migrated, empty database of its own for one test file: PGlite, or PostgreSQL when DATABASE_URL
 * is set (then with its `url`, so a test can open a second pool on it, as a second instance would).
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const template = inject('postgresTemplate');
  const url = process.env.DATABASE_URL;
  if (template && url) {
    const name = `cydwella_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const database = openPostgres(dbUrl.toString());
    return {
      ...database,
      url: dbUrl.toString(),
      close: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        // pool.end() resolves before its connections have gone: forcing the drop while they are
        // still closing makes the server kill them, an error nobody is left to handle.
        for (let i = 0; i < 100; i++) {
          const { rows } = await cleanup.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (rows[0]!.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  const client = await PGlite.create({ loadDataDir: new Blob([dump]) });
  return wrapPglite(client);
}

/**
 * A migrated embedded database in a directory of its own, as `main.ts` and the CLI commands
 * open it: from the run's template when there is one (under a second), otherwise made afresh.
 */
export async function createTestDataDir(dataDir: string): Promise<void> {
  const pgliteDir = `${dataDir}/pglite`;
  const template = inject('pgliteTemplate');
  if (template) {
    const client = await PGlite.create(pgliteDir, { loadDataDir: new Blob([fs.readFileSync(template)]) });
    await client.close();
    return;
  }
  const client = await PGlite.create(pgliteDir);
  const database = await wrapPglite(client);
  await database.migrate();
  await database.close();
}
