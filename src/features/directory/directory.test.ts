import fs from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { applyImport } from '../directory-import/import-service.ts';
import { parseAddressList, type ListedSchool } from '../directory-import/address-list-parser.ts';
import { searchSchools } from '../../directory/directory-repository.ts';
import { collaborativeMembers, collaboratives } from '../../db/schema/index.ts';
import type { DirectoryFilter } from '../../directory/directory-filter.ts';

const FILE = 'data/address-list-of-schools-wales-2018-04.ods';
const LA_CODES = new Set(Array.from({ length: 22 }, (_, i) => String(660 + i)));
// The list as the parser reads it: an oracle for counts independent of the SQL under test.
const listed: ListedSchool[] = parseAddressList(FILE, fs.readFileSync(FILE), LA_CODES).schools;
const count = (match: (s: ListedSchool) => boolean) => listed.filter(match).length;
const NONE: DirectoryFilter = {
  q: '',
  includeClosed: false,
  la: [],
  sector: [],
  wm: [],
  governance: [],
  religious: [],
};

let t: TestApp;
let visitor: Visitor;
const get = async (url: string) => {
  const response = await visitor.get(url);
  expect(response.statusCode, url).toBe(200);
  return pageText(response.body);
};
/** The result count heading, e.g. "1,544 schools". */
const heading = (html: string) => /<h2 class="govuk-heading-m" role="status">([^<]+)<\/h2>/.exec(html)?.[1];
const resultNumbers = (html: string) =>
  [...html.matchAll(/<a class="govuk-link" href="\/schools\/(\d{7})">/g)].map((m) => m[1]);

beforeAll(async () => {
  t = await createTestApp();
  const result = await applyImport(t.database.db, null, FILE, fs.readFileSync(FILE), new Date());
  expect(result.ok).toBe(true);
  const user = await buildUser(t.database.db);
  visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
});
afterAll(() => t.close());
// Each test starts in English; a test that switches to Welsh does so in its URL.
beforeEach(() => {
  delete visitor.cookies.cyd_lang;
});

describe('access', () => {
  it.each(['/schools', '/schools/6602130', '/local-authorities', '/local-authorities/681'])(
    'sends an anonymous visitor from %s to sign in',
    async (url) => {
      const response = await new Visitor(t.app).get(url);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    },
  );

  it('offers Schools and Local authorities in the navigation', async () => {
    const html = await get('/');
    expect(html).toContain('href="/schools"');
    expect(html).toContain('href="/local-authorities"');
  });
});

describe('counts at national scale', () => {
  it('counts every open school and each sector, as the Welsh Government list does', async () => {
    const html = await get('/schools');
    expect(heading(html)).toBe('1,544 schools');
    for (const label of [
      'Primary (1,261)',
      'Secondary (195)',
      'Special (41)',
      'Middle (all-age) (13)',
      'Nursery (11)',
      'Pupil referral unit (23)',
    ]) {
      expect(html).toContain(label);
    }
    expect(html).toContain('Cardiff (127)');
    expect(html).toContain('Isle of Anglesey (49)');
  });

  it('counts each LA: Cardiff has 126 maintained schools and 1 PRU', async () => {
    const { total, facets } = await searchSchools(t.database.db, { ...NONE, la: ['681'] }, { limit: 10, offset: 0 });
    expect(total).toBe(127);
    expect(facets.sector.get('pru')).toBe(1);
    expect(total - facets.sector.get('pru')!).toBe(126);
    for (const code of LA_CODES) expect(facets.la.get(code), code).toBe(count((s) => s.laCode === code));
  });

  it('lists all 22 LAs with their open schools by sector', async () => {
    const html = await get('/local-authorities');
    expect(html.match(/href="\/local-authorities\/6\d\d"/g)).toHaveLength(22);
    expect(html).toMatch(/Cardiff<\/a><\/th>\s*<td[^>]*><a class="govuk-link" href="\/schools\?la=681">127<\/a>/);
    const welsh = await get('/local-authorities?lang=cy');
    expect(welsh).toContain('>Caerdydd</a>');
    expect(welsh).toContain('Ynys Môn');
  });
});

describe('search', () => {
  it('finds the schools of Ynys Môn without the accent', async () => {
    const html = await get('/schools?q=Ynys+Mon');
    expect(heading(html)).toBe(`${count((s) => s.laCode === '660')} schools`);
    expect(html).toContain('Ysgol Gynradd Amlwch');
    expect(pageText((await visitor.get('/schools?q=ynys+m%C3%B4n')).body)).toContain('Ysgol Gynradd Amlwch');
  });

  it('matches a name with a circumflex typed without it, and every word must match', async () => {
    expect(resultNumbers(await get('/schools?q=llechan+lan'))).toEqual(['6611104']);
    expect(resultNumbers(await get('/schools?q=LLECHAN+L%C3%82N'))).toEqual(['6611104']);
    expect(heading(await get('/schools?q=llechan+zzzz'))).toBe('0 schools');
  });

  it('finds a school by its number and by its postcode, with or without the space', async () => {
    expect(resultNumbers(await get('/schools?q=6602130'))).toEqual(['6602130']);
    for (const q of ['LL68 9DY', 'll689dy', '  LL68   9dy ']) {
      expect(resultNumbers(await get(`/schools?q=${encodeURIComponent(q)}`)), q).toEqual(['6602130']);
    }
  });

  it('combines filters, and counts each facet with the other filters applied', async () => {
    const html = await get('/schools?la=681&sector=primary&sector=secondary');
    expect(heading(html)).toBe(
      `${count((s) => s.laCode === '681' && ['primary', 'secondary'].includes(s.sector))} schools`,
    );
    // Sector counts are Cardiff's; LA counts are for primary and secondary schools everywhere.
    expect(html).toContain(`Primary (${count((s) => s.laCode === '681' && s.sector === 'primary')})`);
    expect(html).toContain(`Special (${count((s) => s.laCode === '681' && s.sector === 'special')})`);
    expect(html).toContain(
      `Newport (${count((s) => s.laCode === '680' && ['primary', 'secondary'].includes(s.sector))})`,
    );
    const wm = await searchSchools(
      t.database.db,
      { ...NONE, la: ['681'], sector: ['primary'], wm: ['WM'] },
      { limit: 100, offset: 0 },
    );
    expect(wm.total).toBe(count((s) => s.laCode === '681' && s.sector === 'primary' && s.wmCode === 'WM'));
    expect(wm.rows.every((r) => r.laCode === '681' && r.sector === 'primary' && r.wmCode === 'WM')).toBe(true);
    expect(wm.facets.wm.get('EM')).toBe(
      count((s) => s.laCode === '681' && s.sector === 'primary' && s.wmCode === 'EM'),
    );
    const faith = await searchSchools(
      t.database.db,
      { ...NONE, governance: ['voluntary_aided'], religious: ['roman_catholic'] },
      { limit: 1, offset: 0 },
    );
    expect(faith.total).toBe(
      count((s) => s.governance === 'voluntary_aided' && s.religiousCharacter === 'roman_catholic'),
    );
    expect(faith.facets.religious.get('church_in_wales')).toBe(
      count((s) => s.governance === 'voluntary_aided' && s.religiousCharacter === 'church_in_wales'),
    );
  });

  it('pages through results by name, keeping the filters in the links', async () => {
    const first = await get('/schools?sector=primary');
    const second = await get('/schools?sector=primary&page=2');
    expect(resultNumbers(first)).toHaveLength(20);
    expect(resultNumbers(second)).toHaveLength(20);
    expect(resultNumbers(second).some((n) => resultNumbers(first).includes(n))).toBe(false);
    expect(heading(second)).toBe('1,261 schools');
    expect(second).toContain('href="/schools?sector=primary&page=3"');
    expect(second).toContain('href="/schools?sector=primary&page=64"');
    const { rows } = await searchSchools(t.database.db, { ...NONE, sector: ['primary'] }, { limit: 40, offset: 0 });
    expect(rows.map((r) => r.number)).toEqual([...resultNumbers(first), ...resultNumbers(second)]);
    const names = rows.map((r) => r.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('refuses an unknown filter value', async () => {
    expect((await visitor.get('/schools?sector=castle')).statusCode).toBe(400);
  });

  it('speaks Welsh', async () => {
    const html = await get('/schools?sector=primary&lang=cy');
    expect(heading(html)).toBe('1,261 o ysgolion');
    expect(html).toContain('Cynradd (1,261)');
    expect(html).toContain('Caerdydd (98)');
  });
});

describe('a school', () => {
  it('shows every field with its label, in English and Welsh', async () => {
    const html = await get('/schools/6602130');
    for (const text of [
      'Ysgol Gynradd Amlwch',
      '6602130',
      'Isle of Anglesey',
      'Primary',
      'Nursery, infants &amp; juniors',
      'Community',
      'Welsh medium (WM)',
      'No religious character',
      'Ynys Môn',
      'LL68 9DY',
      '01407 830414',
      '278',
      'Open',
      'Listed for the first time',
    ]) {
      expect(html, text).toContain(text.replace('&amp;', '&'));
    }
    expect(html).toContain('href="/local-authorities/660"');
    const welsh = await get('/schools/6602130?lang=cy');
    for (const text of [
      'Ynys Môn',
      'Cynradd',
      'Iau, babanod a meithrin',
      'Cymuned',
      'Cyfrwng Cymraeg (WM)',
      'Ar agor',
      "Wedi'i rhestru am y tro cyntaf",
      '9 Ebrill 2018',
    ]) {
      expect(welsh, text).toContain(text);
    }
  });

  it('says "new school" when the census has no pupils for it, and finds no school that does not exist', async () => {
    expect(await get('/schools/6802328')).toContain('New school');
    expect((await visitor.get('/schools/6600000')).statusCode).toBe(404);
    expect((await visitor.get('/schools/not-a-number')).statusCode).toBe(404);
  });
});

describe('a school in a collaborative', () => {
  it("lists its collaboratives in the reader's language", async () => {
    const [cluster] = await t.database.db
      .insert(collaboratives)
      .values({ kind: 'vertical', nameEn: 'Amlwch cluster', nameCy: 'Clwstwr Amlwch', laCode: '660' })
      .returning();
    await t.database.db.insert(collaborativeMembers).values({ collaborativeId: cluster!.id, schoolNumber: '6602130' });
    expect(await get('/schools/6602130')).toContain('Amlwch cluster (vertical cluster, active)');
    expect(await get('/schools/6602130?lang=cy')).toContain('Clwstwr Amlwch (clwstwr fertigol, gweithredol)');
  });
});

describe('a local authority', () => {
  it('shows its names in both languages and its schools by sector and Welsh-medium type', async () => {
    const html = await get('/local-authorities/681');
    for (const text of [
      'Cardiff',
      'Caerdydd',
      '127',
      'href="/schools?la=681"',
      'href="/schools?la=681&sector=primary"',
      'href="/schools?la=681&wm=WM"',
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html).toMatch(/Primary<\/th>\s*<td[^>]*><a class="govuk-link" href="\/schools\?la=681&sector=primary">98</);
    const welsh = await get('/local-authorities/681?lang=cy');
    expect(welsh).toContain('<h1 class="govuk-heading-l">Caerdydd</h1>');
    expect(welsh).toContain('Cyfrwng Cymraeg');
    expect((await visitor.get('/local-authorities/999')).statusCode).toBe(404);
  });
});

describe('when a school closes', () => {
  // Runs last: it changes the directory. A later edition without Millbank Primary, with a new pupil count for Grangetown Nursery.
  beforeAll(async () => {
    const workbook = XLSX.read(fs.readFileSync(FILE), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.Maintained!, { header: 1, defval: null });
    const edited = rows
      .filter((r) => String(r[0]) !== '6812001')
      .map((r) => (String(r[0]) === '6811003' ? [...r.slice(0, 16), 140] : r));
    const index = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['Mynegai-Index']!, { header: 1, defval: null });
    const newEdition = index.map((r) =>
      r.map((c) => (typeof c === 'string' ? c.replace(/\d{2}\/\d{2}\/\d{4}/, '10/09/2018') : c)),
    );
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(newEdition), 'Mynegai-Index');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(edited), 'Maintained');
    XLSX.utils.book_append_sheet(book, workbook.Sheets.PRU!, 'PRU');
    const content = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const result = await applyImport(t.database.db, null, 'september.xlsx', content, new Date());
    expect(result.ok && result.plan.closed.map((s) => s.number)).toEqual(['6812001']);
  });

  it('shows the school as closed, with its history', async () => {
    const html = await get('/schools/6812001');
    expect(html).toContain('Closed on 10 September 2018');
    expect(html).toContain('No longer listed: closed');
    expect(html).toContain('Edition of 10 September 2018 (september.xlsx)');
    expect(html).toContain('Listed for the first time');
    expect(html.indexOf('No longer listed')).toBeLessThan(html.indexOf('Listed for the first time'));
  });

  it('leaves it out of searches unless closed schools are included', async () => {
    expect(resultNumbers(await get('/schools?q=millbank'))).toEqual([]);
    const included = await get('/schools?q=millbank&includeClosed=true');
    expect(resultNumbers(included)).toEqual(['6812001']);
    expect(included).toContain('Closed');
    expect(await get('/local-authorities')).toMatch(/href="\/schools\?la=681">126</);
  });

  it('shows what changed in a school, with the field names translated', async () => {
    const html = await get('/schools/6811003');
    expect(html).toContain('Details changed');
    expect(html).toMatch(
      /Pupils<\/th>\s*<td class="govuk-table__cell">135<\/td>\s*<td class="govuk-table__cell">140<\/td>/,
    );
    const welsh = await get('/schools/6811003?lang=cy');
    expect(welsh).toContain('Manylion wedi newid');
    expect(welsh).toMatch(/Disgyblion<\/th>/);
  });
});
