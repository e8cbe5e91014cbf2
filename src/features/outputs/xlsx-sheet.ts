// Follows the SheetJS docs (aoa_to_sheet with Date cells, cell number formats, column widths).
import * as XLSX from '@e965/xlsx';

export type Cell = string | number | Date | null;
export const DATE_FORMAT = 'dd/mm/yyyy';
export const MONEY_FORMAT = '£#,##0.00';
export const x = (key: string) => `outputs.xlsx.${key}`;
export const pounds = (pence: number | null) => (pence === null ? null : pence / 100);
// A YYYY-MM-DD date as a spreadsheet date (midday UTC, so no time zone moves it to another day).
export const day = (iso: string | null) => (iso ? new Date(`${iso}T12:00:00Z`) : null);

/** A sheet with a header row; date and money columns get their formats so they sort and add up. */
export function sheet(head: string[], rows: Cell[][], formats: Record<number, string>, widths: number[]) {
  const ws = XLSX.utils.aoa_to_sheet([head, ...rows], { cellDates: true });
  for (const [col, z] of Object.entries(formats))
    for (let r = 1; r <= rows.length; r++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c: Number(col) })] as XLSX.CellObject | undefined;
      if (cell) cell.z = z;
    }
  ws['!cols'] = widths.map((wch) => ({ wch }));
  ws['!autofilter'] = {
    ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: head.length - 1 } }),
  };
  return ws;
}
