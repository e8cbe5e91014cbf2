import type { Db } from '../db/client.ts';
import { auditTrail } from '../audit/audit-repository.ts';
import type { Language } from '../plugins/i18n.ts';
import type { SchoolCan, SchoolContext } from '../policy/school-policy.ts';
import { AUDIENCES } from '../reference/reference-data.ts';
import { schoolCollaboratives } from '../directory/directory-repository.ts';
import { sharesFor, type ShareableType } from './share-repository.ts';
import { missingFields, otherOf, type Paired } from '../lib/paired-text.ts';

/**
 * The item's texts, for telling its sharer what has no other-language version (issue 16, part 2):
 * its record, its originals by field, and the page where the other version is written.
 */
export type PairedItem = { record: Paired; originals: Record<string, string>; href: string };

/** Audiences inside the school's own circle: sharing with them asks for no translation. */
const INSIDE: readonly string[] = ['governors'];

/** Everything the sharing panel shows for one item: who sees it, what can be added, its history. */
export async function sharingModel(
  db: Db,
  school: SchoolContext,
  can: SchoolCan,
  itemType: ShareableType,
  itemId: string,
  lang: Language,
  paired?: PairedItem,
) {
  const [current, collaboratives, history] = await Promise.all([
    sharesFor(db, itemType, [itemId]).then((m) => m.get(itemId) ?? []),
    schoolCollaboratives(db, school.number),
    can.staff ? auditTrail(db, itemType, itemId, ['share-add', 'share-remove']) : Promise.resolve([]),
  ]);
  const label = (s: { audience: string; audienceName: { en: string; cy: string } | null }) =>
    s.audienceName?.[lang] ?? null;
  const shared = current.map((s) => ({ ...s, name: label(s) }));
  const has = (audience: string, audienceId = '') =>
    current.some((s) => s.audience === audience && s.audienceId === audienceId);
  const canAdd = AUDIENCES.filter((a) => a !== 'collaborative' && !has(a)).map((audience) => ({
    audience,
    audienceId: '',
    name: null as string | null,
  }));
  const collaborativeOptions = collaboratives
    .filter((c) => !has('collaborative', c.id))
    .map((c) => ({ audience: 'collaborative', audienceId: c.id, name: lang === 'cy' ? c.nameCy : c.nameEn }));
  const options = [...canAdd, ...collaborativeOptions];
  // Told, not blocked: only when the item is, or may now be, shared beyond the school.
  const wider = [...current, ...options].some((s) => !INSIDE.includes(s.audience));
  const missing = paired && wider && can.widenSharing ? missingFields(paired.record, paired.originals) : [];
  const lacking = missing.length
    ? { fields: missing, other: otherOf(paired!.record.language), href: paired!.href }
    : null;
  return { itemType, itemId, shared, canAdd: options, history, lacking };
}
export type SharingModel = Awaited<ReturnType<typeof sharingModel>>;
