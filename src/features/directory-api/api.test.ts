import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, sessionCookie } from '../../../test/support/factories.ts';
import { Visitor } from '../../../test/support/http.ts';
import { applyImport } from '../directory-import/import-service.ts';

const FILE = 'data/address-list-of-schools-wales-2018-04.ods';
const API_ROUTES = ['/api/v1/local-authorities', '/api/v1/schools', '/api/v1/schools/6602130', '/api/v1/openapi.json'];

let t: TestApp;
let visitor: Visitor;
async function json<T = Record<string, unknown>>(url: string, status = 200): Promise<T> {
  const response = await visitor.get(url);
  expect(response.statusCode, url).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json<T>();
}
type SchoolsPage = { total: number; page: number; pageSize: number; items: Record<string, unknown>[] };

beforeAll(async () => {
  t = await createTestApp();
  expect((await applyImport(t.database.db, null, FILE, fs.readFileSync(FILE), new Date())).ok).toBe(true);
  const user = await buildUser(t.database.db);
  visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
});
afterAll(() => t.close());

describe('access', () => {
  it.each(API_ROUTES)('answers an anonymous %s with 401 JSON', async (url) => {
    const response = await new Visitor(t.app).get(url);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: 'unauthorised', message: expect.any(String) });
  });
});

describe('GET /api/v1/local-authorities', () => {
  it('lists the 22 LAs with names in both languages and open schools by sector', async () => {
    const { items } = await json<{
      items: {
        code: string;
        name: { en: string; cy: string };
        openSchools: number;
        bySector: Record<string, number>;
      }[];
    }>('/api/v1/local-authorities');
    expect(items).toHaveLength(22);
    expect(items.find((la) => la.code === '681')).toEqual({
      code: '681',
      name: { en: 'Cardiff', cy: 'Caerdydd' },
      openSchools: 127,
      bySector: { nursery: 3, primary: 98, secondary: 18, special: 7, pru: 1 },
    });
    expect(items.find((la) => la.code === '660')!.name).toEqual({ en: 'Isle of Anglesey', cy: 'Ynys Môn' });
    expect(items.reduce((n, la) => n + la.openSchools, 0)).toBe(1544);
  });
});

describe('GET /api/v1/schools', () => {
  it('pages through every open school with a total', async () => {
    const first = await json<SchoolsPage>('/api/v1/schools');
    expect(first).toMatchObject({ total: 1544, page: 1, pageSize: 25 });
    expect(first.items).toHaveLength(25);
    const last = await json<SchoolsPage>('/api/v1/schools?pageSize=100&page=16');
    expect(last).toMatchObject({ total: 1544, page: 16, pageSize: 100 });
    expect(last.items).toHaveLength(44);
    expect((await json<SchoolsPage>('/api/v1/schools?page=99')).items).toEqual([]);
  });

  it('gives codes, and the LA name in both languages', async () => {
    const { items } = await json<SchoolsPage>('/api/v1/schools?q=6602130');
    expect(items).toEqual([
      {
        number: '6602130',
        name: 'Ysgol Gynradd Amlwch',
        laCode: '660',
        laName: { en: 'Isle of Anglesey', cy: 'Ynys Môn' },
        sector: 'primary',
        governance: 'community',
        wmCode: 'WM',
        schoolType: 'nursery_infants_juniors',
        religiousCharacter: 'none',
        postcode: 'LL68 9DY',
        pupils: 278,
        open: true,
        closedOn: null,
      },
    ]);
  });

  it('applies the same search and filters as the page', async () => {
    const total = async (query: string) => (await json<SchoolsPage>(`/api/v1/schools?${query}`)).total;
    expect(await total('sector=primary')).toBe(1261);
    expect(await total('sector=primary&sector=secondary')).toBe(1456);
    expect(await total('sector=nursery')).toBe(11);
    expect(await total('sector=middle')).toBe(13);
    expect(await total('sector=special')).toBe(41);
    expect(await total('sector=pru')).toBe(23);
    expect(await total('la=681')).toBe(127);
    expect(await total('la=681&sector=pru')).toBe(1);
    expect(await total('q=Ynys%20Mon')).toBe(49);
    expect(await total('q=ll68%209dy')).toBe(1);
    expect(await total('wm=WM&la=660')).toBeGreaterThan(0);
    expect(await total('includeClosed=true')).toBe(1544);
    const { items } = await json<SchoolsPage>('/api/v1/schools?la=681&la=680&religious=roman_catholic&pageSize=100');
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every((s) => ['680', '681'].includes(s.laCode as string) && s.religiousCharacter === 'roman_catholic'),
    ).toBe(true);
  });

  it('refuses a page size over 100 and an unknown code with 400 JSON', async () => {
    expect(await json('/api/v1/schools?pageSize=101', 400)).toMatchObject({ error: 'bad-request' });
    expect(await json('/api/v1/schools?sector=castle', 400)).toMatchObject({ error: 'bad-request' });
  });
});

describe('GET /api/v1/schools/{number}', () => {
  it('gives every field of one school, its history and collaboratives', async () => {
    const school = await json('/api/v1/schools/6602130');
    expect(school).toMatchObject({
      number: '6602130',
      laName: { en: 'Isle of Anglesey', cy: 'Ynys Môn' },
      address: ['Amlwch', 'Ynys Môn'],
      postcode: 'LL68 9DY',
      phone: '01407 830414',
      languageCategory: null,
      collaboratives: [],
    });
    expect(school.history).toEqual([
      {
        kind: 'added',
        editionDate: '2018-04-09',
        importedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        fileName: FILE,
        fields: null,
      },
    ]);
  });

  it('answers 404 JSON for an unknown school and 400 for something that is not a number', async () => {
    expect(await json('/api/v1/schools/6600000', 404)).toMatchObject({ error: 'not-found' });
    expect(await json('/api/v1/schools/66', 400)).toMatchObject({ error: 'bad-request' });
  });
});

describe('GET /api/v1/openapi.json', () => {
  type OpenApi = {
    openapi: string;
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
    >;
    components: { schemas: Record<string, unknown> };
  };

  it('describes every /api/v1 route, and only those, with their schemas', async () => {
    const doc = await json<OpenApi>('/api/v1/openapi.json');
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const registered = t.app.routeRegistry
      .filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(registered.length).toBeGreaterThanOrEqual(3);
    expect(documented.sort()).toEqual(registered.sort());
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['SchoolSummary', 'SchoolDetail', 'LocalAuthority', 'Error']),
    );
    const ok = doc.paths['/api/v1/schools']!.get!.responses['200']!.content!['application/json']!.schema;
    expect(JSON.stringify(ok)).toContain('#/components/schemas/SchoolSummary');
    expect(doc.paths['/api/v1/schools/{number}']!.get!.responses['404']).toBeDefined();
  });
});
