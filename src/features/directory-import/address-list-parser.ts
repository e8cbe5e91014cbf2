import * as XLSX from '@e965/xlsx';
import {
  GOVERNANCE,
  HEADERS,
  MAINTAINED_SHEET,
  PRU_SHEET,
  RELIGIOUS_CHARACTERS,
  REQUIRED_COLUMNS,
  SCHOOL_TYPES,
  SECTORS,
  type ColumnKey,
} from './address-list-columns.ts';
import { WM_CODES } from '../../directory/school-codes.ts';

export type ListedSchool = {
  number: string;
  name: string;
  laCode: string;
  sector: string;
  governance: string | null;
  wmCode: string | null;
  schoolType: string | null;
  religiousCharacter: string | null;
  address1: string | null;
  address2: string | null;
  address3: string | null;
  address4: string | null;
  postcode: string | null;
  phone: string | null;
  pupils: number | null;
};

/** A problem that stops the import, located as a person would find it in the spreadsheet. */
export type ImportProblem = {
  code:
    | 'format'
    | 'unreadable'
    | 'missingSheet'
    | 'missingColumn'
    | 'badNumber'
    | 'numberLaMismatch'
    | 'unknownLa'
    | 'duplicateNumber'
    | 'missingName'
    | 'unknownValue'
    | 'badPupils'
    | 'noSchools';
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
};

/** Which schools a file speaks for: a CSV holds one sheet, so it cannot close schools of the other. */
export type Coverage = 'all' | 'maintained' | 'pru';
export type ParsedList = {
  schools: ListedSchool[];
  editionDate: string | null;
  problems: ImportProblem[];
  covers: Coverage;
};

type Kind = 'maintained' | 'pru';
const MAX_PROBLEMS = 200;

function normaliseHeader(value: unknown): string {
  return String(value ?? '')
    .toLowerCase()
    .replace(/-\s*see notes/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function cell(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** The header row is the first of the top rows that names "School Number". */
function findHeader(rows: unknown[][]): number {
  return rows.slice(0, 10).findIndex((r) => r.some((c) => normaliseHeader(c) === 'school number'));
}

type Located = { school: ListedSchool; sheet: string; row: number; column: string };

function readSheet(
  kind: Kind,
  sheetName: string,
  rows: unknown[][],
  laCodes: Set<string>,
  problems: ImportProblem[],
): Located[] {
  const headerIndex = findHeader(rows);
  if (headerIndex < 0) {
    problems.push({ code: 'missingColumn', sheet: sheetName, row: 1, column: 'School Number' });
    return [];
  }
  const header = rows[headerIndex]!;
  const columns = new Map<ColumnKey, { index: number; title: string }>();
  header.forEach((title, index) => {
    const key = HEADERS[normaliseHeader(title)];
    if (key && !columns.has(key)) columns.set(key, { index, title: String(title) });
  });
  const titleOf = (key: ColumnKey) => columns.get(key)?.title ?? key;
  const missing = REQUIRED_COLUMNS[kind].filter((key) => !columns.has(key));
  for (const key of missing)
    problems.push({
      code: 'missingColumn',
      sheet: sheetName,
      row: headerIndex + 1,
      column: Object.entries(HEADERS).find(([, k]) => k === key)![0],
    });
  if (missing.length) return [];

  const schools: Located[] = [];
  const get = (row: unknown[], key: ColumnKey) => (columns.has(key) ? cell(row[columns.get(key)!.index]) : null);
  rows.slice(headerIndex + 1).forEach((row, offset) => {
    if (problems.length >= MAX_PROBLEMS || row.every((c) => cell(c) === null)) return;
    const at = (key: ColumnKey, code: ImportProblem['code'], value: string | null) =>
      problems.push({
        code,
        sheet: sheetName,
        row: headerIndex + offset + 2,
        column: titleOf(key),
        value: value ?? '',
      });
    const number = get(row, 'number');
    const laCode = get(row, 'laCode');
    if (!number || !/^\d{7}$/.test(number)) return void at('number', 'badNumber', number);
    if (!laCode || !laCodes.has(laCode)) return void at('laCode', 'unknownLa', laCode);
    if (!number.startsWith(laCode)) return void at('number', 'numberLaMismatch', number);
    const name = get(row, 'name');
    if (!name) return void at('name', 'missingName', name);
    const coded = (key: ColumnKey, table: Record<string, string>): string | null | undefined => {
      const raw = get(row, key);
      const code = table[(raw ?? '').toLowerCase()];
      if (code === undefined) at(key, 'unknownValue', raw);
      return code;
    };
    let school: ListedSchool = {
      number,
      name,
      laCode,
      sector: 'pru',
      governance: null,
      wmCode: null,
      schoolType: null,
      religiousCharacter: null,
      address1: get(row, 'address1'),
      address2: get(row, 'address2'),
      address3: get(row, 'address3'),
      address4: get(row, 'address4'),
      postcode: get(row, 'postcode'),
      phone: get(row, 'phone'),
      pupils: null,
    };
    if (kind === 'maintained') {
      const before = problems.length;
      const wm = (get(row, 'wmCode') ?? '').toUpperCase();
      if (!(WM_CODES as readonly string[]).includes(wm)) at('wmCode', 'unknownValue', get(row, 'wmCode'));
      const pupilsRaw = get(row, 'pupils');
      const pupils = pupilsRaw === null ? null : Number(pupilsRaw);
      if (pupils !== null && (!Number.isInteger(pupils) || pupils < 0)) at('pupils', 'badPupils', pupilsRaw);
      school = {
        ...school,
        sector: coded('sector', SECTORS) ?? '',
        governance: coded('governance', GOVERNANCE) ?? null,
        wmCode: wm,
        schoolType: coded('schoolType', SCHOOL_TYPES) ?? null,
        religiousCharacter: coded('religiousCharacter', RELIGIOUS_CHARACTERS) ?? null,
        pupils,
      };
      if (problems.length > before) return;
    }
    schools.push({ school, sheet: sheetName, row: headerIndex + offset + 2, column: titleOf('number') });
  });
  return schools;
}

/** "@ 09/04/2018" on the index sheet gives the edition's date. */
function editionDateOf(workbook: XLSX.WorkBook): string | null {
  const index = workbook.Sheets['Mynegai-Index'];
  if (!index) return null;
  for (const row of XLSX.utils.sheet_to_json<unknown[]>(index, { header: 1, defval: null })) {
    for (const value of row) {
      const match = /(\d{2})\/(\d{2})\/(\d{4})/.exec(String(value ?? ''));
      if (match) return `${match[3]}-${match[2]}-${match[1]}`;
    }
  }
  return null;
}

function sheetRows(sheet: XLSX.WorkSheet): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null, raw: true });
}

/**
 * Reads an edition of the Address list: ODS as published, or XLSX with the same sheets, or a
 * CSV of one sheet (Maintained if it has a Sector column, otherwise PRU). Never throws: every
 * problem comes back located by sheet, row and column.
 */
export function parseAddressList(fileName: string, content: Buffer, laCodes: Set<string>): ParsedList {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const problems: ImportProblem[] = [];
  if (!['ods', 'xlsx', 'csv'].includes(extension))
    return { schools: [], editionDate: null, problems: [{ code: 'format', value: extension }], covers: 'all' };
  let workbook: XLSX.WorkBook;
  try {
    workbook =
      extension === 'csv'
        ? XLSX.read(content.toString('utf8'), { type: 'string', raw: true })
        : XLSX.read(content, { type: 'buffer' });
  } catch {
    return { schools: [], editionDate: null, problems: [{ code: 'unreadable' }], covers: 'all' };
  }
  const sheets: [Kind, string, XLSX.WorkSheet | undefined][] = [];
  if (extension === 'csv') {
    const only = workbook.Sheets[workbook.SheetNames[0] ?? ''];
    const rows = only ? sheetRows(only) : [];
    const hasSector = (rows[findHeader(rows)] ?? []).some((c) => normaliseHeader(c) === 'sector');
    sheets.push([hasSector ? 'maintained' : 'pru', fileName, only]);
  } else {
    sheets.push(
      ['maintained', MAINTAINED_SHEET, workbook.Sheets[MAINTAINED_SHEET]],
      ['pru', PRU_SHEET, workbook.Sheets[PRU_SHEET]],
    );
  }
  const located: Located[] = [];
  for (const [kind, name, sheet] of sheets) {
    if (!sheet) problems.push({ code: 'missingSheet', sheet: name });
    else located.push(...readSheet(kind, name, sheetRows(sheet), laCodes, problems));
  }
  const seen = new Set<string>();
  for (const { school, sheet, row, column } of located) {
    if (seen.has(school.number)) problems.push({ code: 'duplicateNumber', sheet, row, column, value: school.number });
    seen.add(school.number);
  }
  const schools = located.map((l) => l.school);
  if (problems.length === 0 && schools.length === 0) problems.push({ code: 'noSchools' });
  const covers: Coverage = extension === 'csv' ? sheets[0]![0] : 'all';
  return { schools, editionDate: editionDateOf(workbook), problems, covers };
}
