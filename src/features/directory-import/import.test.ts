import fs from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildAdministrator, buildUser, sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { SCHOOL_LIST_FILE } from '../../demo/demo-data.ts';
import { applyImport, previewImport } from './import-service.ts';

const original = fs.readFileSync(SCHOOL_LIST_FILE);
const EXPECTED_BY_LA: Record<string, number> = {
  '660': 49,
  '661': 102,
  '662': 61,
  '663': 56,
  '664': 77,
  '665': 69,
  '666': 94,
  '667': 46,
  '668': 67,
  '669': 112,
  '670': 95,
  '671': 66,
  '672': 59,
  '673': 55,
  '674': 123,
  '675': 28,
  '676': 87,
  '677': 25,
  '678': 34,
  '679': 35,
  '680': 55,
  '681': 126,
};

/** The real workbook with its Maintained sheet edited, written back as the given format. */
function editedWorkbook(edit: (rows: unknown[][]) => void, bookType: 'ods' | 'xlsx' = 'ods'): Buffer {
  const workbook = XLSX.read(original);
  const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.Maintained!, { header: 1, defval: null });
  edit(rows);
  workbook.Sheets.Maintained = XLSX.utils.aoa_to_sheet(rows);
  return Buffer.from(XLSX.write(workbook, { type: 'buffer', bookType }));
}

async function query<T>(t: TestApp, text: string): Promise<T[]> {
  return ((await t.database.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ jobs: true });
});
afterAll(() => t.close());

describe('importing the real April 2018 Address list', () => {
  it('imports every maintained school and PRU with the right counts per LA and sector', async () => {
    const result = await applyImport(
      t.database.db,
      null,
      'address-list-of-schools-wales-2018-04.ods',
      original,
      new Date(),
    );
    expect(result.ok).toBe(true);
    const bySector = await query<{ sector: string; n: number }>(
      t,
      'select sector, count(*)::int as n from schools group by sector',
    );
    expect(Object.fromEntries(bySector.map((r) => [r.sector, r.n]))).toEqual({
      nursery: 11,
      primary: 1261,
      middle: 13,
      secondary: 195,
      special: 41,
      pru: 23,
    });
    const byLa = await query<{ la_code: string; n: number }>(
      t,
      "select la_code, count(*)::int as n from schools where sector <> 'pru' group by la_code",
    );
    expect(Object.fromEntries(byLa.map((r) => [r.la_code, r.n]))).toEqual(EXPECTED_BY_LA);
    const [amlwch] = await query<Record<string, unknown>>(t, "select * from schools where number = '6602130'");
    expect(amlwch).toMatchObject({
      name: 'Ysgol Gynradd Amlwch',
      la_code: '660',
      sector: 'primary',
      governance: 'community',
      wm_code: 'WM',
      school_type: 'nursery_infants_juniors',
      religious_character: 'none',
      postcode: 'LL68 9DY',
      phone: '01407 830414',
      pupils: 278,
      open: true,
    });
    const [blank] = await query<{ n: number }>(
      t,
      "select count(*)::int as n from schools where pupils is null and sector <> 'pru'",
    );
    expect(blank!.n).toBe(5);
    const [edition] = await query<{ edition_date: string }>(t, 'select edition_date::text from directory_imports');
    expect(edition!.edition_date).toBe('2018-04-09');
  });

  it('changes nothing when the same file is imported again', async () => {
    const preview = await previewImport(t.database.db, 'again.ods', original, new Date());
    expect(preview.ok && preview.plan.unchanged).toBe(1544);
    const result = await applyImport(t.database.db, null, 'again.ods', original, new Date());
    expect(result.ok && result.importId).toBeNull();
    const [imports] = await query<{ n: number }>(t, 'select count(*)::int as n from directory_imports');
    expect(imports!.n).toBe(1);
  });

  it('previews and applies a renamed, a removed and an added school, keeping history', async () => {
    const edited = editedWorkbook((rows) => {
      rows[1]![1] = 'Ysgol Gynradd Amlwch Newydd';
      rows.splice(3, 1); // 6602132 Ysgol Gynradd Bodedern
      rows.push([
        6819999,
        'Ysgol Gymraeg Newydd',
        681,
        'Cardiff',
        'Primary',
        'Community',
        'WM',
        'Welsh medium',
        'Nursery, Infants & Juniors',
        '---',
        'Heol y Bont',
        'Caerdydd',
        null,
        null,
        'CF10 1AA',
        '029 2000 0000',
        null,
      ]);
    });
    const preview = await previewImport(t.database.db, 'edited.ods', edited, new Date());
    if (!preview.ok) throw new Error('expected a plan');
    expect(preview.plan.added.map((s) => s.number)).toEqual(['6819999']);
    expect(preview.plan.changed.map((c) => [c.school.number, Object.keys(c.fields)])).toEqual([['6602130', ['name']]]);
    expect(preview.plan.closed.map((s) => s.number)).toEqual(['6602132']);
    const result = await applyImport(t.database.db, null, 'edited.ods', edited, new Date());
    expect(result.ok).toBe(true);
    const [closed] = await query<{ open: boolean; closed_on: string; name: string }>(
      t,
      "select open, closed_on::text, name from schools where number = '6602132'",
    );
    expect(closed).toEqual({ open: false, closed_on: '2018-04-09', name: 'Ysgol Gynradd Bodedern' });
    const [added] = await query<{ pupils: number | null; governing_body_id: string }>(
      t,
      "select pupils, governing_body_id from schools where number = '6819999'",
    );
    expect(added).toEqual({ pupils: null, governing_body_id: 'GB6819999' });
    const history = await query<{ kind: string; fields: unknown }>(
      t,
      "select kind, fields from school_changes where school_number = '6602130' order by id",
    );
    expect(history.map((h) => h.kind)).toEqual(['added', 'changed']);
    expect(history[1]!.fields).toEqual({
      name: { before: 'Ysgol Gynradd Amlwch', after: 'Ysgol Gynradd Amlwch Newydd' },
    });
    // The next edition lists the school again: it reopens, with its history intact.
    const reopened = await applyImport(t.database.db, null, 'again.ods', original, new Date());
    expect(reopened.ok && reopened.plan.reopened.map((r) => r.school.number)).toEqual(['6602132']);
    const [school] = await query<{ open: boolean; closed_on: string | null }>(
      t,
      "select open, closed_on from schools where number = '6602132'",
    );
    expect(school).toEqual({ open: true, closed_on: null });
  });

  it('reads XLSX and a CSV of one sheet without closing the other sheet’s schools', async () => {
    const xlsx = editedWorkbook(() => {}, 'xlsx');
    const preview = await previewImport(t.database.db, 'list.xlsx', xlsx, new Date());
    expect(preview.ok).toBe(true);
    const workbook = XLSX.read(original);
    const csv = Buffer.from(XLSX.utils.sheet_to_csv(workbook.Sheets.Maintained!));
    const csvPreview = await previewImport(t.database.db, 'maintained.csv', csv, new Date());
    if (!csvPreview.ok) throw new Error(JSON.stringify(csvPreview.problems));
    expect(csvPreview.plan.closed.filter((s) => s.sector === 'pru')).toEqual([]);
  });
});

describe('refusing a file it cannot use', () => {
  const problemsOf = async (name: string, content: Buffer) => {
    const before = await query<{ n: number }>(t, 'select count(*)::int as n from school_changes');
    const preview = await previewImport(t.database.db, name, content, new Date());
    const applied = await applyImport(t.database.db, null, name, content, new Date());
    const after = await query<{ n: number }>(t, 'select count(*)::int as n from school_changes');
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(applied.ok).toBe(false);
    return preview.ok ? [] : preview.problems;
  };

  it('names the sheet, row and column of a bad school number, an unknown LA and a duplicate', async () => {
    const broken = editedWorkbook((rows) => {
      rows[5]![0] = 'ABC123';
      rows[6]![2] = 999;
      rows[8]![0] = rows[7]![0];
    });
    expect(await problemsOf('broken.ods', broken)).toEqual([
      { code: 'badNumber', sheet: 'Maintained', row: 6, column: 'School Number', value: 'ABC123' },
      { code: 'unknownLa', sheet: 'Maintained', row: 7, column: 'LA Code', value: '999' },
      { code: 'duplicateNumber', sheet: 'Maintained', row: 9, column: 'School Number', value: String(rows8()) },
    ]);
  });

  it('refuses a missing sheet, a missing column and a wrong format', async () => {
    const workbook = XLSX.read(original);
    delete workbook.Sheets.PRU;
    workbook.SheetNames = workbook.SheetNames.filter((n) => n !== 'PRU');
    expect(
      await problemsOf('nopru.ods', Buffer.from(XLSX.write(workbook, { type: 'buffer', bookType: 'ods' }))),
    ).toEqual([{ code: 'missingSheet', sheet: 'PRU' }]);
    const noSector = editedWorkbook((rows) => rows.forEach((r) => r.splice(4, 1)));
    expect((await problemsOf('nosector.ods', noSector))[0]).toMatchObject({
      code: 'missingColumn',
      sheet: 'Maintained',
      row: 1,
      column: 'sector',
    });
    expect(await problemsOf('list.pdf', Buffer.from('%PDF-1.4'))).toEqual([{ code: 'format', value: 'pdf' }]);
  });
});

function rows8(): unknown {
  const workbook = XLSX.read(original);
  return XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.Maintained!, { header: 1, defval: null })[7]![0];
}

describe('the import pages', () => {
  it('previews, applies with a progress page, and lists the edition; in Welsh too', async () => {
    const admin = await buildAdministrator(t.database.db);
    const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, admin.id));
    await visitor.get('/admin/directory?lang=cy');
    const token = await visitor.csrfToken('/admin/directory');
    const edited = editedWorkbook((rows) => {
      rows[1]![1] = 'Ysgol Gynradd Amlwch Eto';
    });
    const boundary = 'cydwellaboundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="edited.ods"\r\nContent-Type: application/vnd.oasis.opendocument.spreadsheet\r\n\r\n`,
      ),
      edited,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const preview = await t.app.inject({
      method: 'POST',
      url: '/admin/directory/preview',
      payload: body,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: Object.entries(visitor.cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
      },
    });
    expect(preview.statusCode).toBe(200);
    expect(pageText(preview.body)).toContain('Gwiriwch beth fydd y mewnforio yn ei newid');
    expect(pageText(preview.body)).toContain('Ysgol Gynradd Amlwch Eto');
    const form = Object.fromEntries(
      [...preview.body.matchAll(/name="(sha256|extension|fileName)" value="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const applied = await visitor.post('/admin/directory/apply', form, { tokenFrom: '/admin/directory' });
    expect(applied.statusCode).toBe(303);
    let job = await visitor.get(applied.headers.location as string);
    // The import runs on the job runner, which looks for work every half second.
    for (let i = 0; i < 100 && job.body.includes('data-cyd-refresh'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = await visitor.get(applied.headers.location as string);
    }
    expect(pageText(job.body)).toContain("Mae'r rhestr ysgolion wedi'i diweddaru");
    const [school] = await query<{ name: string }>(t, "select name from schools where number = '6602130'");
    expect(school!.name).toBe('Ysgol Gynradd Amlwch Eto');
    const audit = await query<{ actor_id: string; action: string }>(
      t,
      "select actor_id, action from audit_log where action = 'directory-import' order by id desc limit 1",
    );
    expect(audit[0]).toEqual({ actor_id: admin.id, action: 'directory-import' });
  });

  it('is for administrators only', async () => {
    const officer = await buildUser(t.database.db, { role: 'la_officer' });
    const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, officer.id));
    expect((await visitor.get('/admin/directory')).statusCode).toBe(403);
  });
});
