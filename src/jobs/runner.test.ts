// The job runner on the database the tests use: PGlite, or PostgreSQL when DATABASE_URL is set.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openPostgres, type Database } from '../db/client.ts';
import { notifications } from '../db/schema/index.ts';
import { systemClock } from '../lib/clock.ts';
import { countUnrelayedEvents, recordEvent } from '../notifications/events-repository.ts';
import { buildUser } from '../../test/support/factories.ts';
import { testConfig } from '../../test/support/test-app.ts';
import { createTestDatabase, createTestDataDir } from '../../test/support/test-database.ts';
import type { JobDefinition } from './job-deps.ts';
import { jobTable, RELAY_EVENTS } from './job-table.ts';
import { createJobRunner, type JobRunner } from './runner.ts';
import { testEvent } from '../../test/support/notification-helpers.ts';

const url = process.env.DATABASE_URL;
const root = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<Database & { url?: string }> {
  const made = await createTestDatabase();
  cleanups.push(() => made.close());
  return made;
}

/** A started runner on `db`; stopped after the test, before its database closes. */
async function runner(db: Database, table: readonly JobDefinition[] = jobTable, sendOnly = false): Promise<JobRunner> {
  const made = createJobRunner(
    {
      database: db,
      clock: systemClock,
      mailer: null,
      config: testConfig(),
      keys: { unsubscribeLinks: Buffer.alloc(32, 7) },
    },
    { table, pollingIntervalSeconds: 0.5, sendOnly },
  );
  await made.start();
  cleanups.push(() => made.stop());
  return made;
}

/** The real relay job, kicked every second instead of every five. */
const fastTable = jobTable.map((job) => (job.name === RELAY_EVENTS ? { ...job, everySeconds: 1 } : job));

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const notificationsFor = (db: Database, userId: string) =>
  db.db.select().from(notifications).where(eq(notifications.userId, userId));

// An LA plan submitted: the audience rules tell Welsh Government's officials, so each test's reader is one.
const submitted = (id: string) =>
  testEvent({
    kind: 'plan_submitted',
    actorId: null,
    subject: { type: 'la_plan', id },
    link: `/plans/${id}`,
  });
const wgOfficial = (db: Database) => buildUser(db.db, { role: 'wg_official' });

/** A job that counts its runs, by the data's `n`, in `runs`. */
function countingJob(name: string, runs: number[], delayMs = 0): JobDefinition {
  return {
    name,
    handler: async (_deps, data) => {
      runs.push(data.n as number);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    },
    retry: { limit: 1, delaySeconds: 1, maxDelaySeconds: 1 },
    expireInSeconds: 60,
  };
}

describe('the job runner', () => {
  it('relays recorded events into notifications while it runs', async () => {
    const db = await database();
    const reader = await wgOfficial(db);
    await recordEvent(db.db, submitted('before-start'));
    await runner(db, fastTable);
    await recordEvent(db.db, submitted('while-running'));

    const told = await until(
      () => notificationsFor(db, reader.id),
      (rows) => rows.length === 2,
    );
    expect(told).toHaveLength(2);
    expect(await countUnrelayedEvents(db.db)).toBe(0);
  });

  it('keeps a queued job across a restart and runs it once the runner is back', async () => {
    const db = await database();
    const runs: number[] = [];
    const table = [countingJob('test-restart', runs)];
    const first = await runner(db, table, true); // queues, works nothing: the "before" instance
    await first.send('test-restart', { n: 1 });
    await first.stop();
    expect(runs).toEqual([]);

    await runner(db, table);
    await until(
      async () => runs.length,
      (n) => n > 0,
    );
    expect(runs).toEqual([1]);
  });

  it('tries a failed job again, after a pause, until it succeeds', async () => {
    const db = await database();
    const attempts: number[] = [];
    const flaky: JobDefinition = {
      name: 'test-flaky',
      handler: async () => {
        attempts.push(Date.now());
        if (attempts.length < 3) throw new Error('not yet');
        return { attempts: attempts.length };
      },
      retry: { limit: 3, delaySeconds: 1, maxDelaySeconds: 2 },
      expireInSeconds: 60,
    };
    const jobs = await runner(db, [flaky]);
    const id = await jobs.send('test-flaky', {});
    const done = await until(
      () => jobs.find('test-flaky', id),
      (job) => job?.state === 'completed',
    );
    expect(done).toMatchObject({ state: 'completed', output: { attempts: 3 } });
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(900);
  });

  it.skipIf(!url)('runs each job once with two instances on one PostgreSQL database', async () => {
    const db = await database();
    const second = openPostgres(db.url!);
    cleanups.push(() => second.close());
    const runs: number[] = [];
    const table = [countingJob('test-twice', runs, 20)];
    const a = await runner(db, table);
    await runner(second, table);
    for (let n = 0; n < 30; n++) await a.send('test-twice', { n });

    await until(
      async () => runs.length,
      (count) => count >= 30,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500)); // time for a second run to show
    expect(runs.toSorted((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, n) => n));
  });

  it.skipIf(!url)('tells each person once when two instances relay together', async () => {
    const db = await database();
    const second = openPostgres(db.url!);
    cleanups.push(() => second.close());
    const reader = await wgOfficial(db);
    for (let i = 0; i < 20; i++) await recordEvent(db.db, submitted(`burst-${i}`));
    await runner(db, fastTable);
    await runner(second, fastTable);
    await until(
      () => countUnrelayedEvents(db.db),
      (n) => n === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await notificationsFor(db, reader.id)).toHaveLength(20);
  });
});

describe('a crash between an event and its relay', () => {
  it('delivers the event exactly once after the restart', { timeout: 90_000 }, async () => {
    const env: Record<string, string> = {};
    let reader: string;
    let reopen: () => Promise<Database>;
    if (url) {
      const db = await database();
      env.CRASH_DATABASE_URL = db.url!;
      reader = (await wgOfficial(db)).id;
      reopen = async () => db;
    } else {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-crash-'));
      cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      await createTestDataDir(dataDir);
      const pgliteDir = path.join(dataDir, 'pglite');
      env.CRASH_PGLITE_DIR = pgliteDir;
      const db = await openDatabase({ databaseUrl: null, pgliteDir });
      reader = (await wgOfficial(db)).id;
      await db.close(); // the child holds the embedded database alone, as one process does
      reopen = async () => {
        // The killed process's lock goes with it, a moment after its parent npx has exited.
        const opened = await until(
          () => openDatabase({ databaseUrl: null, pgliteDir }).catch(() => null),
          (value) => value !== null,
          10_000,
        );
        if (!opened) throw new Error('the embedded database stayed locked after the kill');
        cleanups.push(() => opened.close());
        return opened;
      };
    }

    const child = spawn('npx', ['tsx', 'test/support/relay-crash-child.ts'], {
      cwd: root,
      env: { ...process.env, ...env, CRASH_READER: reader },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (!output.includes('relaying') && child.exitCode === null && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(output).toContain('relaying');
    process.kill(-child.pid!, 'SIGKILL'); // the whole group: npx, tsx and the node beneath them
    await exited;

    const after = await reopen();
    expect(await countUnrelayedEvents(after.db)).toBe(1); // the relay's transaction died with it
    expect(await notificationsFor(after, reader)).toHaveLength(0);
    await runner(after, fastTable);
    await until(
      () => countUnrelayedEvents(after.db),
      (n) => n === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500)); // time for a second delivery to show
    expect(await notificationsFor(after, reader)).toHaveLength(1);
  });
});
