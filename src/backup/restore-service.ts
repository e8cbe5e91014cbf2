import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import type { Database, Db } from '../db/client.ts';
import {
  deleteAllRows,
  setOwnTriggers,
  foreignKeys,
  insertLines,
  listTables,
  rowCount,
  setSequence,
  useStableTextOutput,
  writableColumns,
} from './backup-repository.ts';
import { MANIFEST_FILE, parseManifest, tableFile, type Manifest } from './backup-manifest.ts';
import { levelOf, migrationsUpTo } from './migration-level.ts';
import { checkArchive, linesOf, refuseFilesInDataDir, refuseUsedDatabase } from './restore-checks.ts';
import { dependencyOrder } from './table-order.ts';
import { fingerprintTable } from './table-fingerprint.ts';

const BATCH_ROWS = 500;
const BATCH_CHARS = 4 * 1024 * 1024;

/**
 * Restores a backup made by `createBackup` into an empty database and an empty DATA_DIR: checks
 * the archive, migrates to the backup's level (the app's next start migrates on from there),
 * loads every table parents first in one transaction, sets the sequences, and compares every
 * table with the manifest before committing. Files are put back first and taken away again if
 * the database part fails, so a failed restore leaves nothing half done.
 */
export async function restoreBackup(database: Database, dataDir: string, file: string): Promise<Manifest> {
  if (!fs.existsSync(file)) throw new Error(`There is no backup at ${path.resolve(file)}.`);
  fs.mkdirSync(dataDir, { recursive: true });
  const unpacked = fs.mkdtempSync(path.join(dataDir, '.restore-'));
  const placed: string[] = [];
  try {
    // Only plain files and folders: a link in a hostile archive could point outside the folder.
    await tar.extract({
      file,
      cwd: unpacked,
      strict: true,
      filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
    });
    if (!fs.existsSync(path.join(unpacked, MANIFEST_FILE)))
      throw new Error(`${file} is not a Cydwella backup (it has no ${MANIFEST_FILE}).`);
    const manifest = parseManifest(fs.readFileSync(path.join(unpacked, MANIFEST_FILE), 'utf8'));
    const level = levelOf(manifest.migrations);
    await checkArchive(unpacked, manifest);
    await refuseFilesInDataDir(dataDir);
    await refuseUsedDatabase(database.db, level);

    for (const entry of manifest.files) {
      const to = path.join(dataDir, entry.path);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.renameSync(path.join(unpacked, 'files', entry.path), to);
      placed.push(to);
    }
    await database.migrate(migrationsUpTo(level, path.join(unpacked, 'migrations')));
    await database.db.transaction(async (tx) => {
      await useStableTextOutput(tx);
      await loadTables(tx, unpacked, manifest);
      for (const sequence of manifest.sequences) await setSequence(tx, sequence);
      await verifyTables(tx, manifest);
    });
    return manifest;
  } catch (error) {
    for (const file of placed) fs.rmSync(file, { force: true });
    throw error;
  } finally {
    fs.rmSync(unpacked, { recursive: true, force: true });
  }
}

async function loadTables(tx: Db, unpacked: string, manifest: Manifest): Promise<void> {
  const tables = await listTables(tx);
  const expected = manifest.tables.map((t) => t.name).sort();
  if (JSON.stringify(tables) !== JSON.stringify(expected)) {
    throw new Error(
      `The migrated schema's tables differ from the backup's (${diff(tables, expected)}): the backup does not belong to this version's migrations.`,
    );
  }
  const order = dependencyOrder(tables, await foreignKeys(tx));
  for (const table of order) await setOwnTriggers(tx, table, false);
  // Reference rows the migrations inserted make way for the backup's own copy of them.
  for (const table of [...order].reverse()) if ((await rowCount(tx, table)) > 0) await deleteAllRows(tx, table);
  for (const table of order) {
    const columns = await writableColumns(tx, table);
    let batch: string[] = [];
    let chars = 0;
    for await (const line of linesOf(path.join(unpacked, tableFile(table)))) {
      batch.push(line);
      chars += line.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
        await insertLines(tx, table, columns, batch);
        batch = [];
        chars = 0;
      }
    }
    await insertLines(tx, table, columns, batch);
  }
  for (const table of order) await setOwnTriggers(tx, table, true);
}

async function verifyTables(tx: Db, manifest: Manifest): Promise<void> {
  const problems: string[] = [];
  for (const table of manifest.tables) {
    const found = await fingerprintTable(tx, table.name);
    if (found.rows !== table.rows || found.sha256 !== table.sha256)
      problems.push(`${table.name} (${found.rows} rows restored, ${table.rows} in the backup)`);
  }
  if (problems.length > 0)
    throw new Error(`The restored tables differ from the backup, so nothing was kept: ${problems.join('; ')}`);
}

function diff(actual: string[], expected: string[]): string {
  const missing = expected.filter((t) => !actual.includes(t));
  const extra = actual.filter((t) => !expected.includes(t));
  return [
    missing.length ? `missing ${missing.join(', ')}` : '',
    extra.length ? `not in the backup ${extra.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
