// Issue 19 part 5: pages, styles and scripts compressed when asked; hashed asset names cached for a year.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE } from '../src/plugins/hashed-assets.ts';
import { sessionCookie } from './support/factories.ts';
import { Visitor } from './support/http.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from './support/school-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database.db, { laCode: '681' });
  people = await buildSchoolPeople(t.database.db, school);
}, 120_000);
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const linked = (html: string, pattern: RegExp) => pattern.exec(html)?.[1] ?? '';

describe('compression', () => {
  it('sends the sign-in page brotli- or gzip-compressed as the browser asks, and plain when it does not', async () => {
    const plain = await get('/sign-in');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('<form');

    const br = await get('/sign-in', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const fromBr = zlib.brotliDecompressSync(br.rawPayload).toString('utf8');
    expect(fromBr).toContain('<form');
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(fromBr) / 3);

    const gzip = await get('/sign-in', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString('utf8')).toContain('<form');

    // No-store stays on a compressed page, and its scripts still carry the nonce its CSP names.
    expect(br.headers['cache-control']).toBe('no-store');
    const nonce = linked(fromBr, /<script type="module" src="[^"]+" nonce="([0-9a-f]+)"/);
    expect(br.headers['content-security-policy']).toContain(`'nonce-${nonce}'`);
  });

  it('salts the CSRF token afresh in every response, so a compressed page repeats no secret (BREACH)', async () => {
    const visitor = new Visitor(t.app);
    const first = await visitor.csrfToken('/sign-in');
    const second = await visitor.csrfToken('/sign-in');
    expect(first).not.toBe(second);
  });

  it('compresses a signed-in page, and answers HEAD with the headers alone', async () => {
    const cookie = await sessionCookie(t.database.db, people.headteacher.id);
    const home = await get(`/schools/${school.number}/home`, { cookie, 'accept-encoding': 'br' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(home.rawPayload).toString('utf8')).toContain(school.name);
    const head = await t.app.inject({ method: 'HEAD', url: '/sign-in', headers: { 'accept-encoding': 'br' } });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('leaves small responses and PDF downloads as they are', async () => {
    const health = await get('/healthz', { 'accept-encoding': 'br, gzip' });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();

    const cookie = await sessionCookie(t.database.db, people.headteacher.id);
    const pdf = await get(`/schools/${school.number}/outputs/self-evaluation.pdf?language=en`, {
      cookie,
      'accept-encoding': 'br, gzip',
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('hashed asset names', () => {
  it('links the stylesheet, scripts and icon by hashed names, each cached for a year and immutable', async () => {
    const html = (await get('/sign-in')).body;
    const css = linked(html, /<link rel="stylesheet" href="(\/static\/app\.[\w-]{16}\.css)">/);
    const js = linked(html, /<script type="module" src="(\/static\/app\.[\w-]{16}\.js)"/);
    const govuk = linked(html, /<link rel="modulepreload" href="(\/static\/govuk-frontend\.min\.[\w-]{16}\.js)">/);
    const icon = linked(html, /<link rel="icon" href="(\/static\/favicon\.[\w-]{16}\.svg)"/);
    for (const url of [css, js, govuk, icon]) {
      expect(url, html.slice(0, 1500)).not.toBe('');
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe(IMMUTABLE);
      const again = await get(url, { 'if-none-match': String(response.headers.etag) });
      expect(again.statusCode, url).toBe(304);
    }
    // The stylesheet is the built one; app.js imports GOV.UK Frontend by its hashed name too.
    const plainCss = await get('/static/app.css');
    expect((await get(css)).body).toBe(plainCss.body);
    expect((await get(js)).body).toContain(`from '${govuk}'`);
  });

  it('sends the stylesheet and scripts compressed when asked, the same bytes once decompressed', async () => {
    const html = (await get('/sign-in')).body;
    for (const url of [
      linked(html, /href="(\/static\/app\.[\w-]{16}\.css)"/),
      linked(html, /href="(\/static\/govuk-frontend\.min\.[\w-]{16}\.js)"/),
    ]) {
      const plain = await get(url);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers.vary, url).toMatch(/accept-encoding/i);
      expect(br.headers['cache-control'], url).toBe(IMMUTABLE);
      expect(br.rawPayload.length, url).toBeLessThan(plain.rawPayload.length / 3);
      expect(zlib.brotliDecompressSync(br.rawPayload).equals(plain.rawPayload), url).toBe(true);
      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding'], url).toBe('gzip');
      expect(zlib.gunzipSync(gzip.rawPayload).equals(plain.rawPayload), url).toBe(true);
    }
  });

  it('blocks rendering on the one stylesheet alone: no script in the head, the page script a module at the end', async () => {
    const html = (await get('/sign-in')).body;
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    expect(head.match(/<link rel="stylesheet"/g)).toHaveLength(1);
    expect(head).not.toMatch(/<script|@import|<style/);
    const body = html.slice(html.indexOf('</footer>'));
    expect(body).toMatch(
      /<script type="module" src="\/static\/app\.[\w-]{16}\.js" nonce="[0-9a-f]+"><\/script>\s*<\/body>/,
    );
  });

  it('answers another hash of a file (an instance of another version) with its own copy, never kept', async () => {
    const html = (await get('/sign-in')).body;
    const css = linked(html, /href="(\/static\/app\.[\w-]{16}\.css)"/);
    const other = await get('/static/app.0123456789abcdef.css');
    expect(other.statusCode).toBe(200);
    expect(other.headers['cache-control']).toBe('no-cache');
    expect(other.body).toBe((await get(css)).body);
    // Not a hash: the plain file server's answer, as before.
    expect((await get('/static/app.short.css')).statusCode).toBe(404);
  });

  it('keeps the plain names working, with a short cache, for a page open across an upgrade', async () => {
    for (const url of ['/static/app.css', '/static/app.js', '/static/govuk-frontend.min.js']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('public, max-age=300');
    }
  });
});

describe('COMPRESS=false', () => {
  it('sends everything plain, for a proxy in front that compresses', async () => {
    const off = await createTestApp({ database: t.database, env: { COMPRESS: 'false' } });
    try {
      const page = await off.app.inject({ url: '/sign-in', headers: { 'accept-encoding': 'br, gzip' } });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-encoding']).toBeUndefined();
      expect(page.body).toContain('<form');
      const css = linked(page.body, /href="(\/static\/app\.[\w-]{16}\.css)"/);
      const style = await off.app.inject({ url: css, headers: { 'accept-encoding': 'br, gzip' } });
      expect(style.headers['content-encoding']).toBeUndefined();
      expect(style.headers['cache-control']).toBe(IMMUTABLE);
    } finally {
      await off.app.close();
    }
  });
});
