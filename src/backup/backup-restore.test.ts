// npm run backup / npm run restore as an operator runs them: real processes on a database with real data.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openPostgres, type Database } from '../db/client.ts';
import { appendAudit } from '../audit/audit-repository.ts';
import { sessionCookie } from '../../test/support/factories.ts';
import { Visitor } from '../../test/support/http.ts';
import { postMultipart } from '../../test/support/multipart.ts';
import { SAMPLE_FILES } from '../../test/support/sample-files.ts';
import { buildSchool, buildSchoolPeople } from '../../test/support/school-factories.ts';
import { createTestDataDir } from '../../test/support/test-database.ts';
import { createTestApp } from '../../test/support/test-app.ts';
import { sequenceStates } from './backup-repository.ts';
import { fingerprintDatabase } from './table-fingerprint.ts';

const root = path.join(import.meta.dirname, '../..');
const serverUrl = process.env.DATABASE_URL;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-backup-test-'));
const source = path.join(work, 'source');
const backupFile = path.join(work, 'backup.tar.gz');

/** Runs an npm script's command as its own process, as `npm run NAME -- ARGS` would. */
async function command(
  script: 'backup' | 'restore' | 'audit-verify',
  args: string[],
  env: { DATA_DIR: string; DATABASE_URL?: string },
) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', `src/cli/${script}.ts`, ...args],
      { cwd: root, env: childEnv },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const openDataDir = (dataDir: string) => openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') });

async function withDatabase<T>(
  open: () => Promise<Database> | Database,
  use: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await open();
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

const stateOf = (open: () => Promise<Database> | Database) =>
  withDatabase(open, async (d) => ({ tables: await fingerprintDatabase(d.db), sequences: await sequenceStates(d.db) }));

/** Every file under the data folders a backup keeps, with its bytes. */
function filesUnder(dataDir: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const folder of ['attachments', 'imports']) {
    const dir = path.join(dataDir, folder);
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : [])
      files[`${folder}/${name}`] = fs.readFileSync(path.join(dir, name));
  }
  return files;
}

let sourceState: Awaited<ReturnType<typeof stateOf>>;

beforeAll(async () => {
  fs.mkdirSync(source);
  await createTestDataDir(source);
  const database = await openDataDir(source);
  const t = await createTestApp({ database, env: { DATA_DIR: source } });
  try {
    const school = await buildSchool(database.db);
    const people = await buildSchoolPeople(database.db, school);
    const visitor = new Visitor(t.app).withCookie(await sessionCookie(database.db, people.practitioner.id));
    const today = new Date().toISOString().slice(0, 10).split('-');
    const response = await postMultipart(
      t.app,
      visitor,
      `/schools/${school.number}/evidence/new`,
      {
        source: 'learners_work',
        'observedOn-day': today[2]!,
        'observedOn-month': today[1]!,
        'observedOn-year': today[0]!,
        firstHand: 'yes',
        title: 'Learning walk, Blwyddyn 3',
      },
      [
        { field: 'attachments', fileName: 'walk.pdf', content: SAMPLE_FILES.pdf, contentType: 'application/pdf' },
        { field: 'attachments', fileName: 'photo.jpg', content: SAMPLE_FILES.jpg, contentType: 'image/jpeg' },
      ],
    );
    expect(response.statusCode).toBe(303);
  } finally {
    await t.close();
  }
  // A directory-import upload waiting between its preview and its apply.
  fs.mkdirSync(path.join(source, 'imports'));
  fs.writeFileSync(path.join(source, 'imports', `${'ab'.repeat(32)}.csv`), 'URN,Name\n6812308,Ysgol Y Berllan Deg\n');
  await database.close();
  sourceState = await stateOf(() => openDataDir(source));
}, 300_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('backing up and restoring', () => {
  it('refuses to back up an embedded database the app holds open, saying to stop the app', async () => {
    const running = await openDataDir(source);
    try {
      const result = await command('backup', [backupFile], { DATA_DIR: source });
      expect(result.code).toBe(2);
      expect(result.output).toContain(`is already in use by process ${process.pid}`);
      expect(result.output).toContain('Stop the app first');
      expect(fs.existsSync(backupFile)).toBe(false);
    } finally {
      await running.close();
    }
  }, 60_000);

  it('backs up the embedded database and its files, then restores them identically into an empty data directory', async () => {
    const backedUp = await command('backup', [backupFile], { DATA_DIR: source });
    expect(backedUp.output).toContain(`Backup written to ${backupFile}`);
    expect(backedUp.code).toBe(0);
    // The data is real: the upload wrote rows, files and audit entries.
    expect(sourceState.tables.evidence_attachments!.rows).toBe(2);
    expect(sourceState.tables.audit_log!.rows).toBeGreaterThan(0);
    expect(sourceState.tables.users!.rows).toBeGreaterThanOrEqual(8);
    expect(Object.keys(filesUnder(source))).toHaveLength(3);

    const restored = path.join(work, 'restored');
    const result = await command('restore', [backupFile], { DATA_DIR: restored });
    expect(result.output).toContain('every table matching the backup');
    expect(result.code).toBe(0);
    expect(await stateOf(() => openDataDir(restored))).toEqual(sourceState);
    expect(filesUnder(restored)).toEqual(filesUnder(source));
    const verified = await command('audit-verify', [], { DATA_DIR: restored });
    expect(verified.output).toContain(`Audit log intact: ${sourceState.tables.audit_log!.rows} entries`);
    expect(verified.code).toBe(0);
  }, 300_000);

  it('refuses a data directory already in use and a damaged backup, leaving nothing behind', async () => {
    const refused = await command('restore', [backupFile], { DATA_DIR: source });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Restore refused');
    expect(await stateOf(() => openDataDir(source))).toEqual(sourceState);

    // A backup whose rows were changed after it was made.
    const unpacked = path.join(work, 'unpacked');
    fs.mkdirSync(unpacked);
    await tar.extract({ file: backupFile, cwd: unpacked });
    const users = path.join(unpacked, 'tables/users.ndjson');
    fs.writeFileSync(users, fs.readFileSync(users, 'utf8').replace('Test User', 'Changed User'));
    const damaged = path.join(work, 'damaged.tar.gz');
    await tar.create({ gzip: true, file: damaged, cwd: unpacked }, fs.readdirSync(unpacked));
    const empty = path.join(work, 'empty');
    const result = await command('restore', [damaged], { DATA_DIR: empty });
    expect(result.code).toBe(1);
    expect(result.output).toContain("The backup's rows for users do not match its manifest: it is damaged.");
    expect(fs.readdirSync(empty)).toEqual([]);
  }, 120_000);
});

describe.skipIf(!serverUrl)('backing up and restoring on PostgreSQL', () => {
  const names = [1, 2].map(() => `cydwella_restore_${randomUUID().replace(/-/g, '').slice(0, 12)}`);
  const urls = names.map((name) =>
    serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString() : '',
  );
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  beforeAll(async () => {
    for (const name of names) await admin(`create database ${name}`);
  });
  afterAll(async () => {
    for (const name of names) await admin(`drop database if exists ${name} with (force)`);
  });

  it('restores the embedded backup into a new PostgreSQL database identically', async () => {
    const dataDir = path.join(work, 'postgres-1');
    const result = await command('restore', [backupFile], { DATA_DIR: dataDir, DATABASE_URL: urls[0]! });
    expect(result.output).toContain('every table matching the backup');
    expect(await stateOf(() => openPostgres(urls[0]!))).toEqual(sourceState);
    expect(filesUnder(dataDir)).toEqual(filesUnder(source));
    const verified = await command('audit-verify', [], { DATA_DIR: dataDir, DATABASE_URL: urls[0]! });
    expect(verified.output).toContain(`Audit log intact: ${sourceState.tables.audit_log!.rows} entries`);
  }, 300_000);

  it('backs up PostgreSQL while the app keeps writing, into a consistent copy that restores into another database', async () => {
    const live = openPostgres(urls[0]!);
    const liveBackup = path.join(work, 'live.tar.gz');
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await live.db.transaction((tx) =>
          appendAudit(tx, { actorId: null, action: 'test.write', entityType: 'test', entityId: String(written) }),
        );
        written++;
      }
    })();
    try {
      const backedUp = await command('backup', [liveBackup], {
        DATA_DIR: path.join(work, 'postgres-1'),
        DATABASE_URL: urls[0]!,
      });
      expect(backedUp.code).toBe(0);
    } finally {
      writing = false;
      await writer;
      await live.close();
    }
    expect(written).toBeGreaterThan(0);

    const dataDir = path.join(work, 'postgres-2');
    const restored = await command('restore', [liveBackup], { DATA_DIR: dataDir, DATABASE_URL: urls[1]! });
    expect(restored.output).toContain('every table matching the backup');
    const state = await stateOf(() => openPostgres(urls[1]!));
    expect(state.tables.evidence).toEqual(sourceState.tables.evidence);
    const audited = state.tables.audit_log!.rows;
    expect(audited).toBeGreaterThanOrEqual(sourceState.tables.audit_log!.rows);
    expect(audited).toBeLessThanOrEqual(sourceState.tables.audit_log!.rows + written);
    expect(filesUnder(dataDir)).toEqual(filesUnder(source));
    // A snapshot taken mid-write still holds an unbroken chain.
    const verified = await command('audit-verify', [], { DATA_DIR: dataDir, DATABASE_URL: urls[1]! });
    expect(verified.output).toContain(`Audit log intact: ${audited} entries`);

    const refused = await command('restore', [backupFile], {
      DATA_DIR: path.join(work, 'postgres-3'),
      DATABASE_URL: urls[1]!,
    });
    expect(refused.output).toContain('Restore refused: The database is not empty');
  }, 300_000);
});
