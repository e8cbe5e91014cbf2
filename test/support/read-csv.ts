import * as XLSX from '@e965/xlsx';

export type SheetCell = { text: string; number: number | null; formula: string | null };

/** A CSV as a spreadsheet reads it (SheetJS, as Excel or LibreOffice would), header row first, BOM dropped. */
export function readCsvAsSpreadsheet(csv: string): SheetCell[][] {
  const sheet = XLSX.read(csv.replace(/^\uFEFF/, ''), { type: 'string' });
  const cells = sheet.Sheets[sheet.SheetNames[0]!]!;
  const range = XLSX.utils.decode_range(cells['!ref']!);
  const rows: SheetCell[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: SheetCell[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = cells[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      row.push({
        text: cell ? String(cell.v ?? '') : '',
        number: cell?.t === 'n' ? Number(cell.v) : null,
        formula: cell?.f ?? null,
      });
    }
    rows.push(row);
  }
  return rows;
}
