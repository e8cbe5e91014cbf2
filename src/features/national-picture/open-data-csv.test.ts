// Issue 11: names people type (a collaborative's) reach the public CSV; a spreadsheet must show them, not run them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative } from '../../../test/support/collaboration-factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { readCsvAsSpreadsheet } from '../../../test/support/read-csv.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

const NAME_EN = '=HYPERLINK("http://x","Open")';
const NAME_CY = '-2+3';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const members = [];
  for (let i = 0; i < 6; i++) {
    const school = await buildSchool(db, { laCode: '672', sector: 'primary' });
    const priority = await buildPriority(db, await buildCycle(db, school.number), { nationalPriorities: ['literacy'] });
    await share(db, school.number, 'priority', priority.id, 'national');
    members.push(school);
  }
  await buildCollaborative(db, { members, nameEn: NAME_EN, nameCy: NAME_CY });
  await buildCollaborative(db, {
    members: members.slice(0, 2),
    nameEn: '@SUM(1+1)*cmd|"/C calc"!A0',
    nameCy: '\t+1\r=2',
  });
}, 120_000);
afterAll(() => t.close());

describe('the open data CSV', () => {
  it('holds collaborative names as text a spreadsheet shows, and figures as numbers', async () => {
    const response = await new Visitor(t.app).get('/national/data.csv');
    expect(response.statusCode).toBe(200);
    const [header, ...rows] = readCsvAsSpreadsheet(response.body);
    const column = (name: string) => header!.findIndex((c) => c.text === name);
    expect(rows.flat().filter((c) => c.formula !== null)).toEqual([]);
    const named = (text: string) => rows.filter((r) => r[column('collaborativeNameEn')]!.text === text);
    const ours = named(`'${NAME_EN}`);
    expect(ours.length).toBeGreaterThan(0);
    for (const row of ours) {
      expect(row[column('collaborativeNameCy')]!.text).toBe(`'${NAME_CY}`);
      expect(row[column('level')]!.text).toBe('collaborative');
    }
    expect(ours.some((row) => row[column('schools')]!.number === 6)).toBe(true);
    const small = named(`'@SUM(1+1)*cmd|"/C calc"!A0`);
    expect(small.length).toBeGreaterThan(0);
    expect(small.map((row) => row[column('collaborativeNameCy')]!.text)).toEqual(small.map(() => "'\t+1\r=2"));
    expect(small.some((row) => row[column('schools')]!.text === '[c]')).toBe(true);
    // Every row has every column: nothing a name held broke a row in two.
    expect(
      rows.every((row) => row.length === header!.length && /^\d{4}$/.test(row[column('academicYear')]!.text)),
    ).toBe(true);
  }, 60_000);
});
