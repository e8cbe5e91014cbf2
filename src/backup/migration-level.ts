import fs from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from '../db/client.ts';
import type { AppliedMigration } from './backup-repository.ts';

type Journal = { entries: { idx: number; when: number; tag: string }[] } & Record<string, unknown>;

const readJournal = (folder = migrationsFolder): Journal =>
  JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;

/**
 * How many of this version's migrations the backup's database had applied. Drizzle decides what to
 * run by each migration's `when`, so that is what must match, one for one and in order.
 */
export function levelOf(applied: AppliedMigration[]): number {
  const journal = readJournal();
  if (applied.length > journal.entries.length) {
    throw new Error(
      `The backup's database had ${applied.length} migrations applied; this version of Cydwella knows ${journal.entries.length}. ` +
        'Restore it with the version that made it (or a newer one).',
    );
  }
  applied.forEach((migration, i) => {
    if (String(journal.entries[i]!.when) !== migration.createdAt) {
      throw new Error(
        `The backup's migration ${i + 1} does not match this version's ${journal.entries[i]!.tag}: it was made by a different line of Cydwella.`,
      );
    }
  });
  return applied.length;
}

/** A copy of the migrations folder cut at `level`, so a restore builds exactly the backup's schema. */
export function migrationsUpTo(level: number, into: string): string {
  const journal = readJournal();
  const entries = journal.entries.slice(0, level);
  fs.mkdirSync(path.join(into, 'meta'), { recursive: true });
  fs.writeFileSync(path.join(into, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries)
    fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(into, `${entry.tag}.sql`));
  return into;
}

/** Tables the migrations up to `level` put rows in themselves (reference data such as the 22 LAs). */
export function tablesSeededByMigrations(level: number): Set<string> {
  const seeded = new Set<string>();
  for (const entry of readJournal().entries.slice(0, level)) {
    const text = fs.readFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), 'utf8');
    for (const match of text.matchAll(/INSERT INTO "([a-z_0-9]+)"/gi)) seeded.add(match[1]!);
  }
  return seeded;
}
