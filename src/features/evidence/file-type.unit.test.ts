import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../../../test/support/sample-files.ts';
import { checkFileType, zipEntryNames } from './file-type.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the type of an attachment, from its bytes', () => {
  it.each([
    ['report.pdf', 'pdf', 'application/pdf'],
    ['photo.PNG', 'png', 'image/png'],
    ['photo.jpeg', 'jpg', 'image/jpeg'],
    ['photo.jpg', 'jpg', 'image/jpeg'],
    ['notes.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['data.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['slides.pptx', 'pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['notes.odt', 'odt', 'application/vnd.oasis.opendocument.text'],
    ['data.ods', 'ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['notes.txt', 'txt', 'text/plain; charset=utf-8'],
    ['figures.csv', 'csv', 'text/csv; charset=utf-8'],
  ] as const)('accepts %s', (name, sample, contentType) => {
    expect(checkFileType(SAMPLE_FILES[sample], name)).toEqual({
      ok: true,
      kind: sample === 'jpg' ? 'jpg' : sample,
      contentType,
    });
  });

  it('refuses a program renamed as a PDF, and an archive that is no office document', () => {
    expect(checkFileType(SAMPLE_FILES.exe, 'report.pdf')).toEqual({ ok: false, problem: 'type' });
    expect(checkFileType(SAMPLE_FILES.exe, 'setup.exe')).toEqual({ ok: false, problem: 'type' });
    expect(checkFileType(SAMPLE_FILES.zip, 'notes.docx')).toEqual({ ok: false, problem: 'type' });
  });

  it('refuses a file whose name says something else than its content', () => {
    expect(checkFileType(SAMPLE_FILES.png, 'report.pdf')).toEqual({ ok: false, problem: 'mismatch' });
    expect(checkFileType(SAMPLE_FILES.docx, 'data.xlsx')).toEqual({ ok: false, problem: 'mismatch' });
    expect(checkFileType(SAMPLE_FILES.ods, 'data.odt')).toEqual({ ok: false, problem: 'mismatch' });
  });

  it('takes text only when it is named as text and holds no control bytes', () => {
    expect(checkFileType(SAMPLE_FILES.txt, 'notes.html')).toEqual({ ok: false, problem: 'type' });
    expect(checkFileType(Buffer.from('a\u0000b'), 'notes.txt')).toEqual({ ok: false, problem: 'type' });
    expect(checkFileType(Buffer.from('Caf\xe9 in Windows-1252', 'latin1'), 'notes.txt').ok).toBe(true);
  });

  it('knows real spreadsheets: the WG school list (ODS) and one written by SheetJS (XLSX, compressed)', () => {
    const ods = fs.readFileSync(path.join(root, 'data/address-list-of-schools-wales-2018-04.ods'));
    expect(checkFileType(ods, 'schools.ods')).toMatchObject({ ok: true, kind: 'ods' });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['group', 'attendance'],
        ['all', 94.1],
      ]),
      'Sheet1',
    );
    const xlsx = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    expect(checkFileType(xlsx, 'attendance.xlsx')).toMatchObject({ ok: true, kind: 'xlsx' });
    const written = XLSX.write(book, { type: 'buffer', bookType: 'ods' }) as Buffer;
    expect(checkFileType(written, 'attendance.ods')).toMatchObject({ ok: true, kind: 'ods' });
  });

  it('reads the entry names of a ZIP archive', () => {
    expect(zipEntryNames(SAMPLE_FILES.docx)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(zipEntryNames(Buffer.from('not a zip at all, really not'))).toBeNull();
  });
});
