// A leaf: features import what they are given from here, never from app.ts, so no feature sits in an
// import cycle with the app that registers it. Only types come in, from modules that import no feature.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Clock } from './lib/clock.ts';
import type { Mailer } from './lib/mailer.ts';
import type { JobQueue } from './jobs/job-deps.ts';
import type { PurposeKeys } from './lib/secrets.ts';

/** What buildApp is given by main.ts, the CLI and tests. */
export type AppOptions = {
  config: Config;
  database: Database;
  mailer: Mailer | null;
  /** Waits before answering a sign-in after repeated failures; replaced in tests. */
  delay?: (ms: number) => Promise<void>;
  /** Where the app reads the time; the system clock unless a test sets one (src/lib/clock.ts). */
  clock?: Clock;
  /**
   * The job runner, started by main.ts (src/jobs/runner.ts). Without one, buildApp makes one that is
   * not started: pages that queue a job then fail, so a test that needs jobs starts a runner.
   */
  jobs?: JobQueue;
  /**
   * The header's unread notifications count (issue 12): `countUnread` unless given; null leaves the
   * count out, the baseline `bench/header-count.ts` compares the home page against.
   */
  unreadCount?: ((userId: string) => Promise<number>) | null;
};

/**
 * What every feature plugin is given. Not the operator's COOKIE_SECRET: only the key derived for
 * the one use a feature has (src/lib/secrets.ts), so no feature can sign a cookie.
 */
export type AppDeps = Omit<AppOptions, 'config' | 'clock' | 'jobs' | 'unreadCount'> & {
  config: Omit<Config, 'cookieSecret'>;
  clock: Clock;
  jobs: JobQueue;
  keys: Pick<PurposeKeys, 'attachmentLinks' | 'unsubscribeLinks' | 'singleSignOn' | 'twoFactorSecrets'>;
};

/**
 * A feature's plugin, typed with the parts of AppDeps it uses and no others: `FeaturePlugin<'database'>`
 * cannot read the mailer or a key. src/features/index.ts declares the same parts beside it, checked to
 * agree, and buildApp hands the plugin exactly those (src/features/feature.ts).
 */
export type FeaturePlugin<K extends keyof AppDeps> = FastifyPluginAsyncTypebox<Pick<AppDeps, K>>;
