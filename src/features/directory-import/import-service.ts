import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { utcDate } from '../../lib/clock.ts';
import type { ImportProblem, ParsedList } from './address-list-parser.ts';
import { planImport, planIsEmpty, type ImportPlan } from './import-plan.ts';
import * as repo from './import-repository.ts';

export type Preview =
  | { ok: false; problems: ImportProblem[] }
  | { ok: true; plan: ImportPlan; editionDate: string; sha256: string; schoolCount: number };

/**
 * The parser, and SheetJS under it, are imported on the first import of a list, not at start
 * (about 0.2 s and 20 MB that a server seldom needs; issue 19).
 */
async function parseAddressList(fileName: string, content: Buffer, laCodes: Set<string>): Promise<ParsedList> {
  return (await import('./address-list-parser.ts')).parseAddressList(fileName, content, laCodes);
}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Reads the file and compares it with the directory; changes nothing. */
export async function previewImport(db: Db, fileName: string, content: Buffer, now: Date): Promise<Preview> {
  const parsed = await parseAddressList(fileName, content, await repo.laCodes(db));
  if (parsed.problems.length) return { ok: false, problems: parsed.problems };
  const plan = planImport(await repo.currentSchools(db), parsed.schools, parsed.covers);
  return {
    ok: true,
    plan,
    editionDate: parsed.editionDate ?? utcDate(now),
    sha256: sha256(content),
    schoolCount: parsed.schools.length,
  };
}

export type ApplyResult =
  { ok: false; problems: ImportProblem[] } | { ok: true; importId: string | null; plan: ImportPlan };

/**
 * Applies an edition in one transaction: re-reads and re-plans inside it, so what is applied
 * is what the directory holds now, even if someone else imported since the preview.
 */
export async function applyImport(
  db: Db,
  actorId: string | null,
  fileName: string,
  content: Buffer,
  now: Date,
  progress: repo.Progress = () => {},
): Promise<ApplyResult> {
  const laCodes = await repo.laCodes(db);
  const parsed = await parseAddressList(fileName, content, laCodes);
  if (parsed.problems.length) return { ok: false, problems: parsed.problems };
  const editionDate = parsed.editionDate ?? utcDate(now);
  return db.transaction(async (tx) => {
    const plan = planImport(await repo.currentSchools(tx), parsed.schools, parsed.covers);
    if (planIsEmpty(plan)) return { ok: true as const, importId: null, plan };
    const importId = await repo.applyPlan(
      tx,
      plan,
      { fileName, fileSha256: sha256(content), editionDate, importedBy: actorId },
      now,
      progress,
    );
    await appendAudit(tx, {
      actorId,
      action: 'directory-import',
      entityType: 'directory_import',
      entityId: importId,
      after: {
        fileName,
        editionDate,
        added: plan.added.length,
        changed: plan.changed.length,
        reopened: plan.reopened.length,
        closed: plan.closed.length,
        unchanged: plan.unchanged,
      },
    });
    return { ok: true as const, importId, plan };
  });
}
