// Landed migrations are forward-only (docs/ARCHITECTURE.md section 5): a database that already ran one never
// runs it again, so editing it changes nothing there and makes new databases differ from old ones.
// The fix for a bad migration is a new migration. This fails when a landed one is edited.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Landed = {
  tag: string;
  journal: Record<string, unknown>;
  sql: string;
  snapshot: string;
  editedAfterLanding?: ('sql' | 'snapshot')[];
};

const root = path.join(import.meta.dirname, '..');
const folder = 'src/db/migrations';
const manifestPath = 'src/db/landed-migrations.json';
const landed = (JSON.parse(fs.readFileSync(path.join(root, manifestPath), 'utf8')) as { migrations: Landed[] })
  .migrations;
const journal = JSON.parse(fs.readFileSync(path.join(root, folder, 'meta/_journal.json'), 'utf8')) as {
  entries: Record<string, unknown>[];
};

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const sqlPath = (tag: string) => `${folder}/${tag}.sql`;
const snapshotPath = (tag: string) => `${folder}/meta/${tag.slice(0, 4)}_snapshot.json`;
const current = (file: string) =>
  fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file)) : null;
const advice = (file: string) =>
  `Restore ${file} as it landed (git log --diff-filter=A -- ${file} names the commit) and put the change in a new migration (npm run db:generate).`;

function git(args: string[]): Buffer | null {
  try {
    return execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return null;
  }
}
// A source archive without .git still has the manifest check; the history check needs git.
const inGit = git(['rev-parse', '--is-inside-work-tree'])?.toString().trim() === 'true';

describe('landed migrations', () => {
  it('still have the SHA-256 recorded when they landed, as do their snapshots and journal entries', () => {
    const problems: string[] = [];
    landed.forEach((migration, idx) => {
      for (const [file, recorded] of [
        [sqlPath(migration.tag), migration.sql],
        [snapshotPath(migration.tag), migration.snapshot],
      ] as const) {
        const content = current(file);
        if (!content) problems.push(`${file} has been removed. ${advice(file)}`);
        else if (sha256(content) !== recorded)
          problems.push(
            `${file} was edited after it landed (sha256 ${sha256(content)}, recorded ${recorded}). ${advice(file)}`,
          );
      }
      if (JSON.stringify(journal.entries[idx]) !== JSON.stringify(migration.journal)) {
        problems.push(
          `The journal entry of ${migration.tag} (meta/_journal.json, entry ${idx}) changed after it landed. Restore it and add a new migration instead.`,
        );
      }
    });
    expect(problems).toEqual([]);
  });

  it.skipIf(!inGit)('are all recorded in the manifest once committed (a new, uncommitted migration is fine)', () => {
    const committed = git(['ls-tree', '-r', '--name-only', 'HEAD', '--', folder])!.toString().split('\n');
    const recorded = new Set(landed.map((m) => sqlPath(m.tag)));
    const unrecorded = committed.filter((file) => file.endsWith('.sql') && !recorded.has(file));
    const entries = unrecorded.map((file) => {
      const tag = path.basename(file, '.sql');
      const entry = journal.entries.find((e) => e.tag === tag);
      return JSON.stringify({
        tag,
        journal: entry,
        sql: sha256(current(file)!),
        snapshot: sha256(current(snapshotPath(tag)) ?? Buffer.alloc(0)),
      });
    });
    expect(
      unrecorded,
      `Committed migrations missing from ${manifestPath}: add these entries to its list, in order:\n${entries.join(',\n')}`,
    ).toEqual([]);
  });

  it.skipIf(!inGit)(
    'match the content they were first committed with, apart from the five edits made before this check existed',
    () => {
      const problems: string[] = [];
      for (const migration of landed) {
        for (const [kind, file] of [
          ['sql', sqlPath(migration.tag)],
          ['snapshot', snapshotPath(migration.tag)],
        ] as const) {
          const added = git(['log', '--diff-filter=A', '--format=%H', '--', file])
            ?.toString()
            .trim()
            .split('\n')
            .at(-1);
          // Not in this history (a shallow clone, or not committed yet): the manifest check above still holds it.
          if (!added) continue;
          const first = git(['show', `${added}:${file}`]);
          const now = current(file);
          if (!first || !now || first.equals(now)) continue;
          // Those historical edits are allowed only as frozen: any further change fails the check above.
          if (migration.editedAfterLanding?.includes(kind) && sha256(now) === migration[kind]) continue;
          problems.push(`${file} differs from the version first committed in ${added.slice(0, 12)}. ${advice(file)}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );
});
