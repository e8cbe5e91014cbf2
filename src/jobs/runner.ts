// The job runner: pg-boss queues in the app's own database (issue 12). On PostgreSQL pg-boss keeps
// a small pool of its own and claims jobs with SKIP LOCKED, so several instances share the work and
// no job runs twice; on PGlite it goes through the embedded instance (one process, by its lock).
// Jobs are rows, so a job sent and not finished survives a restart: an attempt cut short by a
// crash expires and is tried again. main.ts starts it after migrating and stops it on shutdown.
import { PgBoss, fromPglite } from 'pg-boss';
import type { Database } from '../db/client.ts';
import type { JobDefinition, JobDeps, JobQueue } from './job-deps.ts';
import { jobTable } from './job-table.ts';

/** pg-boss's tables live in this schema, apart from the app's (migrations never touch it). */
export const JOB_SCHEMA = 'pgboss';
const TIME_ZONE = 'Europe/London';

export type JobRunnerOptions = {
  table?: readonly JobDefinition[];
  /** How often an idle worker looks for work, in seconds (pg-boss's floor is 0.5). */
  pollingIntervalSeconds?: number;
  /** Work only sends: an instance that serves pages and leaves the jobs to others. */
  sendOnly?: boolean;
};

export type JobRunner = JobQueue & {
  start(): Promise<void>;
  /** Stops taking work and waits (up to a limit) for the jobs in hand to finish. */
  stop(): Promise<void>;
};

/** pg-boss on the store the database names; not started. */
export function openBoss(database: Database, extra: { schedule?: boolean; supervise?: boolean } = {}): PgBoss {
  const store = database.jobStore;
  const common = { schema: JOB_SCHEMA, ...extra };
  return store.kind === 'pglite'
    ? new PgBoss({ ...common, db: fromPglite(store.client), backend: 'pglite' })
    : new PgBoss({ ...common, connectionString: store.connectionString, max: 4 });
}

/** Creates pg-boss's tables in the database, as the test template does once for every test. */
export async function installJobSchema(database: Database): Promise<void> {
  const boss = openBoss(database, { schedule: false, supervise: false });
  await boss.start();
  await boss.stop({ graceful: false });
}

export function createJobRunner(deps: JobDeps, options: JobRunnerOptions = {}): JobRunner {
  const table = options.table ?? jobTable;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const progress = new Map<string, { done: number; total: number }>();
  const timers: NodeJS.Timeout[] = [];
  let boss: PgBoss | null = null;
  // main.ts starts the runner after the server listens (issue 19: pg-boss's start is seconds of the
  // start-up), so a job sent while it is starting waits for it rather than failing.
  let starting: Promise<void> | null = null;

  const running = async () => {
    await starting?.catch(() => undefined);
    if (!boss) throw new Error('the job runner is not running');
    return boss;
  };
  const log = (level: 'warn' | 'error', msg: string, error: unknown) =>
    process.stderr.write(
      `${JSON.stringify({ level: level === 'warn' ? 40 : 50, time: deps.clock.now().getTime(), msg, err: error instanceof Error ? error.message : String(error) })}\n`,
    );

  async function register(started: PgBoss, job: JobDefinition) {
    await started.createQueue(job.name, {
      retryLimit: job.retry.limit,
      retryDelay: job.retry.delaySeconds,
      retryDelayMax: job.retry.maxDelaySeconds,
      retryBackoff: true,
      expireInSeconds: job.expireInSeconds,
    });
    if (job.cron) await started.schedule(job.name, job.cron, null, { tz: TIME_ZONE });
    if (options.sendOnly) return;
    await started.work<Record<string, unknown>>(job.name, { pollingIntervalSeconds }, async ([item]) => {
      if (!item) return;
      try {
        return await job.handler(deps, item.data ?? {}, {
          id: item.id,
          progress: (done, total) => progress.set(item.id, { done, total }),
        });
      } catch (error) {
        // Rethrown for pg-boss to retry (with back-off) or, past the limit, keep as failed.
        log('error', `job ${job.name} ${item.id} failed`, error);
        throw error;
      } finally {
        progress.delete(item.id);
      }
    });
    if (job.everySeconds) {
      const every = job.everySeconds;
      // Throttled by a shared key: many instances kicking together still make one job per period.
      const kick = () =>
        void started
          .sendThrottled(job.name, {}, null, every, job.name)
          .catch((error: unknown) => log('warn', `could not queue ${job.name}`, error));
      kick();
      timers.push(setInterval(kick, every * 1000));
    }
  }

  return {
    start() {
      starting ??= (async () => {
        const started = openBoss(deps.database);
        // pg-boss reports a failed maintenance pass or poll here; unheard, the emitter would throw.
        started.on('error', (error) => log('error', 'job runner error', error));
        await started.start();
        boss = started;
        for (const job of table) await register(started, job);
      })();
      return starting;
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await starting?.catch(() => undefined);
      starting = null;
      const stopping = boss;
      boss = null;
      await stopping?.stop({ graceful: true, timeout: 10_000 });
    },
    async send(name, data) {
      const id = await (await running()).send(name, data);
      if (!id) throw new Error(`job ${name} was not queued`);
      return id;
    },
    async find(name, id) {
      await starting?.catch(() => undefined);
      // A runner never started (an app built for a test that runs no jobs) has sent none to find.
      if (!boss) return null;
      const [job] = await boss.findJobs<Record<string, unknown>>(name, { id });
      if (!job) return null;
      return { state: job.state, data: job.data ?? {}, output: (job.output as Record<string, unknown> | null) ?? null };
    },
    progress: (id) => progress.get(id),
  };
}
