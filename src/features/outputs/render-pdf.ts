// Follows the PDFKit docs (fonts, text, bufferPages for running headers and footers).
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import {
  editionsOf,
  isEmpty,
  pageOfParts,
  plain,
  spansOf,
  type Block,
  type Edition,
  type OutputDocument,
  type Rich,
  type Span,
} from './output-document.ts';

// DejaVu Sans has every Welsh letter (ŵ, ŷ, â...): the PDF standard fonts do not.
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
const BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');
const INK = '#0b0c0c';
const MUTED = '#505a5f';
const RULE = '#b1b4b6';
const MARGIN = { top: 70, bottom: 70, left: 56, right: 56 };
// A last page holding less than this much content (in points, about eight lines) counts as nearly empty.
export const MIN_LAST_PAGE = 110;

/**
 * The PDF is tagged (PDF/UA structure): headings, paragraphs, lists and tables are structure
 * elements, each with its language (/Lang) where it differs from the document's, so a screen
 * reader speaks a Welsh passage in Welsh in the English document and a spelling checker knows it.
 * Rules, bullets' dots and the running header and footer are artifacts, not content.
 */
type Struct = PDFKit.PDFStructureElement;
type Layout = { doc: PDFKit.PDFDocument; width: number; left: number; lang: string };
const langCode = (lang: string | undefined) => (lang === 'cy' ? 'cy-GB' : 'en-GB');
const bottomOf = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;
const room = (doc: PDFKit.PDFDocument) => bottomOf(doc) - doc.y;
/** Starts a new page unless this much is still free: what keeps a heading or a label with what follows it. */
const keep = (doc: PDFKit.PDFDocument, height: number) => {
  if (room(doc) < height) doc.addPage();
};
const height = (l: Layout, text: Rich, font: string, size: number, width = l.width) =>
  l.doc
    .font(font)
    .fontSize(size)
    .heightOfString(plain(text) || ' ', { width, lineGap: 2 });

/** Drawing that is not content (a rule, a bullet's dot): marked as an artifact. */
function artifact(doc: PDFKit.PDFDocument, draw: () => void) {
  doc.markContent('Artifact');
  draw();
  doc.endMarkedContent();
}

/** A child structure element, attached to its parent first so the content written into it is marked at once. */
function child(l: Layout, parent: Struct, role: string, options: { lang?: string; scope?: 'Column' } = {}): Struct {
  const element = l.doc.struct(role, options);
  parent.add(element);
  return element;
}

type Style = { font: string; size: number; color: string; x?: number; y?: number; width: number };
/**
 * A passage as one structure element of `role`: each span written after the last and tagged with
 * its language where it is not the document's; notes ("written in Welsh") in the muted colour.
 */
function write(l: Layout, parent: Struct, role: string, text: Rich, style: Style, lang?: string) {
  const spans = spansOf(text, lang).filter((s) => s.text);
  const { doc } = l;
  const langOf = (s: Span) => (s.lang && s.lang !== l.lang ? langCode(s.lang) : undefined);
  const single = spans.length <= 1;
  const element = child(l, parent, role, single && spans[0] && langOf(spans[0]) ? { lang: langOf(spans[0]) } : {});
  const options = (last: boolean) => ({ width: style.width, lineGap: 2, continued: !last });
  const draw = (s: Span, i: number) => {
    doc
      .font(s.note ? REGULAR : style.font)
      .fontSize(style.size)
      .fillColor(s.note ? MUTED : style.color);
    if (i === 0 && style.x !== undefined) doc.text(s.text, style.x, style.y, options(i === spans.length - 1));
    else doc.text(s.text, options(i === spans.length - 1));
  };
  if (!spans.length) {
    element.add(() => doc.font(style.font).fontSize(style.size).text(' ', style.x, style.y, { width: style.width }));
  } else if (single) element.add(() => draw(spans[0]!, 0));
  else
    spans.forEach((s, i) => {
      const lang = langOf(s);
      child(l, element, 'Span', lang ? { lang } : {}).add(() => draw(s, i));
    });
  element.end();
}

/** How much of a block must sit under its heading for the heading not to be left alone at a page's foot. */
function leadHeight(l: Layout, b: Block | undefined): number {
  if (!b) return 0;
  if (b.type === 'paragraph') return Math.min(height(l, b.text, REGULAR, 11), 60);
  if (b.type === 'bullets')
    return height(l, b.caption ?? '', BOLD, 10) + height(l, b.items[0]?.text ?? '', REGULAR, 11);
  if (b.type === 'facts')
    return height(l, b.rows[0]?.[0] ?? '', BOLD, 10) + height(l, b.rows[0]?.[1] ?? '', REGULAR, 11);
  return height(l, b.caption, BOLD, 10) + 60;
}

function table(l: Layout, parent: Struct, b: Extract<Block, { type: 'table' }>) {
  const { doc, left, width } = l;
  const widths = (b.widths ?? b.head.map(() => 1 / b.head.length)).map((w) => w * width);
  const rowHeight = (cells: Rich[], font: string) =>
    Math.max(...cells.map((c, i) => height(l, c, font, 9, widths[i]! - 6))) + 8;
  const element = child(l, parent, 'Table');
  // A header row repeated on a later page is drawn as an artifact: it is the same header again.
  const row = (cells: Rich[], font: string, kind: 'head' | 'body' | 'repeat') => {
    const y = doc.y + 2;
    let x = left;
    const tr = kind === 'repeat' ? null : child(l, element, 'TR');
    cells.forEach((c, i) => {
      const style = { font, size: 9, color: INK, x, y, width: widths[i]! - 6 };
      if (tr) write(l, tr, kind === 'head' ? 'TH' : 'TD', c, style);
      else artifact(doc, () => doc.font(font).fontSize(9).fillColor(INK).text(plain(c), x, y, style));
      x += widths[i]!;
    });
    tr?.end();
    const h = rowHeight(cells, font);
    artifact(doc, () =>
      doc
        .moveTo(left, y + h - 4)
        .lineTo(left + width, y + h - 4)
        .strokeColor(RULE)
        .lineWidth(0.5)
        .stroke(),
    );
    doc.x = left;
    doc.y = y + h - 2;
  };
  // The caption, the header row and the first row go together; a row never splits; the header row repeats.
  keep(doc, height(l, b.caption, BOLD, 10) + rowHeight(b.head, BOLD) + rowHeight(b.rows[0] ?? [''], REGULAR) + 8);
  write(l, element, 'Caption', b.caption, { font: BOLD, size: 10, color: MUTED, x: left, width });
  row(b.head, BOLD, 'head');
  for (const r of b.rows) {
    if (room(doc) < rowHeight(r, REGULAR) + 4) {
      doc.addPage();
      row(b.head, BOLD, 'repeat');
    }
    row(r, REGULAR, 'body');
  }
  element.end();
}

function block(l: Layout, parent: Struct, b: Block) {
  const { doc, left, width } = l;
  const body = { font: REGULAR, size: 11, color: INK, width };
  const label = { font: BOLD, size: 10, color: MUTED, x: left, width };
  if (b.type === 'paragraph') {
    write(l, parent, 'P', b.text, { ...body, x: left }, b.lang);
  } else if (b.type === 'bullets') {
    if (b.caption) {
      keep(doc, leadHeight(l, b));
      write(l, parent, 'P', b.caption, label);
    }
    const list = child(l, parent, 'L');
    for (const item of b.items) {
      keep(doc, Math.min(height(l, item.text, REGULAR, 11, width - 14), 60));
      const y = doc.y;
      artifact(doc, () => doc.circle(left + 3, y + 6.5, 1.8).fill(INK));
      const li = child(l, list, 'LI');
      write(l, li, 'LBody', item.text, { ...body, x: left + 14, y, width: width - 14 }, item.lang);
      li.end();
    }
    list.end();
  } else if (b.type === 'facts') {
    for (const [key, value] of b.rows) {
      keep(doc, height(l, key, BOLD, 10) + Math.min(height(l, value || '–', REGULAR, 11), 60));
      write(l, parent, 'P', key, label);
      write(l, parent, 'P', isEmpty(value) ? '–' : value, { ...body, x: left });
      doc.moveDown(0.3);
    }
  } else table(l, parent, b);
  doc.x = left;
  doc.moveDown(0.6);
}

type Laid = { sectionPages: number[]; lastPage: number; lastPageFill: number; firstPage: number };

/** One edition from a fresh page: its title, then its sections; `breakBefore` lists sections to start on a fresh page. */
function layOutEdition(doc: PDFKit.PDFDocument, root: Struct, output: OutputDocument, breakBefore: Set<number>): Laid {
  const l: Layout = {
    doc,
    left: MARGIN.left,
    width: doc.page.width - MARGIN.left - MARGIN.right,
    lang: output.language,
  };
  const pageNow = () => doc.bufferedPageRange().count - 1;
  const firstPage = pageNow();
  // Each edition is a part in its own language; its passages in the other language say so.
  const part = child(l, root, 'Part', { lang: langCode(output.language) });
  const top = { x: l.left, width: l.width };
  write(l, part, 'P', output.schoolName.toUpperCase(), { font: BOLD, size: 10, color: MUTED, ...top });
  write(l, part, 'H1', output.title, { font: BOLD, size: 22, color: INK, ...top });
  write(l, part, 'P', output.subtitle, { font: REGULAR, size: 12, color: MUTED, ...top });
  doc.moveDown(0.5);
  artifact(doc, () =>
    doc
      .moveTo(l.left, doc.y)
      .lineTo(l.left + l.width, doc.y)
      .strokeColor(INK)
      .lineWidth(2)
      .stroke(),
  );
  doc.moveDown(0.8);
  const sectionPages: number[] = [];
  output.sections.forEach((section, i) => {
    if (breakBefore.has(i) && doc.y > MARGIN.top + 1) doc.addPage();
    keep(doc, height(l, section.heading, BOLD, 14) + leadHeight(l, section.blocks[0]) + 10);
    sectionPages.push(pageNow());
    const sect = child(l, part, 'Sect');
    write(l, sect, 'H2', section.heading, { font: BOLD, size: 14, color: INK, x: l.left, width: l.width });
    doc.moveDown(0.3);
    for (const b of section.blocks) block(l, sect, b);
    sect.end();
  });
  part.end();
  return { sectionPages, lastPage: pageNow(), lastPageFill: doc.y - MARGIN.top, firstPage };
}

/** Lays the editions out one after the other, each from a fresh page; `breaks[e]` for edition e. */
function layOut(editions: OutputDocument[], breaks: Set<number>[]) {
  const first = editions[0]!;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    pdfVersion: '1.7',
    lang: langCode(first.language),
    displayTitle: true,
    info: { Title: editions.map((e) => `${e.title}: ${e.schoolName}`).join(' / '), Creator: 'Cydwella' },
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const laid = editions.map((e, i) => {
    if (i > 0) doc.addPage();
    return layOutEdition(doc, root, e, breaks[i] ?? new Set());
  });
  root.end();
  return { doc, laid };
}

/** The edition a page belongs to: the last one that started on or before it. */
const editionOfPage = (laid: Laid[], page: number) => laid.findLastIndex((e) => e.firstPage <= page);

/** The school's name and the date at the head of every page; the footer and "Page n of m" at its foot. */
function runningText(doc: PDFKit.PDFDocument, editions: OutputDocument[], laid: Laid[]) {
  const range = doc.bufferedPageRange();
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Each page's running text is in the language of the edition it belongs to.
    const output = editions[editionOfPage(laid, i)]!;
    const [before, middle, after] = pageOfParts(output.pageOf);
    // Writing outside the margins would start a new page: lift them for the header and footer.
    doc.page.margins = { top: 0, bottom: 0, left: MARGIN.left, right: MARGIN.right };
    const head = output.header ? `${output.header.schoolName}  ·  ${output.header.date}` : output.schoolName;
    const foot = doc.page.height - 44;
    artifact(doc, () => {
      doc.font(REGULAR).fontSize(8).fillColor(MUTED).text(head, MARGIN.left, 36, { width, lineBreak: false });
      doc.text(output.footer, MARGIN.left, foot, { width: width - 90, lineBreak: false, ellipsis: true });
      doc.text(`${before}${i + 1}${middle}${range.count}${after}`, MARGIN.left + width - 90, foot, {
        width: 90,
        align: 'right',
        lineBreak: false,
      });
    });
  }
}

/**
 * A4 PDF of the document, with its language and title in the metadata. No nearly empty last page:
 * when an edition's last page would hold only a few lines, the last section that began on an
 * earlier page starts on a fresh one instead, so it ends the edition whole.
 *
 * A bilingual edition (an array: Welsh first) puts the whole Welsh document first and the whole
 * English one after it, from a fresh page, rather than the two side by side: the plan's tables
 * have up to six columns, which at half an A4 page's width would break most words, and each
 * reader then reads one continuous document in their language, as Welsh public bodies' bilingual
 * reports commonly do ("Welsh first, English follows").
 */
export function renderPdf(edition: Edition): Promise<Buffer> {
  const editions = editionsOf(edition);
  const noBreaks = editions.map(() => new Set<number>());
  let { doc, laid } = layOut(editions, noBreaks);
  const short = (e: Laid) => e.lastPage > e.firstPage && e.lastPageFill < MIN_LAST_PAGE;
  const breaks = laid.map((e) => {
    const carried = e.sectionPages.findLastIndex((page, i) => i > 0 && page < e.lastPage);
    return short(e) && carried > 0 ? new Set([carried]) : new Set<number>();
  });
  if (breaks.some((b) => b.size)) {
    const again = layOut(editions, breaks);
    if (again.laid.filter(short).length < laid.filter(short).length) ({ doc, laid } = again);
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  // A stream error (a font that cannot be read, say) fails the download: without a listener it
  // would be thrown from the emitter and end the whole server.
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  runningText(doc, editions, laid);
  doc.end();
  return done;
}
