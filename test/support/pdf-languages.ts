// Reads a tagged PDF's structure back with pdf.js (which pdf-parse is built on): each passage's
// text with the language it is tagged with, so tests can check what a screen reader is told.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type TaggedPassage = { role: string; text: string; lang: string };
type Node = { role?: string; type?: string; id?: string; lang?: string; children?: Node[] };
type Marked = { type?: string; id?: string | null; str?: string; hasEOL?: boolean };

/** The document's language (the catalog's /Lang) and every tagged passage, in reading order. */
export async function pdfLanguages(buffer: Buffer): Promise<{ lang: string; passages: TaggedPassage[] }> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), verbosity: 0 }).promise;
  const info = (await pdf.getMetadata()).info as { Language?: string };
  const lang = info.Language ?? '';
  const passages: TaggedPassage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const texts = new Map<string, string>();
    const open: (string | null)[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items as Marked[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? null);
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string') {
        const id = open.findLast((x) => x);
        // A line that wraps ends with an end-of-line: it reads as a space.
        if (id) texts.set(id, `${texts.get(id) ?? ''}${item.str}${item.hasEOL ? ' ' : ''}`);
      }
    }
    const walk = (node: Node, inherited: string) => {
      const here = node.lang ?? inherited;
      const own = (node.children ?? []).filter((c) => c.type === 'content').map((c) => texts.get(c.id!) ?? '');
      const text = own.join('').replace(/\s+/g, ' ').trim();
      if (text) passages.push({ role: node.role ?? '', text, lang: here });
      for (const c of node.children ?? []) if (c.type !== 'content') walk(c, here);
    };
    const tree = (await page.getStructTree()) as Node | null;
    if (tree) walk(tree, lang);
  }
  await pdf.destroy();
  return { lang, passages };
}
