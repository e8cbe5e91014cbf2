import type { Language } from '../../plugins/i18n.ts';
import { forReader } from '../../lib/paired-text.ts';
import { withReaderTexts } from '../../lib/reader-texts.ts';
import type { caseloadModel } from './caseload-service.ts';

/**
 * The caseload as its reader sees it (issue 16): each user-written text in the reader's language
 * when it has that version, otherwise as written, marked with its language. A due item's version
 * of its `text` is kept under the key `text`.
 */
export function readerCaseload(model: Awaited<ReturnType<typeof caseloadModel>>, reader: Language) {
  return {
    ...model,
    collaboratives: model.collaboratives.map((c) => ({
      ...c,
      actions: c.actions.map((a) => withReaderTexts(a, ['description'], reader)),
    })),
    schools: model.schools.map((s) => ({
      ...s,
      due: s.due.map((d) => ({ ...d, rt: forReader(d, d.text, 'text', reader) })),
    })),
  };
}
