/**
 * A document as data: built once from what the school recorded, then rendered as a page,
 * a PDF or a Word document, so the three always say the same thing.
 *
 * Every passage carries its language (issue 16): interface text is in the document's language,
 * and what people wrote is in the language it is shown in, which may differ. A passage not in the
 * document's language is followed by a note ("written in Welsh") in the document's language.
 */
/** One stretch of text in one language; `lang` undefined means the document's language. */
export type Span = {
  text: string;
  lang?: string | undefined;
  /** The "written in Welsh" note after a passage. */ note?: boolean;
};
/** A text: plain (in the document's language, or in the block's `lang`) or spans each in its own language. */
export type Rich = string | Span[];
export type Text = { text: Rich; lang?: string | undefined };
export type Block =
  | { type: 'paragraph'; text: Rich; lang?: string | undefined }
  | { type: 'bullets'; caption?: string; items: Text[] }
  // widths: each column's share of the page width (they add up to 1); equal columns without it.
  | { type: 'table'; caption: string; head: string[]; rows: Rich[][]; widths?: number[] }
  | { type: 'facts'; rows: [string, Rich][] };
export type Section = { heading: Rich; blocks: Block[] };
export type OutputDocument = {
  kind: string;
  language: 'en' | 'cy';
  title: string;
  schoolName: string;
  subtitle: string;
  sections: Section[];
  footer: string;
  /** The running header on every page: the school's name and the date the document was produced. */
  header?: { schoolName: string; date: string };
  /** "Page {n} of {m}" in the document's language: renderers put the page number and count in place ("{n} / {m}" without). */
  pageOf?: string;
};
/**
 * A bilingual edition: the Welsh document, then the English one, in one file (see render-pdf.ts
 * for why one after the other rather than side by side).
 */
export type Edition = OutputDocument | OutputDocument[];
export const editionsOf = (edition: Edition): OutputDocument[] => (Array.isArray(edition) ? edition : [edition]);

/** The whole text of a passage, its spans joined. */
export const plain = (r: Rich): string => (typeof r === 'string' ? r : r.map((s) => s.text).join(''));
/** A passage as spans, a plain one in `lang` (undefined: the document's language). */
export const spansOf = (r: Rich, lang?: string): Span[] => (typeof r === 'string' ? [{ text: r, lang }] : r);
/** True when a passage has no text. */
export const isEmpty = (r: Rich) => plain(r).trim() === '';

/** "Page {n} of {m}" split around its two numbers, so Word can put live page fields between the words. */
export function pageOfParts(pageOf = '{n} / {m}'): [string, string, string] {
  const [before = '', rest = ''] = pageOf.split('{n}');
  const [middle = '', after = ''] = rest.split('{m}');
  return [before, middle, after];
}

/** Every piece of text in a document, in reading order: what the PDF and Word tests look for. */
export function documentText(doc: OutputDocument): string[] {
  const out = [doc.title, doc.schoolName, doc.subtitle];
  for (const s of doc.sections) {
    out.push(plain(s.heading));
    for (const b of s.blocks) {
      if (b.type === 'paragraph') out.push(plain(b.text));
      else if (b.type === 'bullets') out.push(...(b.caption ? [b.caption] : []), ...b.items.map((i) => plain(i.text)));
      else if (b.type === 'table') out.push(b.caption, ...b.head, ...b.rows.flat().map(plain));
      else out.push(...b.rows.flat().map(plain));
    }
  }
  return out;
}
