import { buildApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import type { Mailer, MailMessage } from '../../src/lib/mailer.ts';
import { createTestDatabase } from './test-database.ts';

export type TestApp = {
  app: App;
  database: Database;
  config: Config;
  delays: number[];
  sentMail: MailMessage[];
  close(): Promise<void>;
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://cydwella.test', RATE_LIMIT_PER_MINUTE: '100000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000', ...overrides });
}

/** The real app on its own migrated database; sign-in delays are recorded instead of slept. */
export async function createTestApp(options: { env?: Record<string, string>; mailer?: Mailer | null; database?: Database } = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig(options.env);
  const delays: number[] = [];
  const sentMail: MailMessage[] = [];
  const recordingMailer: Mailer = { send: async (m) => void sentMail.push(m) };
  const app = await buildApp({
    config,
    database,
    mailer: options.mailer === undefined ? recordingMailer : options.mailer,
    delay: async (ms) => void delays.push(ms),
  });
  return {
    app,
    database,
    config,
    delays,
    sentMail,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
