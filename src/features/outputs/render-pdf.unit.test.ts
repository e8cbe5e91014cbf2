import { PDFParse } from 'pdf-parse';
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import type { OutputDocument, Section } from './output-document.ts';
import { renderPdf } from './render-pdf.ts';

const filler = (i: number) => `Line ${i}: what was done, by whom and when.`;

const documentWith = (paragraphs: number, sections: Section[] = []): OutputDocument => ({
  kind: 'sdp_summary',
  language: 'en',
  title: 'School development plan: summary',
  schoolName: 'Ysgol y Wern',
  subtitle: 'Academic year 2026–27',
  sections: [
    {
      heading: 'About our plan',
      blocks: Array.from({ length: paragraphs }, (_, i) => ({ type: 'paragraph', text: filler(i) })),
    },
    ...sections,
    {
      heading: 'Governing body approval',
      blocks: [
        { type: 'paragraph', text: 'The governing body approved this plan on 15 October 2026.' },
        {
          type: 'facts',
          rows: [
            ['Revision', 'Revision 2'],
            ['Total cost of the plan', '£1,890.50'],
          ],
        },
      ],
    },
  ],
  footer: 'Produced with Cydwella on 7 December 2026 from what the school has recorded.',
  header: { schoolName: 'Ysgol y Wern', date: '7 December 2026' },
  pageOf: 'Page {n} of {m}',
});

async function pages(doc: OutputDocument) {
  const result = await new PDFParse({ data: await renderPdf(doc) }).getText();
  return result.pages.map((p) => p.text.split('\n').filter((l) => l.trim()));
}

describe('PDF layout', () => {
  it('fails the download, not the server, when the document cannot be written', async () => {
    const end = vi.spyOn(PDFDocument.prototype, 'end').mockImplementation(function (this: PDFKit.PDFDocument) {
      this.emit('error', new Error('the disk is full'));
      return this;
    });
    try {
      await expect(renderPdf(documentWith(3))).rejects.toThrow('the disk is full');
    } finally {
      end.mockRestore();
    }
  });

  it('never ends on a nearly empty page, however much comes before the last section', async () => {
    // One-line paragraphs: about 24 fill the first page, so these carry the last section over its foot.
    for (let n = 16; n <= 28; n++) {
      const all = await pages(documentWith(n));
      const last = all.at(-1)!;
      // Besides the running header and footer, the last page holds the whole last section at least.
      expect(last.length - 2, `${n} paragraphs`).toBeGreaterThan(5);
      expect(last.join(' ')).toContain('Governing body approval');
    }
  }, 30_000);

  it('puts the school, the date and "Page n of m" on every page and keeps a heading with what follows it', async () => {
    const all = await pages(
      documentWith(18, [
        {
          heading: 'Priority 1: Reading',
          blocks: [
            {
              type: 'table',
              caption: 'Actions',
              head: ['Action', 'Who leads it', 'Due'],
              rows: Array.from({ length: 40 }, (_, i) => [`Action ${i}`, 'Literacy lead', '1 Mar 2027']),
            },
          ],
        },
      ]),
    );
    expect(all.length).toBeGreaterThan(2);
    all.forEach((lines, i) => {
      expect(lines.join(' ')).toContain('Ysgol y Wern · 7 December 2026');
      expect(lines.join(' ')).toContain(`Page ${i + 1} of ${all.length}`);
      // No page ends with a heading or a table caption whose content went to the next page.
      const body = lines.filter((l) => !l.startsWith('Produced with') && !l.includes('Ysgol y Wern ·'));
      expect(['Priority 1: Reading', 'Actions', 'Governing body approval']).not.toContain(body.at(-1));
    });
    // The table's header row repeats on each page it runs onto.
    const tablePages = all.filter((lines) => lines.some((l) => /^Action \d+/.test(l)));
    for (const lines of tablePages) expect(lines.some((l) => l.startsWith('Action Who leads it Due'))).toBe(true);
  });
});
