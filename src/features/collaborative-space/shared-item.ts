import type { TFunction } from 'i18next';
import type { Db } from '../../db/client.ts';
import type { Language } from '../../plugins/i18n.ts';
import { forReader, type ReaderText } from '../../lib/paired-text.ts';
import { readerTexts, withReaderTexts } from '../../lib/reader-texts.ts';
import { findSchoolContext } from '../../school/school-repository.ts';
import { OUTPUT_KINDS, type OutputKind, type ShareableType } from '../../sharing/share-repository.ts';
import { criteriaFor } from '../development-plan/plan-repository.ts';
import { fileSize, itemTags } from '../evidence/evidence-presenter.ts';
import * as evidenceRepo from '../evidence/evidence-repository.ts';
import { extensionOf } from '../evidence/file-type.ts';
import * as findingsRepo from '../findings/findings-repository.ts';
import { buildOutput } from '../outputs/output-builders.ts';
import { COLLABORATIVE_READER, outputData } from '../outputs/output-service.ts';
import * as prioritiesRepo from '../priorities/priorities-repository.ts';
import { nationalName } from '../priorities/priorities-presenter.ts';
import { sharedItemIds } from './space-repository.ts';

/**
 * One item a member shared, as the collaborative reads it. The caller has checked that the item
 * is shared with this collaborative by a current member; the item is then read in full through
 * its own feature's repository (`{ all: true }`), and whatever it links to is shown only if that
 * is shared with this collaborative too.
 */
const ALL = { all: true } as const;
export const itemHref = (collaborativeId: string, type: ShareableType, itemId: string) =>
  `/collaboratives/${collaborativeId}/shared/${type}/${encodeURIComponent(itemId)}`;

export function outputKindOf(itemId: string): OutputKind | null {
  const kind = itemId.split(':')[1];
  return (OUTPUT_KINDS as readonly string[]).includes(kind ?? '') ? (kind as OutputKind) : null;
}

/** `title` is the page title; `itemTitle`, the item's own title as its reader sees it (with `lang`). */
type Loaded = { title: string; itemTitle?: ReaderText; model: Record<string, unknown> } | null;

async function evidenceModel(
  db: Db,
  c: string,
  school: string,
  itemId: string,
  t: TFunction,
  lang: Language,
): Promise<Loaded> {
  const found = await evidenceRepo.findEvidence(db, school, itemId, ALL);
  if (!found || found.item.archived) return null;
  const { item, authorName } = found;
  const [attachments, national] = await Promise.all([
    evidenceRepo.attachmentsOf(db, item.id),
    evidenceRepo.listNationalPriorities(db),
  ]);
  const base = itemHref(c, 'evidence', item.id);
  const rt = readerTexts(item, ['title', 'body'], lang);
  return {
    title: rt.title.text,
    itemTitle: rt.title,
    model: {
      item,
      rt,
      authorName,
      tags: itemTags(t, lang, item, national),
      attachments: attachments.map((a) => ({
        href: `${base}/attachments/${a.id}`,
        fileName: a.fileName,
        details: `${extensionOf(a.fileName).toUpperCase()}, ${fileSize(t, a.sizeBytes)}`,
      })),
    },
  };
}

async function findingModel(db: Db, c: string, school: string, itemId: string, lang: Language): Promise<Loaded> {
  const item = await findingsRepo.findFinding(db, school, itemId, ALL);
  if (!item) return null;
  const linked = (await findingsRepo.evidenceOfFindings(db, [item.id], ALL)).filter((e) => !e.archived);
  const shared = await sharedItemIds(
    db,
    c,
    'evidence',
    linked.map((e) => e.id),
  );
  const evidence = linked
    .filter((e) => shared.has(e.id))
    .map((e) => ({ ...withReaderTexts(e, ['title'], lang), href: itemHref(c, 'evidence', e.id) }));
  const rt = readerTexts(item, ['title', 'body'], lang);
  return {
    title: rt.title.text,
    itemTitle: rt.title,
    model: { item, rt, evidence, notShared: linked.length - evidence.length },
  };
}

async function priorityModel(db: Db, c: string, school: string, itemId: string, lang: Language): Promise<Loaded> {
  const item = await prioritiesRepo.findPriority(db, school, itemId, ALL);
  if (!item) return null;
  const [criteria, national, linked] = await Promise.all([
    criteriaFor(db, [item.id]),
    prioritiesRepo.nationalPriorityList(db),
    prioritiesRepo.linkedFindings(db, item.id, ALL),
  ]);
  const shared = await sharedItemIds(
    db,
    c,
    'finding',
    linked.map((f) => f.id),
  );
  const findings = linked
    .filter((f) => shared.has(f.id))
    .map((f) => ({ ...withReaderTexts(f, ['title'], lang), href: itemHref(c, 'finding', f.id) }));
  const rt = readerTexts(item, ['title', 'description', 'learners', 'successMeasure'], lang);
  return {
    title: rt.title.text,
    itemTitle: rt.title,
    model: {
      item,
      rt,
      // Success criteria are written in their priority's language.
      criteria: criteria.map((k) =>
        forReader({ language: item.language, otherLanguage: k.otherLanguage }, k.text, 'text', lang),
      ),
      findings,
      notShared: linked.length - findings.length,
      nationalNames: item.nationalPriorities.map((code) =>
        nationalName(
          national.find((n) => n.code === code),
          code,
          lang,
        ),
      ),
    },
  };
}

async function outputModel(
  db: Db,
  school: string,
  itemId: string,
  tFor: (lang: Language) => TFunction,
  lang: Language,
  now: Date,
): Promise<Loaded> {
  const kind = outputKindOf(itemId);
  const context = kind ? await findSchoolContext(db, school) : null;
  if (!kind || !context) return null;
  const output = buildOutput(kind, await outputData(db, context, now, COLLABORATIVE_READER), tFor(lang), lang);
  return { title: output.title, model: { output, kind } };
}

export async function sharedItemModel(
  db: Db,
  collaborativeId: string,
  type: ShareableType,
  itemId: string,
  school: string,
  tFor: (lang: Language) => TFunction,
  lang: Language,
  now: Date,
): Promise<Loaded> {
  const t = tFor(lang);
  if (type === 'evidence') return evidenceModel(db, collaborativeId, school, itemId, t, lang);
  if (type === 'finding') return findingModel(db, collaborativeId, school, itemId, lang);
  if (type === 'priority') return priorityModel(db, collaborativeId, school, itemId, lang);
  return outputModel(db, school, itemId, tFor, lang, now);
}
