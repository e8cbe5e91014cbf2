import fs from 'node:fs';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { DirectoryLockedError } from '../db/pglite-lock.ts';

/**
 * Opens the configured database for a command, or exits with a message an operator can act on.
 * The embedded database belongs to one process at a time, so a command on it needs the app stopped.
 */
export async function openForCommand(config: Config, options: { mustExist: boolean }): Promise<Database> {
  // Opening a missing directory would create an empty database there.
  if (options.mustExist && !config.databaseUrl && !fs.existsSync(config.pgliteDir)) {
    console.error(`There is no embedded database at ${config.pgliteDir}: check DATA_DIR, or set DATABASE_URL.`);
    process.exit(2);
  }
  return openDatabase(config).catch((error: unknown) => {
    if (error instanceof DirectoryLockedError) {
      console.error(
        `${error.message}\nStop the app first: the embedded database can only be opened by one process, so this command ` +
          'runs while the app is stopped. On PostgreSQL (DATABASE_URL) it runs beside the app.',
      );
      process.exit(2);
    }
    throw error;
  });
}
