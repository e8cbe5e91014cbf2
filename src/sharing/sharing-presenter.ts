import type { Db } from '../db/client.ts';
import { auditTrail } from '../audit/audit-repository.ts';
import type { Language } from '../plugins/i18n.ts';
import type { SchoolCan, SchoolContext } from '../policy/school-policy.ts';
import { AUDIENCES } from '../reference/reference-data.ts';
import { schoolCollaboratives } from '../directory/directory-repository.ts';
import { sharesFor, type ShareableType } from './share-repository.ts';

/** Everything the sharing panel shows for one item: who sees it, what can be added, its history. */
export async function sharingModel(
  db: Db,
  school: SchoolContext,
  can: SchoolCan,
  itemType: ShareableType,
  itemId: string,
  lang: Language,
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
  return { itemType, itemId, shared, canAdd: [...canAdd, ...collaborativeOptions], history };
}
export type SharingModel = Awaited<ReturnType<typeof sharingModel>>;
