// Follows the PDFKit docs (fonts, text, bufferPages for running headers and footers).
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { pageOfParts, type Block, type OutputDocument } from './output-document.ts';

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

type Layout = { doc: PDFKit.PDFDocument; width: number; left: number };
const bottomOf = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;
const room = (doc: PDFKit.PDFDocument) => bottomOf(doc) - doc.y;
/** Starts a new page unless this much is still free: what keeps a heading or a label with what follows it. */
const keep = (doc: PDFKit.PDFDocument, height: number) => {
  if (room(doc) < height) doc.addPage();
};
const height = (l: Layout, text: string, font: string, size: number, width = l.width) =>
  l.doc
    .font(font)
    .fontSize(size)
    .heightOfString(text || ' ', { width, lineGap: 2 });

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

function table(l: Layout, b: Extract<Block, { type: 'table' }>) {
  const { doc, left, width } = l;
  const widths = (b.widths ?? b.head.map(() => 1 / b.head.length)).map((w) => w * width);
  const rowHeight = (cells: string[], font: string) =>
    Math.max(...cells.map((c, i) => height(l, c, font, 9, widths[i]! - 6))) + 8;
  const row = (cells: string[], font: string) => {
    const y = doc.y + 2;
    let x = left;
    cells.forEach((c, i) => {
      doc
        .font(font)
        .fontSize(9)
        .fillColor(INK)
        .text(c, x, y, { width: widths[i]! - 6, lineGap: 2 });
      x += widths[i]!;
    });
    const h = rowHeight(cells, font);
    doc
      .moveTo(left, y + h - 4)
      .lineTo(left + width, y + h - 4)
      .strokeColor(RULE)
      .lineWidth(0.5)
      .stroke();
    doc.x = left;
    doc.y = y + h - 2;
  };
  // The caption, the header row and the first row go together; a row never splits; the header row repeats.
  keep(doc, height(l, b.caption, BOLD, 10) + rowHeight(b.head, BOLD) + rowHeight(b.rows[0] ?? [''], REGULAR) + 8);
  doc.font(BOLD).fontSize(10).fillColor(MUTED).text(b.caption, left, undefined, { width });
  row(b.head, BOLD);
  for (const r of b.rows) {
    if (room(doc) < rowHeight(r, REGULAR) + 4) {
      doc.addPage();
      row(b.head, BOLD);
    }
    row(r, REGULAR);
  }
}

function block(l: Layout, b: Block) {
  const { doc, left, width } = l;
  if (b.type === 'paragraph') {
    doc.font(REGULAR).fontSize(11).fillColor(INK).text(b.text, left, undefined, { width, lineGap: 2 });
  } else if (b.type === 'bullets') {
    if (b.caption) {
      keep(doc, leadHeight(l, b));
      doc.font(BOLD).fontSize(10).fillColor(MUTED).text(b.caption, left, undefined, { width });
    }
    for (const item of b.items) {
      keep(doc, Math.min(height(l, item.text, REGULAR, 11, width - 14), 60));
      const y = doc.y;
      doc.circle(left + 3, y + 6.5, 1.8).fill(INK);
      doc
        .font(REGULAR)
        .fontSize(11)
        .fillColor(INK)
        .text(item.text, left + 14, y, { width: width - 14, lineGap: 2 });
    }
  } else if (b.type === 'facts') {
    for (const [key, value] of b.rows) {
      keep(doc, height(l, key, BOLD, 10) + Math.min(height(l, value || '–', REGULAR, 11), 60));
      doc.font(BOLD).fontSize(10).fillColor(MUTED).text(key, left, undefined, { width });
      doc
        .font(REGULAR)
        .fontSize(11)
        .fillColor(INK)
        .text(value || '–', left, undefined, { width, lineGap: 2 });
      doc.moveDown(0.3);
    }
  } else table(l, b);
  doc.x = left;
  doc.moveDown(0.6);
}

/** Lays the document out; `breakBefore` lists sections to start on a fresh page. */
function layOut(output: OutputDocument, breakBefore: Set<number>) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: output.language === 'cy' ? 'cy-GB' : 'en-GB',
    displayTitle: true,
    info: { Title: `${output.title}: ${output.schoolName}`, Creator: 'Cydwella' },
  });
  const l: Layout = { doc, left: MARGIN.left, width: doc.page.width - MARGIN.left - MARGIN.right };
  const pageNow = () => doc.bufferedPageRange().count - 1;
  doc.font(BOLD).fontSize(10).fillColor(MUTED).text(output.schoolName.toUpperCase(), { width: l.width });
  doc.font(BOLD).fontSize(22).fillColor(INK).text(output.title, { width: l.width });
  doc.font(REGULAR).fontSize(12).fillColor(MUTED).text(output.subtitle, { width: l.width });
  doc
    .moveDown(0.5)
    .moveTo(l.left, doc.y)
    .lineTo(l.left + l.width, doc.y)
    .strokeColor(INK)
    .lineWidth(2)
    .stroke()
    .moveDown(0.8);
  const sectionPages: number[] = [];
  output.sections.forEach((section, i) => {
    if (breakBefore.has(i) && doc.y > MARGIN.top + 1) doc.addPage();
    keep(doc, height(l, section.heading, BOLD, 14) + leadHeight(l, section.blocks[0]) + 10);
    sectionPages.push(pageNow());
    doc.font(BOLD).fontSize(14).fillColor(INK).text(section.heading, l.left, undefined, { width: l.width });
    doc.moveDown(0.3);
    for (const b of section.blocks) block(l, b);
  });
  return { doc, sectionPages, lastPage: pageNow(), lastPageFill: doc.y - MARGIN.top };
}

/** The school's name and the date at the head of every page; the footer and "Page n of m" at its foot. */
function runningText(doc: PDFKit.PDFDocument, output: OutputDocument) {
  const range = doc.bufferedPageRange();
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const [before, middle, after] = pageOfParts(output.pageOf);
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing outside the margins would start a new page: lift them for the header and footer.
    doc.page.margins = { top: 0, bottom: 0, left: MARGIN.left, right: MARGIN.right };
    const head = output.header ? `${output.header.schoolName}  ·  ${output.header.date}` : output.schoolName;
    doc.font(REGULAR).fontSize(8).fillColor(MUTED).text(head, MARGIN.left, 36, { width, lineBreak: false });
    const foot = doc.page.height - 44;
    doc.text(output.footer, MARGIN.left, foot, { width: width - 90, lineBreak: false, ellipsis: true });
    doc.text(`${before}${i + 1}${middle}${range.count}${after}`, MARGIN.left + width - 90, foot, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
  }
}

/**
 * A4 PDF of the document, with its language and title in the metadata. No nearly empty last page:
 * when the last page would hold only a few lines, the last section that began on an earlier page
 * starts on a fresh one instead, so it ends the document whole.
 */
export function renderPdf(output: OutputDocument): Promise<Buffer> {
  let laid = layOut(output, new Set());
  if (laid.lastPage > 0 && laid.lastPageFill < MIN_LAST_PAGE) {
    const carried = laid.sectionPages.findLastIndex((page, i) => i > 0 && page < laid.lastPage);
    if (carried > 0) {
      const again = layOut(output, new Set([carried]));
      if (again.lastPageFill >= MIN_LAST_PAGE) laid = again;
    }
  }
  const { doc } = laid;
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  runningText(doc, output);
  doc.end();
  return done;
}
