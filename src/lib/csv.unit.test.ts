import { describe, expect, it } from 'vitest';
import { readCsvAsSpreadsheet } from '../../test/support/read-csv.ts';
import { spreadsheetCsv } from './csv.ts';

const HOSTILE = [
  '=HYPERLINK("http://x","Click")',
  '=1+1',
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  "=cmd|' /C calc'!A0",
];

describe('spreadsheetCsv', () => {
  it('writes text that would start a formula as plain text, with a leading quote, and keeps numbers as numbers', () => {
    const rows = [
      ...HOSTILE.map((name, i) => ({ name, count: i - 2 })),
      { name: 'Ysgol "Bro", Gwŷr\nNewydd', count: null },
    ];
    const csv = spreadsheetCsv(rows, ['name', 'count']);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    const [header, ...cells] = readCsvAsSpreadsheet(csv);
    expect(header!.map((c) => c.text)).toEqual(['name', 'count']);
    expect(cells.flat().filter((c) => c.formula !== null)).toEqual([]);
    HOSTILE.forEach((name, i) => {
      expect(cells[i]![0]!.text).toBe(`'${name}`);
      expect(cells[i]![1]!.number).toBe(i - 2);
    });
    expect(cells.at(-1)!.map((c) => c.text)).toEqual(['Ysgol "Bro", Gwŷr\nNewydd', '']);
  });

  it('leaves ordinary text alone', () => {
    const [, row] = readCsvAsSpreadsheet(
      spreadsheetCsv([{ a: 'Ysgol Gynradd Afon', b: 'E-2 wing', c: '[c]' }], ['a', 'b', 'c']),
    );
    expect(row!.map((c) => c.text)).toEqual(['Ysgol Gynradd Afon', 'E-2 wing', '[c]']);
  });
});
