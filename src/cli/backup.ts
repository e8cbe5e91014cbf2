// npm run backup -- FILE: the database and the files under DATA_DIR in one .tar.gz (see README, "Backups").
import { loadConfig } from '../config.ts';
import { createBackup } from '../backup/backup-service.ts';
import { systemClock } from '../lib/clock.ts';
import { openForCommand } from './open-for-cli.ts';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('Usage: npm run backup -- FILE   (for example: npm run backup -- backups/cydwella-2026-05-01.tar.gz)');
  process.exit(2);
}
const config = loadConfig();
const database = await openForCommand(config, { mustExist: true });
try {
  const manifest = await createBackup(database, config.dataDir, file, systemClock.now());
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Backup written to ${file}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files, ` +
      `migration level ${manifest.migrations.length} (${database.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'}).`,
  );
  if (manifest.missingAttachments.length > 0) {
    console.warn(
      `Warning: ${manifest.missingAttachments.length} attachment(s) the database refers to were already missing from ${config.dataDir}/attachments.`,
    );
  }
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
