// The routes' way to the renderers: each renderer, and the library it is built on (pdfkit, docx,
// SheetJS), is imported on the first download, not at start. Together they cost about 0.6 s and
// 75 MB at start, for files most runs of the server never make (issue 19; test/start-imports.unit.test.ts).
import type { TFunction } from 'i18next';
import type { Edition } from './output-document.ts';
import type { OutputData } from './output-data.ts';

export async function renderPdf(edition: Edition): Promise<Buffer> {
  return (await import('./render-pdf.ts')).renderPdf(edition);
}

export async function renderDocx(edition: Edition): Promise<Buffer> {
  return (await import('./render-docx.ts')).renderDocx(edition);
}

export async function renderPlanXlsx(d: OutputData, t: TFunction): Promise<Buffer> {
  return (await import('./render-xlsx.ts')).renderPlanXlsx(d, t);
}
