import { describe, expect, it } from 'vitest';
import { looksLikeFormula, MAX_ROWS, readPeopleCsv } from './people-csv.ts';

const read = (text: string) => readPeopleCsv(Buffer.from(text, 'utf8'));

describe('reading a people CSV', () => {
  it('reads quoted cells, CRLF, a byte-order mark and any column order, keeping line numbers', () => {
    const result = read(
      '\uFEFFrole,Email,name\r\npractitioner,a@example.test,"Jones, Siân ""Sian"""\r\n\r\ngovernor,b@example.test,"Two\nlines"\n',
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, email: 'a@example.test', name: 'Jones, Siân "Sian"', role: 'practitioner', ends_on: '', school: '' },
        { line: 4, email: 'b@example.test', name: 'Two\nlines', role: 'governor', ends_on: '', school: '' },
      ],
    });
  });

  it.each([
    ['not UTF-8', Buffer.from('email,name,role\nx@example.test,Si\xe2n,practitioner\n', 'latin1'), 'encoding'],
    ['a header only', Buffer.from('email,name,role\n'), 'empty'],
    ['a missing column', Buffer.from('email,name\nx,y\n'), 'columns'],
    ['an unknown column', Buffer.from('email,name,role,salary\nx,y,z,1\n'), 'columns'],
    ['one row too many', Buffer.from(`email,name,role\n${'a,b,c\n'.repeat(MAX_ROWS + 1)}`), 'tooManyRows'],
    ['10,000 rows', Buffer.from(`email,name,role\n${'a,b,c\n'.repeat(10_000)}`), 'tooManyRows'],
  ])('refuses %s', (_name, content, problem) => {
    expect(readPeopleCsv(content)).toEqual({ ok: false, problem });
  });

  it('takes exactly the most rows allowed', () => {
    const result = read(`email,name,role\n${'a,b,c\n'.repeat(MAX_ROWS)}`);
    expect(result.ok && result.rows.length).toBe(MAX_ROWS);
  });

  it.each([
    ['=SUM(A1)', true],
    ['+44 29', true],
    ['-1', true],
    ['@cmd', true],
    ['\tx', true],
    ['Siân', false],
    ['a-b@example.test', false],
    ['', false],
  ])('calls %j a formula: %s', (cell, expected) => {
    expect(looksLikeFormula(cell)).toBe(expected);
  });
});
