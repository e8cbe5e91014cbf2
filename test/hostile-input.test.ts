// Hostile or broken input is refused with a translated 400 before it reaches the database, and
// nothing is written: control characters, out-of-range numbers, malformed ids and broken uploads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { priorities } from '../src/db/schema/index.ts';
import { buildEvidence } from './support/evidence-factories.ts';
import { buildAdministrator, countRows, sessionCookie, type TestUser } from './support/factories.ts';
import { pageText, Visitor } from './support/http.ts';
import { multipartBody } from './support/multipart.ts';
import { buildCycle, buildPriority } from './support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from './support/school-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let dataDir: string;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let admin: TestUser;
let priority: Awaited<ReturnType<typeof buildPriority>>;
let cycleId: string;

const WELSH_TITLE = 'Mae eich ateb yn cynnwys nodau na ellir eu cadw';
const ENGLISH_TITLE = 'Your answer contains characters that cannot be saved';
const [year, month, day] = new Date().toISOString().slice(0, 10).split('-') as [string, string, string];
const evidenceFields = (title: string) => ({
  source: 'learners_work',
  'observedOn-day': day,
  'observedOn-month': month,
  'observedOn-year': year,
  firstHand: 'yes',
  title,
});

/** A complete, valid edit of the priority: only what a test changes makes it fail. */
const edit = (title: string) => ({
  version: String(priority.version),
  title,
  description: '',
  nifTheme: 'curriculum_teaching',
  learners: 'Year 3',
  successMeasure: 'Reading ages rise',
  origin: 'self_evaluation',
  language: 'en',
});

async function visitorFor(user: TestUser, lang: 'en' | 'cy' = 'en') {
  return new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id)).withCookie(`cyd_lang=${lang}`);
}

function cookieOf(visitor: Visitor) {
  return Object.entries(visitor.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** Posts a raw body, as a hostile client would, with the visitor's cookies. */
function postRaw(visitor: Visitor, url: string, contentType: string, payload: string | Buffer) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookieOf(visitor), 'content-type': contentType },
    payload,
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-bad-input-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir, LOG_LEVEL: 'error' } });
  school = await buildSchool(t.database.db);
  people = await buildSchoolPeople(t.database.db, school);
  admin = await buildAdministrator(t.database.db);
  const cycle = await buildCycle(t.database.db, school.number);
  cycleId = cycle.id;
  priority = await buildPriority(t.database.db, cycle, { state: 'draft' });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('control characters', () => {
  const editUrl = () => `/schools/${school.number}/priorities/${priority.id}/edit`;

  it.each([
    ['NUL', 'Reading\u0000'],
    ['a C0 control', 'Reading\u0007'],
    ['DEL', 'Reading\u007f'],
    ['a C1 control', 'Reading\u0085'],
  ])('refuses %s in a url-encoded form, in Welsh for a Welsh reader, and changes nothing', async (_name, title) => {
    const visitor = await visitorFor(people.headteacher, 'cy');
    const token = await visitor.csrfToken(editUrl());
    const audit = await countRows(t.database.db, 'audit_log');
    const response = await visitor.post(editUrl(), edit(title), { csrf: token });
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain(WELSH_TITLE);
    expect(await countRows(t.database.db, 'audit_log')).toBe(audit);
    const [row] = await t.database.db.select().from(priorities).where(eq(priorities.id, priority.id));
    expect({ title: row!.title, version: row!.version }).toEqual({ title: priority.title, version: priority.version });
  });

  it('refuses a control character in a field name', async () => {
    const visitor = await visitorFor(people.headteacher);
    const token = await visitor.csrfToken(editUrl());
    const response = await visitor.post(editUrl(), { ...edit('Reading'), 'ti\u0000tle': 'x' }, { csrf: token });
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain(ENGLISH_TITLE);
  });

  it('keeps tabs and line breaks, which answers legitimately contain', async () => {
    const visitor = await visitorFor(people.headteacher);
    const token = await visitor.csrfToken(editUrl());
    const response = await visitor.post(
      editUrl(),
      { ...edit('Reading'), description: 'First line\r\nSecond\tline' },
      { csrf: token },
    );
    expect(response.statusCode).toBe(303);
    priority = { ...priority, version: priority.version + 1 };
  });

  it('refuses a lone surrogate, which PostgreSQL cannot store, in a JSON body', async () => {
    const visitor = await visitorFor(people.headteacher);
    const audit = await countRows(t.database.db, 'audit_log');
    const response = await postRaw(
      visitor,
      editUrl(),
      'application/json',
      `{"title":"Reading \\ud800","version":${priority.version}}`,
    );
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain(ENGLISH_TITLE);
    expect(await countRows(t.database.db, 'audit_log')).toBe(audit);
  });

  it('refuses a control character in a query string, in Welsh', async () => {
    const visitor = await visitorFor(people.headteacher, 'cy');
    const response = await visitor.get(`/schools/${school.number}/evidence?q=reading%00`);
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain(WELSH_TITLE);
  });

  it('refuses a control character in a path parameter', async () => {
    const visitor = await visitorFor(people.headteacher);
    const response = await visitor.get(`/schools/${school.number}/priorities/%00`);
    expect(response.statusCode).toBe(400);
  });

  it('refuses a control character in a multipart field, in Welsh, and stores no evidence', async () => {
    const visitor = await visitorFor(people.practitioner, 'cy');
    const url = `/schools/${school.number}/evidence/new`;
    const token = await visitor.csrfToken(url);
    const before = await countRows(t.database.db, 'evidence');
    const { payload, contentType } = multipartBody({ _csrf: token, ...evidenceFields('Learning walk\u0000') });
    const response = await postRaw(visitor, url, contentType, payload);
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain(WELSH_TITLE);
    expect(await countRows(t.database.db, 'evidence')).toBe(before);
  });

  it('refuses a control character in an uploaded file name', async () => {
    const visitor = await visitorFor(people.practitioner);
    const url = `/schools/${school.number}/evidence/new`;
    const token = await visitor.csrfToken(url);
    const before = await countRows(t.database.db, 'evidence');
    const { payload, contentType } = multipartBody({ _csrf: token, ...evidenceFields('Walk') }, [
      { field: 'attachments', fileName: 'walk\u0001.pdf', content: Buffer.from('%PDF-1.4\n') },
    ]);
    const response = await postRaw(visitor, url, contentType, payload);
    expect(response.statusCode).toBe(400);
    expect(await countRows(t.database.db, 'evidence')).toBe(before);
  });
});

describe('numbers out of range', () => {
  it.each(['1e309', '99999999999999999999999', '2147483648', '-1', '1.5'])(
    'refuses version=%s on an edit form with a 400 and changes nothing',
    async (version) => {
      const visitor = await visitorFor(people.headteacher);
      const url = `/schools/${school.number}/priorities/${priority.id}/edit`;
      const token = await visitor.csrfToken(url);
      const audit = await countRows(t.database.db, 'audit_log');
      const response = await visitor.post(url, { ...edit('Reading'), version }, { csrf: token });
      expect(response.statusCode).toBe(400);
      expect(await countRows(t.database.db, 'audit_log')).toBe(audit);
    },
  );

  it('refuses an out-of-range version on a multipart form (evidence edit)', async () => {
    const visitor = await visitorFor(people.headteacher);
    const [item] = await buildEvidence(t.database.db, school.number, cycleId, [{ title: 'Walk' }]);
    const url = `/schools/${school.number}/evidence/${item!.id}/edit`;
    const token = await visitor.csrfToken(url);
    const audit = await countRows(t.database.db, 'audit_log');
    const { payload, contentType } = multipartBody({
      _csrf: token,
      ...evidenceFields('Walk again'),
      version: '99999999999999999999999',
    });
    const response = await postRaw(visitor, url, contentType, payload);
    expect(response.statusCode).toBe(400);
    expect(await countRows(t.database.db, 'audit_log')).toBe(audit);
  });
});

describe('ids of the wrong shape', () => {
  it('refuses findingIds that are not uuids with a 400 and changes nothing', async () => {
    const visitor = await visitorFor(people.headteacher);
    const url = `/schools/${school.number}/priorities/${priority.id}/edit`;
    const token = await visitor.csrfToken(url);
    const audit = await countRows(t.database.db, 'audit_log');
    const response = await visitor.post(url, { ...edit('Reading'), findingIds: ['not-a-uuid'] }, { csrf: token });
    expect(response.statusCode).toBe(400);
    expect(await countRows(t.database.db, 'audit_log')).toBe(audit);
  });

  it.each([`urn:uuid:${randomUUID()}`, `{${randomUUID()}}`, randomUUID().replace(/-/g, ''), '-'.repeat(36)])(
    'answers a path with the id %s (which a uuid format alone lets through to the database) as a page that does not exist',
    async (id) => {
      const visitor = await visitorFor(people.headteacher);
      for (const url of [
        `/good-practice/${encodeURIComponent(id)}`,
        `/schools/${school.number}/priorities/${encodeURIComponent(id)}`,
      ]) {
        const response = await visitor.get(url);
        expect(response.statusCode, url).toBe(404);
      }
    },
  );

  it('refuses an id of the wrong shape in a query string and a select field', async () => {
    const visitor = await visitorFor(admin);
    expect((await visitor.get(`/admin/audit?actorId=urn:uuid:${randomUUID()}`)).statusCode).toBe(400);
    const lead = await visitorFor(people.headteacher);
    const url = `/schools/${school.number}/support/offers`;
    const response = await lead.post(
      url,
      { findingId: '-'.repeat(36), title: 'Reading' },
      { tokenFrom: `/schools/${school.number}/support` },
    );
    expect(response.statusCode).toBe(400);
  });
});

describe('broken multipart bodies', () => {
  const boundary = '----cydwellaBroken';
  const type = `multipart/form-data; boundary=${boundary}`;
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const BROKEN: [string, string, (csrf: string) => string][] = [
    [
      'a truncated body',
      type,
      (csrf) => `${part('_csrf', csrf)}--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHalf a`,
    ],
    ['no boundary', 'multipart/form-data', (csrf) => `${part('_csrf', csrf)}--${boundary}--\r\n`],
    [
      'a boundary that does not match',
      'multipart/form-data; boundary=somethingElse',
      (csrf) => `${part('_csrf', csrf)}--${boundary}--\r\n`,
    ],
    [
      'a part without headers',
      type,
      (csrf) => `${part('_csrf', csrf)}--${boundary}\r\n\r\nvalue\r\n--${boundary}--\r\n`,
    ],
    [
      'a malformed part header',
      type,
      (csrf) =>
        `${part('_csrf', csrf)}--${boundary}\r\nContent-Disposition form-data name=x\r\n\r\nvalue\r\n--${boundary}--\r\n`,
    ],
    [
      'too many parts',
      type,
      (csrf) =>
        `${part('_csrf', csrf)}${Array.from({ length: 1100 }, (_, i) => part(`f${i}`, 'x')).join('')}--${boundary}--\r\n`,
    ],
    [
      'a control character in a part name',
      type,
      (csrf) => `${part('_csrf', csrf)}${part('ti\u0001tle', 'x')}--${boundary}--\r\n`,
    ],
    [
      'a prototype property as a part name',
      type,
      (csrf) => `${part('_csrf', csrf)}${part('__proto__', 'x')}--${boundary}--\r\n`,
    ],
  ];

  it.each(BROKEN)('the evidence upload refuses %s with a translated 400', async (_name, contentType, body) => {
    const visitor = await visitorFor(people.practitioner, 'cy');
    const url = `/schools/${school.number}/evidence/new`;
    const token = await visitor.csrfToken(url);
    const before = await countRows(t.database.db, 'evidence');
    const response = await postRaw(visitor, url, contentType, body(token));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('lang="cy"');
    expect(await countRows(t.database.db, 'evidence')).toBe(before);
  });

  it.each(BROKEN)('the directory import refuses %s with a translated 400', async (_name, contentType, body) => {
    const visitor = await visitorFor(admin, 'cy');
    const token = await visitor.csrfToken('/admin/directory');
    const before = await countRows(t.database.db, 'directory_imports');
    const response = await postRaw(visitor, '/admin/directory/preview', contentType, body(token));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('lang="cy"');
    expect(await countRows(t.database.db, 'directory_imports')).toBe(before);
  });

  it('a url-encoded body to an upload route is read as a form without files, not a failure', async () => {
    const visitor = await visitorFor(admin);
    const token = await visitor.csrfToken('/admin/directory');
    const response = await visitor.post('/admin/directory/preview', {}, { csrf: token });
    expect(response.statusCode).toBe(400);
  });

  it('an unsupported content type is a 400', async () => {
    const visitor = await visitorFor(admin);
    const response = await postRaw(visitor, '/admin/directory/preview', 'application/x-unknown', 'x');
    expect(response.statusCode).toBe(400);
  });

  it('invalid JSON is a 400', async () => {
    const visitor = await visitorFor(people.headteacher);
    const response = await postRaw(
      visitor,
      `/schools/${school.number}/priorities/${priority.id}/edit`,
      'application/json',
      '{"title":',
    );
    expect(response.statusCode).toBe(400);
  });
});
