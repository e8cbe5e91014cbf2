import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Db } from '../db/client.ts';
import { appliedMigrations, listTables, rowCount } from './backup-repository.ts';
import { filesIn, sha256OfFile } from './backup-files.ts';
import { DATA_FOLDERS, tableFile, type Manifest } from './backup-manifest.ts';
import { tablesSeededByMigrations } from './migration-level.ts';

export class RestoreRefusedError extends Error {}

/** Each line of a table file, in order. */
export async function* linesOf(file: string): AsyncGenerator<string> {
  const reader = readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of reader) if (line !== '') yield line;
}

/** The unpacked archive is whole: every table file and every data file matches its manifest entry. */
export async function checkArchive(unpacked: string, manifest: Manifest): Promise<void> {
  for (const table of manifest.tables) {
    const file = path.join(unpacked, tableFile(table.name));
    if (!fs.existsSync(file)) throw new Error(`The backup has no rows file for ${table.name}: it is damaged.`);
    const hash = createHash('sha256');
    let rows = 0;
    for await (const line of linesOf(file)) {
      hash.update(line).update('\n');
      rows++;
    }
    if (rows !== table.rows || hash.digest('hex') !== table.sha256)
      throw new Error(`The backup's rows for ${table.name} do not match its manifest: it is damaged.`);
  }
  for (const entry of manifest.files) {
    const file = path.join(unpacked, 'files', entry.path);
    const ok =
      fs.existsSync(file) && fs.statSync(file).size === entry.bytes && (await sha256OfFile(file)) === entry.sha256;
    if (!ok) throw new Error(`The backup's file ${entry.path} does not match its manifest: it is damaged.`);
  }
}

/** Restore never mixes a backup into files that are already there. */
export async function refuseFilesInDataDir(dataDir: string): Promise<void> {
  for (const folder of DATA_FOLDERS) {
    const present = await filesIn(path.join(dataDir, folder));
    if (present.length > 0) {
      throw new RestoreRefusedError(
        `${path.join(dataDir, folder)} already holds ${present.length} file(s). Restore into an empty DATA_DIR.`,
      );
    }
  }
}

/**
 * Restore goes only into an empty database: no tables, or a schema the app migrated and never
 * used (no migration beyond the backup's, nothing in the audit log, and rows only in the tables
 * migrations fill with reference data, which the backup's copy then replaces). Every change the
 * app makes is audited, so an empty audit log with no other rows means nobody has used it.
 */
export async function refuseUsedDatabase(db: Db, backupLevel: number): Promise<void> {
  const applied = (await appliedMigrations(db)).length;
  const tables = await listTables(db);
  if (tables.length === 0 && applied === 0) return;
  if (applied === 0)
    throw new RestoreRefusedError(
      `The database already has ${tables.length} table(s) not made by Cydwella's migrations. Restore into an empty database.`,
    );
  if (applied > backupLevel) {
    throw new RestoreRefusedError(
      `The database has ${applied} migrations applied, more than the backup's ${backupLevel}. Restore into a new, empty database.`,
    );
  }
  const seeded = tablesSeededByMigrations(applied);
  const used: string[] = [];
  for (const table of tables) if (!seeded.has(table) && (await rowCount(db, table)) > 0) used.push(table);
  if (used.length > 0) {
    throw new RestoreRefusedError(
      `The database is not empty (rows in ${used.slice(0, 5).join(', ')}${used.length > 5 ? ', ...' : ''}). Restore into a new, empty database.`,
    );
  }
}
