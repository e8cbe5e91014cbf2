/**
 * Reader texts for pages and lists (issue 16): a presenter turns a record's user-written fields
 * into what this reader sees (src/lib/paired-text.ts `forReader`), so a template shows each one
 * with `lang` set and, when it is not in the reader's language, marked with the language it is in.
 */
import type { Language } from '../plugins/i18n.ts';
import { forReader, type Paired, type ReaderText } from './paired-text.ts';

/** A record's texts for one reader, by field: `{ title: ReaderText, body: ReaderText }`. */
export function readerTexts<F extends string>(
  record: Paired & Partial<Record<F, string | null>>,
  fields: readonly F[],
  reader: Language,
): Record<F, ReaderText> {
  const out = {} as Record<F, ReaderText>;
  for (const field of fields) out[field] = forReader(record, record[field] ?? '', field, reader);
  return out;
}

/** The record with its reader texts beside it as `rt`, for lists: `rows.map((r) => withReaderTexts(r, ...))`. */
export function withReaderTexts<R extends Paired, F extends string & keyof R>(
  record: R,
  fields: readonly F[],
  reader: Language,
): R & { rt: Record<F, ReaderText> } {
  return { ...record, rt: readerTexts(record as Paired & Partial<Record<F, string | null>>, fields, reader) };
}
