// Follows the docx library docs (Document, Paragraph with headings and bullets, Table).
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, OutputDocument } from './output-document.ts';

const FONT = 'Arial';

function paragraphs(b: Block): (Paragraph | Table)[] {
  if (b.type === 'paragraph')
    return [
      new Paragraph({ children: [new TextRun({ text: b.text, font: FONT, size: 22 })], spacing: { after: 160 } }),
    ];
  if (b.type === 'bullets')
    return b.items.map(
      (i) => new Paragraph({ children: [new TextRun({ text: i.text, font: FONT, size: 22 })], bullet: { level: 0 } }),
    );
  if (b.type === 'facts') {
    return b.rows.flatMap(([key, value]) => [
      new Paragraph({ children: [new TextRun({ text: key, bold: true, font: FONT, size: 20, color: '505A5F' })] }),
      new Paragraph({ children: [new TextRun({ text: value || '–', font: FONT, size: 22 })], spacing: { after: 120 } }),
    ]);
  }
  const cell = (text: string, bold: boolean) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: FONT, size: 20 })] })] });
  return [
    new Paragraph({ children: [new TextRun({ text: b.caption, bold: true, font: FONT, size: 20, color: '505A5F' })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: b.head.map((h) => cell(h, true)) }),
        ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

/** A Word document of the output, titled and in the document's language. */
export function renderDocx(output: OutputDocument): Promise<Buffer> {
  const document = new Document({
    title: `${output.title}: ${output.schoolName}`,
    creator: 'Cydwella',
    styles: {
      default: { document: { run: { font: FONT, language: { value: output.language === 'cy' ? 'cy-GB' : 'en-GB' } } } },
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${output.footer}  ·  `, size: 16, font: FONT }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, font: FONT }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            children: [
              new TextRun({ text: output.schoolName.toUpperCase(), bold: true, color: '505A5F', font: FONT, size: 20 }),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: output.title, font: FONT })] }),
          new Paragraph({
            children: [new TextRun({ text: output.subtitle, color: '505A5F', font: FONT, size: 24 })],
            spacing: { after: 240 },
          }),
          ...output.sections.flatMap((s) => [
            new Paragraph({
              heading: HeadingLevel.HEADING_1,
              children: [new TextRun({ text: s.heading, font: FONT })],
            }),
            ...s.blocks.flatMap(paragraphs),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
