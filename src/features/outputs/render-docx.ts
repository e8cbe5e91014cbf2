// Follows the docx library docs (Document, headers and footers with page fields, headings, bullets, Table).
import {
  AlignmentType,
  Document,
  Footer,
  Header,
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
import { pageOfParts, type Block, type OutputDocument } from './output-document.ts';

const FONT = 'Arial';
const MUTED = '505A5F';
const langCode = (lang: string | undefined) => (lang === 'cy' ? 'cy-GB' : 'en-GB');
// Text the school wrote keeps its own language; everything else is in the document's.
type Run = { text?: string; bold?: boolean; color?: string; size?: number; lang: string };
const run = ({ lang, ...r }: Run) => new TextRun({ font: FONT, size: 22, ...r, language: { value: langCode(lang) } });
// A heading's run takes its size from the heading style.
const headingRun = (text: string, lang: string) =>
  new TextRun({ text, font: FONT, language: { value: langCode(lang) } });

function paragraphs(b: Block, lang: string): (Paragraph | Table)[] {
  const label = (text: string) =>
    new Paragraph({ keepNext: true, children: [run({ text, bold: true, size: 20, color: MUTED, lang })] });
  if (b.type === 'paragraph')
    return [new Paragraph({ children: [run({ text: b.text, lang: b.lang ?? lang })], spacing: { after: 160 } })];
  if (b.type === 'bullets')
    return [
      ...(b.caption ? [label(b.caption)] : []),
      ...b.items.map(
        (i, n) =>
          new Paragraph({
            children: [run({ text: i.text, lang: i.lang ?? lang })],
            bullet: { level: 0 },
            spacing: n === b.items.length - 1 ? { after: 160 } : {},
          }),
      ),
    ];
  if (b.type === 'facts') {
    return b.rows.flatMap(([key, value]) => [
      label(key),
      new Paragraph({ children: [run({ text: value || '–', lang })], spacing: { after: 120 } }),
    ]);
  }
  const widths = b.widths ?? b.head.map(() => 1 / b.head.length);
  const cell = (text: string, bold: boolean, i: number) =>
    new TableCell({
      width: { size: Math.round(widths[i]! * 100), type: WidthType.PERCENTAGE },
      children: [new Paragraph({ keepLines: true, children: [run({ text, bold, size: 19, lang })] })],
    });
  return [
    label(b.caption),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: b.head.map((h, i) => cell(h, true, i)) }),
        ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, i)) })),
      ],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

/** A Word document of the output, titled and in the document's language, with the school and date on every page. */
export function renderDocx(output: OutputDocument): Promise<Buffer> {
  const lang = output.language;
  const small = (text: string) => run({ text, size: 16, color: MUTED, lang });
  const [before, middle, after] = pageOfParts(output.pageOf);
  const head = output.header ? `${output.header.schoolName}  ·  ${output.header.date}` : output.schoolName;
  const document = new Document({
    title: `${output.title}: ${output.schoolName}`,
    creator: 'Cydwella',
    styles: { default: { document: { run: { font: FONT, language: { value: langCode(lang) } } } } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [small(head)] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ children: [small(output.footer)] }),
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  small(before),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, font: FONT, color: MUTED }),
                  small(middle),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, font: FONT, color: MUTED }),
                  small(after),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            keepNext: true,
            children: [run({ text: output.schoolName.toUpperCase(), bold: true, color: MUTED, size: 20, lang })],
          }),
          new Paragraph({ heading: HeadingLevel.TITLE, keepNext: true, children: [headingRun(output.title, lang)] }),
          new Paragraph({
            children: [run({ text: output.subtitle, color: MUTED, size: 24, lang })],
            spacing: { after: 240 },
          }),
          ...output.sections.flatMap((s) => [
            new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [headingRun(s.heading, lang)] }),
            ...s.blocks.flatMap((b) => paragraphs(b, lang)),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
