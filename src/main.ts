import { loadConfig } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { DirectoryLockedError } from './db/pglite-lock.ts';
import { buildApp } from './app.ts';
import { systemClock } from './lib/clock.ts';
import { createSmtpMailer } from './lib/mailer.ts';
import { loadDemoData, DEMO_PASSWORD } from './demo/demo-data.ts';
import { createJobRunner } from './jobs/runner.ts';
import { derivePurposeKeys } from './lib/secrets.ts';

async function main() {
  const config = loadConfig();
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (error) {
    if (error instanceof DirectoryLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await database.migrate();
  // The one clock of the process: the demo's dates and every request read the real time.
  const clock = systemClock;
  const demo = config.loadDemoData ? await loadDemoData(database.db, clock.now()) : null;
  const mailer = config.smtp ? createSmtpMailer(config.smtp) : null;
  // Jobs get what pages get, less the cookie secret (no job signs a cookie).
  const { cookieSecret: _secret, ...jobConfig } = config;
  const { unsubscribeLinks } = derivePurposeKeys(config.cookieSecret);
  const jobs = createJobRunner({ database, clock, mailer, config: jobConfig, keys: { unsubscribeLinks } });
  const app = await buildApp({ config, database, clock, mailer, jobs });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    try {
      await app.close();
      // After the pages (none can queue a job now) and before the database it runs on.
      await jobs.stop();
      await database.close();
      app.log.info('shut down cleanly');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  // Signal handlers cannot wait for a promise; shutdown catches its own failure, logs it and exits 1.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = `http://localhost:${(app.server.address() as { port: number }).port}`;
  console.log(
    `\nCydwella is running at ${address} (database: ${database.kind === 'pglite' ? config.pgliteDir : 'PostgreSQL server'})`,
  );
  if (demo) {
    console.log(`Demo accounts: see "Demo accounts" in README.md (every demo password is "${DEMO_PASSWORD}").`);
    if (demo.created) console.log('Demo data loaded into the new embedded database.');
  }
  // Jobs start once the pages are served: pg-boss's start (its schema, every queue and schedule)
  // took seconds of the start-up, and a page that sends a job meanwhile waits for it (runner.ts).
  // A failure to start ends the process, unless it is already shutting down.
  await jobs.start().catch((error: unknown) => {
    if (!closing) throw error;
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
