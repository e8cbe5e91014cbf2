/**
 * Paired texts (issue 16, DOMAIN.md section 6): a record keeps the language it was written in,
 * and may carry its other-language version beside it, field by field, in `other_language`.
 * These functions choose what a reader sees and say what a record still lacks; they never mix
 * languages silently: a text not in the reader's language comes back marked with its own.
 */
import type { Language } from '../plugins/i18n.ts';

export type OtherLanguage = Record<string, string>;

/** A record as these functions need it: its language and its other-language texts. */
export type Paired = { language: string; otherLanguage: OtherLanguage | null | undefined };

/** One text for one reader: what to show, the language it is in, and whether it is a translation of nothing. */
export type ReaderText = {
  text: string;
  /** The language of `text`: put it in `lang` on the element that shows it. */
  lang: Language;
  /** True when `text` is not in the reader's language (show "written in Welsh" beside it). */
  marked: boolean;
};

export const asLanguage = (value: string): Language => (value === 'cy' ? 'cy' : 'en');
export const otherOf = (language: string): Language => (language === 'cy' ? 'en' : 'cy');

/** The record's text of `field` in `language`, or '' when it has none in that language. */
export function textIn(record: Paired, original: string, field: string, language: Language): string {
  if (asLanguage(record.language) === language) return original;
  return (record.otherLanguage?.[field] ?? '').trim();
}

/**
 * What a reader of `reader` sees of one field: the version in their language when there is one,
 * otherwise the original, marked with its language.
 */
export function forReader(record: Paired, original: string, field: string, reader: Language): ReaderText {
  const written = asLanguage(record.language);
  if (written === reader) return { text: original, lang: written, marked: false };
  const other = (record.otherLanguage?.[field] ?? '').trim();
  if (other) return { text: other, lang: reader, marked: false };
  return { text: original, lang: written, marked: original.trim() !== '' };
}

/**
 * The fields (of those given, with their originals) that have an original but no other-language
 * version: what a person is told about before sharing or publishing to a wider audience.
 */
export function missingFields(record: Paired, originals: Record<string, string>): string[] {
  return Object.entries(originals)
    .filter(([field, original]) => original.trim() !== '' && !(record.otherLanguage?.[field] ?? '').trim())
    .map(([field]) => field);
}

/** Keeps only the named fields, trimmed and without empty ones: what is stored in `other_language`. */
export function cleanOtherLanguage(
  input: Record<string, string | undefined>,
  fields: readonly string[],
): OtherLanguage {
  const out: OtherLanguage = {};
  for (const field of fields) {
    const value = (input[field] ?? '').trim();
    if (value) out[field] = value;
  }
  return out;
}
