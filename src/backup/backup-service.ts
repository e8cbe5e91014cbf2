import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import type { Database } from '../db/client.ts';
import {
  appliedMigrations,
  foreignKeys,
  listTables,
  referencedAttachments,
  sequenceStates,
  useStableTextOutput,
} from './backup-repository.ts';
import { filesIn, linkOrCopy, openLineWriter, sha256OfFile } from './backup-files.ts';
import { BACKUP_FORMAT_VERSION, DATA_FOLDERS, MANIFEST_FILE, tableFile, type Manifest } from './backup-manifest.ts';
import { dependencyOrder } from './table-order.ts';
import { fingerprintTable } from './table-fingerprint.ts';

/**
 * Writes the database and the files under DATA_DIR into one .tar.gz: a manifest, every table's rows
 * as JSON lines, and the files. The rows come from one REPEATABLE READ snapshot, so the copy is
 * consistent while the app keeps serving (on PostgreSQL). Files are copied after the snapshot:
 * an attachment is saved before the row that names it commits and is never deleted, so every
 * file the snapshot refers to is already there; a file added since is harmless extra.
 */
export async function createBackup(database: Database, dataDir: string, file: string, now: Date): Promise<Manifest> {
  const target = path.resolve(file);
  if (fs.existsSync(target))
    throw new Error(`${target} already exists: choose a new name (a backup never overwrites a file).`);
  const staging = fs.mkdtempSync(path.join(path.dirname(target), '.cydwella-backup-'));
  try {
    const snapshot = await database.db.transaction(
      async (tx) => {
        await useStableTextOutput(tx);
        const migrations = await appliedMigrations(tx);
        if (migrations.length === 0)
          throw new Error('This database has never been migrated: there is nothing to back up.');
        const order = dependencyOrder(await listTables(tx), await foreignKeys(tx));
        const tables: Manifest['tables'] = [];
        for (const name of order) {
          const writer = await openLineWriter(path.join(staging, tableFile(name)));
          try {
            tables.push({ name, ...(await fingerprintTable(tx, name, (line) => writer.write(line))) });
          } finally {
            await writer.close();
          }
        }
        return { migrations, tables, sequences: await sequenceStates(tx), referenced: await referencedAttachments(tx) };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

    const files: Manifest['files'] = [];
    for (const folder of DATA_FOLDERS) {
      for (const name of await filesIn(path.join(dataDir, folder))) {
        const source = path.join(dataDir, folder, name);
        await linkOrCopy(source, path.join(staging, 'files', folder, name));
        files.push({ path: `${folder}/${name}`, bytes: fs.statSync(source).size, sha256: await sha256OfFile(source) });
      }
    }
    const present = new Set(files.filter((f) => f.path.startsWith('attachments/')).map((f) => f.sha256));
    const manifest: Manifest = {
      format: 'cydwella-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: now.toISOString(),
      source: database.kind,
      migrations: snapshot.migrations,
      tables: snapshot.tables,
      sequences: snapshot.sequences,
      files,
      missingAttachments: snapshot.referenced.filter((sha) => !present.has(sha)),
    };
    fs.writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    // Written beside the target and renamed, so a half-written archive never carries the real name.
    const partial = `${target}.part`;
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, [
      MANIFEST_FILE,
      'tables',
      ...(files.length ? ['files'] : []),
    ]);
    fs.renameSync(partial, target);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(`${target}.part`, { force: true });
  }
}
