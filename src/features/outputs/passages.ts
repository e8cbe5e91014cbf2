import type { TFunction } from 'i18next';
import { forReader, type Paired } from '../../lib/paired-text.ts';
import type { Span } from './output-document.ts';

/**
 * What people wrote, as a document in one language shows it (issue 16): the version in the
 * document's language when there is one, otherwise the original with its language and a
 * "written in Welsh" note after it, so nothing reads as if it were in the document's language.
 */
export type Written = (record: Paired, original: string | null | undefined, field: string) => Span[];

export function writtenFor(t: TFunction, lang: 'en' | 'cy'): Written {
  return (record, original, field) => {
    if (!original?.trim()) return [];
    const shown = forReader(record, original, field, lang);
    const text: Span = { text: shown.text, lang: shown.lang };
    return shown.marked ? [text, { text: ` (${t(`common.writtenIn.${shown.lang}`)})`, note: true }] : [text];
  };
}

/** A record that has no other-language texts yet (its table has no column for them): shown as written. */
export const asWritten = (language: string | null | undefined): Paired => ({
  language: language ?? 'en',
  otherLanguage: undefined,
});

const SLOT = '\u0000';
/**
 * An interface text with passages in its placeholders ("Priority {{number}}: {{title}}"): the
 * translation split around them, so each passage keeps its own language and note.
 */
export function withPassages(
  t: TFunction,
  key: string,
  values: Record<string, unknown>,
  passages: Record<string, Span[]>,
): Span[] {
  const slots = Object.fromEntries(Object.keys(passages).map((name) => [name, `${SLOT}${name}${SLOT}`]));
  return String(t(key, { ...values, ...slots }))
    .split(SLOT)
    .flatMap((piece, i): Span[] => (i % 2 ? (passages[piece] ?? []) : piece ? [{ text: piece }] : []));
}
