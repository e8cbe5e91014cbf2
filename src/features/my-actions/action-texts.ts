// What a reader sees of an action's own words (issue 16, DOMAIN.md section 6): its description and
// the priority's or meeting's title it serves, each in the reader's language when the record has
// that version, otherwise as written, marked with its language. My actions and the home both show them.
import { forReader, type ReaderText } from '../../lib/paired-text.ts';
import type { Language } from '../../plugins/i18n.ts';
import type { ActionRow } from '../../actions/action-rows-repository.ts';

export function actionTexts(a: ActionRow, reader: Language): { description: ReaderText; context: ReaderText | null } {
  return {
    description: forReader(
      { language: a.language, otherLanguage: a.otherLanguage },
      a.description,
      'description',
      reader,
    ),
    context: a.context
      ? forReader({ language: a.contextLanguage, otherLanguage: a.contextOtherLanguage }, a.context, 'title', reader)
      : null,
  };
}
