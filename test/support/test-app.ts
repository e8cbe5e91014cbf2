import { buildApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { systemClock, type Clock } from '../../src/lib/clock.ts';
import type { Mailer, MailMessage } from '../../src/lib/mailer.ts';
import { createJobRunner } from '../../src/jobs/runner.ts';
import { derivePurposeKeys } from '../../src/lib/secrets.ts';
import { createTestDatabase } from './test-database.ts';

export type TestApp = {
  app: App;
  database: Database;
  config: Config;
  /** The clock the app reads; pass a settableClock to move the day in a test. */
  clock: Clock;
  delays: number[];
  sentMail: MailMessage[];
  close(): Promise<void>;
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://cydwella.test',
    RATE_LIMIT_PER_MINUTE: '100000',
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
    // Hundreds of tests sign in as LA officers with a password alone; two-factor's tests turn it on.
    TWO_FACTOR_REQUIRED: 'false',
    ...overrides,
  });
}

/** The real app on its own migrated database; sign-in delays are recorded instead of slept. */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    mailer?: Mailer | null;
    database?: Database;
    clock?: Clock;
    /** Starts the job runner as main.ts does (seconds of start-up; only for tests of background jobs). */
    jobs?: boolean;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig(options.env);
  const clock = options.clock ?? systemClock;
  const delays: number[] = [];
  const sentMail: MailMessage[] = [];
  const recordingMailer: Mailer = { send: async (m) => void sentMail.push(m) };
  const mailer = options.mailer === undefined ? recordingMailer : options.mailer;
  const jobs = options.jobs
    ? createJobRunner(
        {
          database,
          clock,
          mailer,
          config,
          keys: { unsubscribeLinks: derivePurposeKeys(config.cookieSecret).unsubscribeLinks },
        },
        { pollingIntervalSeconds: 0.5 },
      )
    : undefined;
  await jobs?.start();
  const app = await buildApp({ config, database, mailer, delay: async (ms) => void delays.push(ms), clock, jobs });
  return {
    app,
    database,
    config,
    clock,
    delays,
    sentMail,
    close: async () => {
      await app.close();
      await jobs?.stop();
      if (!options.database) await database.close();
    },
  };
}
