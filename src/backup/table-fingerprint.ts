import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { listTables, tableLines, useStableTextOutput } from './backup-repository.ts';

export type Fingerprint = { rows: number; sha256: string };

/**
 * A table's row count and a SHA-256 of its rows as text, in a fixed order: equal fingerprints
 * mean equal contents, whichever server each copy lives on. `onLine` sees each row as it passes.
 */
export async function fingerprintTable(
  tx: Db,
  table: string,
  onLine?: (line: string) => Promise<void>,
): Promise<Fingerprint> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const line of tableLines(tx, table)) {
    // One row a line: a raw `json` column could carry a line break; jsonb and every other type cannot.
    if (line.includes('\n'))
      throw new Error(`A row of ${table} prints over several lines; the backup format cannot hold it.`);
    hash.update(line).update('\n');
    rows++;
    if (onLine) await onLine(line);
  }
  return { rows, sha256: hash.digest('hex') };
}

/** Every table's fingerprint, from one consistent snapshot. */
export async function fingerprintDatabase(db: Db): Promise<Record<string, Fingerprint>> {
  return db.transaction(
    async (tx) => {
      await useStableTextOutput(tx);
      const result: Record<string, Fingerprint> = {};
      for (const table of await listTables(tx)) result[table] = await fingerprintTable(tx, table);
      return result;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
