// The school's list of governors' questions, as its page shows them: what each is about (the item's
// title, or its name), where it is kept, the start of its first message, and whether it is yours.
import type { TFunction } from 'i18next';
import type { Language } from '../../plugins/i18n.ts';
import { forReader } from '../../lib/paired-text.ts';
import type { ListedThread } from '../../governor-questions/question-list-repository.ts';
import { itemLink } from '../../governor-questions/question-service.ts';

/** The start of a message, for a list: the whole of it is on the item's page. */
const EXCERPT = 240;

export function presentThreadList(
  rows: readonly ListedThread[],
  schoolNumber: string,
  userId: string,
  t: TFunction,
  reader: Language,
) {
  return rows.map((row) => {
    const named =
      row.item_type === 'output'
        ? t(`outputs.titles.${row.item_id.split(':')[1]}`)
        : t(`questions.items.${row.item_type}`, { number: row.revision_number ?? '' });
    const titled = row.item_title !== null && row.item_title !== '';
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      // The item's title as the reader sees it (issue 16), or the item's name when it has no title.
      about: titled
        ? forReader(
            { language: row.item_lang ?? reader, otherLanguage: row.item_other },
            row.item_title!,
            'title',
            reader,
          )
        : { text: named, lang: reader, marked: false },
      aboutType: titled ? named : null,
      href: itemLink(schoolNumber, { type: row.item_type, id: row.item_id, number: row.revision_number }).replace(
        '#questions',
        `#thread-${row.id}`,
      ),
      askerName: row.asker_name,
      mine: row.asked_by === userId,
      updatedAt: row.updated_at,
      excerpt: row.body.length > EXCERPT ? `${row.body.slice(0, EXCERPT)}…` : row.body,
      excerptLang: row.body_lang,
    };
  });
}
