import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../audit/audit-repository.ts';
import { cleanOtherLanguage } from '../../lib/paired-text.ts';
import type { KindDef, LoadedItem } from './kinds.ts';

export type OtherLanguageInput = {
  version: number;
  fields: Record<string, string | undefined>;
  partIds: string[];
  parts: string[];
};

export type SaveOutcome = { ok: true } | { ok: false; reason: 'conflict' };

/**
 * Saves an item's other-language texts: only its own fields, trimmed, empty ones left out (so
 * clearing a box removes that version). The parts must be the ones the page showed, in order: a part
 * added or removed since is someone else's change, a conflict like a changed version.
 */
export async function saveOtherLanguage(
  db: Db,
  def: KindDef,
  item: LoadedItem,
  input: OtherLanguageInput,
  actorId: string,
  now: Date,
): Promise<SaveOutcome> {
  const sameParts = input.partIds.length === item.parts.length && item.parts.every((p, i) => input.partIds[i] === p.id);
  if (!sameParts || input.version !== item.version) return { ok: false, reason: 'conflict' };
  const other = cleanOtherLanguage(
    input.fields,
    def.fields.map((f) => f.name),
  );
  const parts = new Map(item.parts.map((p, i) => [p.id, (input.parts[i] ?? '').trim()]));
  return db.transaction(async (tx) => {
    const searchText = def.searchText?.(item, other);
    if (!(await def.save(tx, { item, other, parts, version: input.version, now, searchText })))
      return { ok: false as const, reason: 'conflict' as const };
    await appendAudit(tx, {
      actorId,
      action: 'other-language-save',
      entityType: def.entityType,
      entityId: item.id,
      before: { otherLanguage: item.other, parts: Object.fromEntries(item.parts.map((p) => [p.id, p.other])) },
      after: { otherLanguage: other, parts: Object.fromEntries(parts) },
    });
    return { ok: true as const };
  });
}
