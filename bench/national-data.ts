// The national-scale database both `npm run bench` and `npm run bench:load` run the app on:
// embedded PGlite in a temporary directory, or, when DATABASE_URL is set, a database of its own
// on that server (created here and dropped afterwards, so the bench never touches existing data).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../src/db/client.ts';
import { DEMO_ACCOUNTS, DEMO_SCHOOL, loadDemoData } from '../src/demo/demo-data.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';
import { generateCollaborativeVolume, generateVolume, shareNationally } from './volume.ts';

export type NationalData = {
  /** The app's DATA_DIR (attachments, and the PGlite database when embedded). */
  dataDir: string;
  /** What the server process needs in its environment to open this database. */
  env: Record<string, string>;
  year: number;
  /** The 30-school collaborative's id. */
  collaborative: string;
  /** Drops the PostgreSQL database (if one was made) and the data directory; call after the server stopped. */
  dispose(): Promise<void>;
};

export type NationalDataOptions = {
  /** Share 60% of each school's priorities nationally, so WG's national picture has something to count. */
  nationalShares?: boolean;
  /** Runs on the built database before it is closed (for example, to add the bench's own users). */
  extend?(db: Db, data: { year: number; collaborative: string }): Promise<void>;
};

const demoEmail = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the server DATABASE_URL names; returns its URL and how to drop it. */
async function freshPostgresDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cydwella_bench_${process.pid}_${Date.now()}`;
  await withAdmin(url, (c) => c.query(`create database ${name}`));
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    drop: () => withAdmin(url, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/**
 * The real 1,544 schools, each with a year of data (40 evidence items, 6 findings, 4 priorities,
 * 12 actions); the demo school with 2,000 evidence items; a 30-school collaborative with a year of
 * shared items, enquiries and meetings; the demo's LAs, accounts and cluster.
 */
export async function buildNationalData(options: NationalDataOptions = {}): Promise<NationalData> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-bench-'));
  const server = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL) : null;
  const started = Date.now();
  const database = await openDatabase({ databaseUrl: server?.url ?? null, pgliteDir: path.join(dataDir, 'pglite') });
  const year = academicYearOf(new Date());
  let collaborative: string;
  try {
    await database.migrate();
    // main.ts loads the demo only in embedded mode; the bench wants the same data on both.
    await loadDemoData(database.db, new Date());
    await generateVolume(database.db, { year, evidencePerSchool: 40, bigSchool: DEMO_SCHOOL, bigSchoolEvidence: 2000 });
    collaborative = await generateCollaborativeVolume(database.db, {
      year,
      laCode: '681',
      size: 30,
      includeSchool: DEMO_SCHOOL,
      facilitatorEmail: demoEmail('improvement_partner'),
    });
    if (options.nationalShares) await shareNationally(database.db, year);
    await options.extend?.(database.db, { year, collaborative });
  } finally {
    await database.close();
  }
  console.log(
    `Data (${server ? 'PostgreSQL' : 'PGlite'}): the real 1,544 schools, each with a year of data (40 evidence items, 6 findings, 4 priorities, 12 actions); ${DEMO_SCHOOL} with 2,000 evidence items;`,
  );
  console.log(
    `a 30-school collaborative whose members shared a year of evidence, findings and priorities with it, with 30 enquiries and 11 meetings. Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return {
    dataDir,
    // An empty DATABASE_URL means embedded PGlite (src/config.ts), whatever the bench's own environment says.
    env: { DATABASE_URL: server?.url ?? '' },
    year,
    collaborative,
    dispose: async () => {
      await server?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
