// npm run restore -- FILE: a backup into an empty DATA_DIR and an empty database (see README, "Backups").
import fs from 'node:fs';
import { loadConfig } from '../config.ts';
import { restoreBackup } from '../backup/restore-service.ts';
import { RestoreRefusedError } from '../backup/restore-checks.ts';
import { openForCommand } from './open-for-cli.ts';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error(
    'Usage: npm run restore -- FILE   (into an empty DATA_DIR, and an empty database when DATABASE_URL is set)',
  );
  process.exit(2);
}
const config = loadConfig();
// A restore that fails into a new embedded database removes it again, so the next attempt starts clean.
const createdHere = !config.databaseUrl && !fs.existsSync(config.pgliteDir);
const database = await openForCommand(config, { mustExist: false });
let failed = false;
try {
  const manifest = await restoreBackup(database, config.dataDir, file);
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Restored ${file} (made ${manifest.createdAt}): ${manifest.tables.length} tables and ${rows} rows, every table matching the backup, ` +
      `and ${manifest.files.length} files into ${config.dataDir}. The app's next start runs any newer migrations.`,
  );
} catch (error) {
  failed = true;
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    error instanceof RestoreRefusedError
      ? `Restore refused: ${message}`
      : `Restore failed, nothing was kept: ${message}`,
  );
  process.exitCode = 1;
} finally {
  await database.close();
  if (failed && createdHere) fs.rmSync(config.pgliteDir, { recursive: true, force: true });
}
