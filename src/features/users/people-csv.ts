// Reading a people CSV upload (email, name, role, ends_on and, on an LA's page, school): pure, so
// its refusals are unit-tested. It decodes strictly as UTF-8 (a spreadsheet saved as Windows-1252
// would otherwise turn "Siân" into "Si�n" silently), stops at MAX_ROWS before parsing the rest,
// and leaves what each cell means to the people service.

/** The most rows one upload may hold: enough for a large school's staff; more is refused, not truncated. */
export const MAX_ROWS = 1000;
/** The largest file accepted (the multipart limit): 1,000 rows of long names and addresses fit well within it. */
export const MAX_BYTES = 512 * 1024;

export const COLUMNS = ['email', 'name', 'role', 'ends_on', 'school'] as const;
export type Column = (typeof COLUMNS)[number];
export type CsvRow = { line: number } & Record<Column, string>;
export type CsvProblem = 'encoding' | 'empty' | 'tooManyRows' | 'columns';
export type CsvRead = { ok: true; rows: CsvRow[] } | { ok: false; problem: CsvProblem };

/** One CSV record per line of text, with RFC 4180 quoting (a quoted cell may hold commas, quotes and line breaks). */
function parseRecords(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: startLine, cells });
      cells = [];
      cell = '';
      line++;
      startLine = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: startLine, cells });
  }
  return records.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

export function readPeopleCsv(content: Buffer): CsvRead {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return { ok: false, problem: 'encoding' };
  }
  // Counting line breaks first keeps a 10,000-row file from being parsed at all.
  let breaks = 0;
  for (let i = 0; i < text.length && breaks <= MAX_ROWS + 1; i++) if (text[i] === '\n') breaks++;
  const records = breaks > MAX_ROWS + 1 ? null : parseRecords(text);
  if (records === null || records.length > MAX_ROWS + 1) return { ok: false, problem: 'tooManyRows' };
  if (records.length < 2) return { ok: false, problem: 'empty' };
  const header = records[0]!.cells.map((h) => h.trim().toLowerCase());
  if (!['email', 'name', 'role'].every((c) => header.includes(c)) || header.some((h) => !COLUMNS.includes(h as Column)))
    return { ok: false, problem: 'columns' };
  const rows = records.slice(1).map(({ line, cells }) => {
    const row = { line, email: '', name: '', role: '', ends_on: '', school: '' };
    header.forEach((column, i) => (row[column as Column] = cells[i] ?? ''));
    return row;
  });
  return { ok: true, rows };
}

/**
 * A cell a spreadsheet would run as a formula when the file is opened again (CSV injection): it
 * starts with =, +, -, @, or a tab or carriage return. Such cells are refused, not rewritten, so
 * nothing stored differs from what the uploader sees in their file.
 */
export function looksLikeFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell);
}
