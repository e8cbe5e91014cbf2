// What every job handler is given: the app's own deps, so a job reads the same database, clock,
// mailer and settings as the request that caused it. Types only, from modules that import no
// feature, so app-deps.ts, the table and the features can all import them.
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../lib/mailer.ts';
import type { PurposeKeys } from '../lib/secrets.ts';

export type JobDeps = {
  database: Database;
  clock: Clock;
  mailer: Mailer | null;
  config: Omit<Config, 'cookieSecret'>;
  /** Only the key a job signs with: the unsubscribe links in notification emails. */
  keys: Pick<PurposeKeys, 'unsubscribeLinks'>;
};

/** What a running job can tell the runner besides its result. */
export type JobContext = {
  id: string;
  /** How far a long job has got, for a page that shows it (kept by the instance running it). */
  progress(done: number, total: number): void;
};

export type JobDefinition = {
  /** The queue's name; a job is sent by it. */
  name: string;
  /** Gets the job's data (small: ids, never records) and returns its result, kept with the job. */
  handler(deps: JobDeps, data: Record<string, unknown>, job: JobContext): Promise<object | void>;
  /** Cron expression read in Europe/London time, for jobs nobody sends (digests, scans). */
  cron?: string;
  /** Sent by the runner every this many seconds, at most once in that time across all instances. */
  everySeconds?: number;
  /** Failed attempts are tried again this many times, waiting delaySeconds x 2^attempt (with jitter). */
  retry: { limit: number; delaySeconds: number; maxDelaySeconds: number };
  /** How long one attempt may run before it counts as failed (the process running it died). */
  expireInSeconds: number;
};

/** A job as a page reads it back. */
export type JobState = {
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  data: Record<string, unknown>;
  output: Record<string, unknown> | null;
};

/** What the app holds of the runner: features send jobs and read them back (src/jobs/runner.ts). */
export type JobQueue = {
  /** Queues a job; its data must be small (ids), as every attempt reads it again. */
  send(name: string, data: Record<string, unknown>): Promise<string>;
  find(name: string, id: string): Promise<JobState | null>;
  /** A running job's progress, when this instance is running it. */
  progress(id: string): { done: number; total: number } | undefined;
};
