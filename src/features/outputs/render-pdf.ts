// Follows the PDFKit docs (fonts, text, bufferPages for page footers).
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Block, OutputDocument } from './output-document.ts';

// DejaVu Sans has every Welsh letter (ŵ, ŷ, â...): the PDF standard fonts do not.
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
const BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');
const INK = '#0b0c0c';
const MUTED = '#505a5f';
const RULE = '#b1b4b6';

function block(doc: PDFKit.PDFDocument, b: Block, width: number) {
  const left = doc.page.margins.left;
  if (b.type === 'paragraph') {
    doc.font(REGULAR).fontSize(11).fillColor(INK).text(b.text, left, undefined, { width, lineGap: 2 });
  } else if (b.type === 'bullets') {
    doc
      .font(REGULAR)
      .fontSize(11)
      .fillColor(INK)
      .list(
        b.items.map((i) => i.text),
        left,
        undefined,
        { width, bulletRadius: 2, textIndent: 12, lineGap: 2 },
      );
  } else if (b.type === 'facts') {
    for (const [key, value] of b.rows) {
      doc.font(BOLD).fontSize(10).fillColor(MUTED).text(key, left, undefined, { width });
      doc
        .font(REGULAR)
        .fontSize(11)
        .fillColor(INK)
        .text(value || '–', left, undefined, { width, lineGap: 2 });
      doc.moveDown(0.3);
    }
  } else {
    doc.font(BOLD).fontSize(10).fillColor(MUTED).text(b.caption, left, undefined, { width });
    const colWidth = width / b.head.length;
    const row = (cells: string[], font: string) => {
      const top = doc.y + 4;
      const heights = cells.map((c) =>
        doc
          .font(font)
          .fontSize(10)
          .heightOfString(c || ' ', { width: colWidth - 6 }),
      );
      const height = Math.max(...heights) + 8;
      if (top + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y + 4;
      cells.forEach((c, i) =>
        doc
          .font(font)
          .fontSize(10)
          .fillColor(INK)
          .text(c, left + i * colWidth, y, { width: colWidth - 6 }),
      );
      doc
        .moveTo(left, y + height - 4)
        .lineTo(left + width, y + height - 4)
        .strokeColor(RULE)
        .lineWidth(0.5)
        .stroke();
      doc.x = left;
      doc.y = y + height - 2;
    };
    row(b.head, BOLD);
    for (const r of b.rows) row(r, REGULAR);
  }
  doc.moveDown(0.6);
}

/** A4 PDF of the document, with its language and title in the metadata and a footer on every page. */
export function renderPdf(output: OutputDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    lang: output.language === 'cy' ? 'cy-GB' : 'en-GB',
    displayTitle: true,
    info: { Title: `${output.title}: ${output.schoolName}`, Creator: 'Cydwella' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font(BOLD).fontSize(10).fillColor(MUTED).text(output.schoolName.toUpperCase(), { width, characterSpacing: 0.5 });
  doc.font(BOLD).fontSize(22).fillColor(INK).text(output.title, { width });
  doc.font(REGULAR).fontSize(12).fillColor(MUTED).text(output.subtitle, { width });
  doc
    .moveDown(0.5)
    .moveTo(doc.page.margins.left, doc.y)
    .lineTo(doc.page.margins.left + width, doc.y)
    .strokeColor(INK)
    .lineWidth(2)
    .stroke()
    .moveDown(0.8);
  for (const section of output.sections) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.font(BOLD).fontSize(14).fillColor(INK).text(section.heading, doc.page.margins.left, undefined, { width });
    doc.moveDown(0.3);
    for (const b of section.blocks) block(doc, b, width);
  }
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing below the bottom margin would start a new page: lift the margin for the footer.
    doc.page.margins.bottom = 0;
    const bottom = doc.page.height - 40;
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${output.footer}  ·  ${i + 1} / ${range.count}`, doc.page.margins.left, bottom, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
