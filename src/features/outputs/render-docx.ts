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
import {
  editionsOf,
  isEmpty,
  pageOfParts,
  spansOf,
  type Block,
  type Edition,
  type OutputDocument,
  type Rich,
} from './output-document.ts';

const FONT = 'Arial';
const MUTED = '505A5F';
const langCode = (lang: string | undefined) => (lang === 'cy' ? 'cy-GB' : 'en-GB');
// Every run says its language (w:lang): text people wrote keeps its own; everything else is in the document's.
type Run = { text?: string; bold?: boolean; color?: string; size?: number; lang: string };
const run = ({ lang, ...r }: Run) => new TextRun({ font: FONT, size: 22, ...r, language: { value: langCode(lang) } });
type Look = Omit<Run, 'text' | 'lang'>;
/** A passage as runs, one per span in its language; a "written in Welsh" note in the muted colour. */
const runs = (text: Rich, lang: string, look: Look = {}) =>
  spansOf(text)
    .filter((s) => s.text)
    .map((s) => run({ ...look, ...(s.note ? { color: MUTED } : {}), text: s.text, lang: s.lang ?? lang }));
// A heading's runs take their size from the heading style.
const headingRuns = (text: Rich, lang: string) =>
  spansOf(text)
    .filter((s) => s.text)
    .map(
      (s) =>
        new TextRun({
          text: s.text,
          font: FONT,
          ...(s.note ? { color: MUTED } : {}),
          language: { value: langCode(s.lang ?? lang) },
        }),
    );

function paragraphs(b: Block, lang: string): (Paragraph | Table)[] {
  const label = (text: string) =>
    new Paragraph({ keepNext: true, children: [run({ text, bold: true, size: 20, color: MUTED, lang })] });
  if (b.type === 'paragraph')
    return [new Paragraph({ children: runs(b.text, b.lang ?? lang), spacing: { after: 160 } })];
  if (b.type === 'bullets')
    return [
      ...(b.caption ? [label(b.caption)] : []),
      ...b.items.map(
        (i, n) =>
          new Paragraph({
            children: runs(i.text, i.lang ?? lang),
            bullet: { level: 0 },
            spacing: n === b.items.length - 1 ? { after: 160 } : {},
          }),
      ),
    ];
  if (b.type === 'facts') {
    return b.rows.flatMap(([key, value]) => [
      label(key),
      new Paragraph({ children: runs(isEmpty(value) ? '–' : value, lang), spacing: { after: 120 } }),
    ]);
  }
  const widths = b.widths ?? b.head.map(() => 1 / b.head.length);
  const cell = (text: Rich, bold: boolean, i: number) =>
    new TableCell({
      width: { size: Math.round(widths[i]! * 100), type: WidthType.PERCENTAGE },
      children: [new Paragraph({ keepLines: true, children: runs(text, lang, { bold, size: 19 }) })],
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

/** One edition as a Word section: the school and date at the head of its pages, the footer and page count at their foot. */
function section(output: OutputDocument) {
  const lang = output.language;
  const small = (text: string) => run({ text, size: 16, color: MUTED, lang });
  const [before, middle, after] = pageOfParts(output.pageOf);
  const head = output.header ? `${output.header.schoolName}  ·  ${output.header.date}` : output.schoolName;
  return {
    headers: { default: new Header({ children: [new Paragraph({ children: [small(head)] })] }) },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({ children: [small(output.footer)] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              small(before),
              new TextRun({
                children: [PageNumber.CURRENT],
                size: 16,
                font: FONT,
                color: MUTED,
                language: { value: langCode(lang) },
              }),
              small(middle),
              new TextRun({
                children: [PageNumber.TOTAL_PAGES],
                size: 16,
                font: FONT,
                color: MUTED,
                language: { value: langCode(lang) },
              }),
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
      new Paragraph({ heading: HeadingLevel.TITLE, keepNext: true, children: headingRuns(output.title, lang) }),
      new Paragraph({
        children: [run({ text: output.subtitle, color: MUTED, size: 24, lang })],
        spacing: { after: 240 },
      }),
      ...output.sections.flatMap((s) => [
        new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: headingRuns(s.heading, lang) }),
        ...s.blocks.flatMap((b) => paragraphs(b, lang)),
      ]),
    ],
  };
}

/**
 * A Word document of the output, titled and in the document's language, with the school and date
 * on every page. A bilingual edition (Welsh first) is the Welsh document then the English one,
 * each a Word section starting on a new page with its own header and footer in its language.
 */
export function renderDocx(edition: Edition): Promise<Buffer> {
  const editions = editionsOf(edition);
  const first = editions[0]!;
  const document = new Document({
    title: editions.map((e) => `${e.title}: ${e.schoolName}`).join(' / '),
    creator: 'Cydwella',
    styles: { default: { document: { run: { font: FONT, language: { value: langCode(first.language) } } } } },
    // A Word section starts on a new page unless told otherwise.
    sections: editions.map(section),
  });
  return Packer.toBuffer(document);
}
