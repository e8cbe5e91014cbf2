/**
 * A document as data: built once from what the school recorded, then rendered as a page,
 * a PDF or a Word document, so the three always say the same thing.
 */
export type Text = { text: string; lang?: string | undefined };
export type Block =
  | { type: 'paragraph'; text: string; lang?: string | undefined }
  | { type: 'bullets'; caption?: string; items: Text[] }
  // widths: each column's share of the page width (they add up to 1); equal columns without it.
  | { type: 'table'; caption: string; head: string[]; rows: string[][]; widths?: number[] }
  | { type: 'facts'; rows: [string, string][] };
export type Section = { heading: string; blocks: Block[] };
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
    out.push(s.heading);
    for (const b of s.blocks) {
      if (b.type === 'paragraph') out.push(b.text);
      else if (b.type === 'bullets') out.push(...(b.caption ? [b.caption] : []), ...b.items.map((i) => i.text));
      else if (b.type === 'table') out.push(b.caption, ...b.head, ...b.rows.flat());
      else out.push(...b.rows.flat());
    }
  }
  return out;
}
