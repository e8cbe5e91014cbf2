import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidence, evidenceAttachments } from '../../db/schema/index.ts';
import { derivePurposeKeys } from '../../lib/secrets.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { postMultipart, type UploadFile } from '../../../test/support/multipart.ts';
import { SAMPLE_FILES } from '../../../test/support/sample-files.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { shareEvidence } from '../../../test/support/evidence-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let dataDir: string;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let otherPractitioner: TestUser;
const [year, month, day] = new Date().toISOString().slice(0, 10).split('-') as [string, string, string];
const fields = (title: string) => ({
  source: 'learners_work',
  'observedOn-day': day,
  'observedOn-month': month,
  'observedOn-year': year,
  firstHand: 'yes',
  title,
});
const file = (fileName: string, content: Buffer, contentType = 'application/pdf'): UploadFile => ({
  field: 'attachments',
  fileName,
  content,
  contentType,
});
const visitorFor = async (user: TestUser) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const newUrl = () => `/schools/${school.number}/evidence/new`;
const created = (location: unknown) => /\/evidence\/([0-9a-f-]{36})\?saved=created$/.exec(String(location))?.[1];
const attachmentsOf = (id: string) =>
  t.database.db.select().from(evidenceAttachments).where(eq(evidenceAttachments.evidenceId, id));

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-attachments-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  school = await buildSchool(t.database.db);
  people = await buildSchoolPeople(t.database.db, school);
  otherPractitioner = await buildUser(t.database.db, {
    role: 'practitioner',
    scopeId: (await buildSchool(t.database.db)).number,
  });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('attaching files', () => {
  it('stores each accepted kind outside the web root, named by its SHA-256, with its real type', async () => {
    const files = [
      file('walk.pdf', SAMPLE_FILES.pdf),
      file('photo.jpg', SAMPLE_FILES.jpg, 'image/jpeg'),
      file('notes.docx', SAMPLE_FILES.docx),
      file('data.ods', SAMPLE_FILES.ods),
      file('figures.csv', SAMPLE_FILES.csv, 'text/csv'),
    ];
    const response = await postMultipart(
      t.app,
      await visitorFor(people.practitioner),
      newUrl(),
      fields('Five files'),
      files,
    );
    expect(response.statusCode).toBe(303);
    const rows = await attachmentsOf(created(response.headers.location)!);
    expect(rows.map((r) => [r.fileName, r.contentType]).sort()).toEqual([
      ['data.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['figures.csv', 'text/csv; charset=utf-8'],
      ['notes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['photo.jpg', 'image/jpeg'],
      ['walk.pdf', 'application/pdf'],
    ]);
    for (const row of rows)
      expect(fs.readFileSync(path.join(dataDir, 'attachments', row.sha256)).length).toBe(row.sizeBytes);
  });

  it('refuses a program renamed .pdf, whatever the browser says it is', async () => {
    const response = await postMultipart(
      t.app,
      await visitorFor(people.practitioner),
      newUrl(),
      fields('Renamed program'),
      [file('report.pdf', SAMPLE_FILES.exe, 'application/pdf')],
    );
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('report.pdf is not a kind of file you can attach');
    expect(await t.database.db.select().from(evidence).where(eq(evidence.title, 'Renamed program'))).toEqual([]);
  });

  it('refuses a file over 10 MB and a file whose content does not match its name', async () => {
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(11 * 1024 * 1024, 0x20)]);
    const response = await postMultipart(t.app, await visitorFor(people.practitioner), newUrl(), fields('Too big'), [
      file('big.pdf', big),
      file('photo.pdf', SAMPLE_FILES.png, 'image/png'),
    ]);
    expect(response.statusCode).toBe(400);
    const text = pageText(response.body);
    expect(text).toContain('big.pdf is larger than 10 MB');
    expect(text).toContain('What is inside photo.pdf does not match its name');
  });

  it('refuses more than five files on one item', async () => {
    const six = Array.from({ length: 6 }, (_, i) => file(`page-${i}.txt`, Buffer.from(`page ${i}`), 'text/plain'));
    const response = await postMultipart(
      t.app,
      await visitorFor(people.practitioner),
      newUrl(),
      fields('Six files'),
      six,
    );
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('Attach 5 files or fewer');
  });

  it('keeps files already uploaded when the form comes back with a mistake, and saves them with the item', async () => {
    const visitor = await visitorFor(people.practitioner);
    const first = await postMultipart(t.app, visitor, newUrl(), { ...fields(''), title: '' }, [
      file('kept.pdf', SAMPLE_FILES.pdf),
    ]);
    expect(first.statusCode).toBe(400);
    const token = /name="pendingAttachments" type="checkbox" value="([^"]+)" checked/.exec(first.body)?.[1];
    expect(token).toBeDefined();
    expect(pageText(first.body)).toContain('kept.pdf');
    const second = await postMultipart(t.app, visitor, newUrl(), {
      ...fields('Kept file'),
      pendingAttachments: token!,
    });
    expect(second.statusCode).toBe(303);
    expect((await attachmentsOf(created(second.headers.location)!)).map((a) => a.fileName)).toEqual(['kept.pdf']);
  });

  it('ignores a carried file whose signature was tampered with', async () => {
    const forged = `${Buffer.from(JSON.stringify({ sha256: 'a'.repeat(64), fileName: 'x.pdf', contentType: 'application/pdf', sizeBytes: 1 })).toString('base64url')}.forged`;
    const response = await postMultipart(t.app, await visitorFor(people.practitioner), newUrl(), {
      ...fields('Forged'),
      pendingAttachments: forged,
    });
    expect(response.statusCode).toBe(303);
    expect(await attachmentsOf(created(response.headers.location)!)).toEqual([]);
  });

  it('ignores a carried file signed with the cookie secret or the cookie key instead of its own key', async () => {
    const visitor = await visitorFor(people.practitioner);
    const first = await postMultipart(t.app, visitor, newUrl(), { ...fields(''), title: '' }, [
      file('uploaded.pdf', SAMPLE_FILES.pdf),
    ]);
    const payload = /name="pendingAttachments" type="checkbox" value="([^".]+)\.[^"]+" checked/.exec(first.body)?.[1];
    expect(payload).toBeDefined();
    const signedWith = (key: string | Buffer) =>
      `${payload}.${createHmac('sha256', key).update(`attachment:${payload}`).digest('base64url')}`;
    for (const key of [t.config.cookieSecret, derivePurposeKeys(t.config.cookieSecret).cookies]) {
      const response = await postMultipart(t.app, visitor, newUrl(), {
        ...fields('Replayed'),
        pendingAttachments: signedWith(key),
      });
      expect(response.statusCode).toBe(303);
      expect(await attachmentsOf(created(response.headers.location)!)).toEqual([]);
    }
    // The same payload signed with the attachment-link key is carried, so only the key made the difference.
    const genuine = await postMultipart(t.app, visitor, newUrl(), {
      ...fields('Genuine'),
      pendingAttachments: signedWith(derivePurposeKeys(t.config.cookieSecret).attachmentLinks),
    });
    expect((await attachmentsOf(created(genuine.headers.location)!)).map((a) => a.fileName)).toEqual(['uploaded.pdf']);
  });
});

describe('downloading an attachment', () => {
  let itemUrl: string;
  let downloadUrl: string;

  beforeAll(async () => {
    const response = await postMultipart(
      t.app,
      await visitorFor(people.headteacher),
      newUrl(),
      fields('Attendance figures'),
      [file('Presenoldeb – ffigurau.csv', SAMPLE_FILES.csv, 'text/csv')],
    );
    const id = created(response.headers.location)!;
    const [attachment] = await attachmentsOf(id);
    itemUrl = `/schools/${school.number}/evidence/${id}`;
    downloadUrl = `${itemUrl}/attachments/${attachment!.id}`;
  });

  it('gives staff the file as a download with its stored type, and links it from the item page', async () => {
    const page = await (await visitorFor(people.practitioner)).get(itemUrl);
    expect(page.body).toContain(`href="${downloadUrl}"`);
    const response = await (await visitorFor(people.practitioner)).get(downloadUrl);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Presenoldeb _ ffigurau.csv"; filename*=UTF-8''${encodeURIComponent('Presenoldeb – ffigurau.csv')}`,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.rawPayload.equals(SAMPLE_FILES.csv)).toBe(true);
  });

  it('gives governors and the LA nothing until the item is shared with them, and never another school', async () => {
    for (const user of [people.governor, people.laOfficer, otherPractitioner, people.otherHeadteacher]) {
      expect((await (await visitorFor(user)).get(downloadUrl)).statusCode, user.role ?? '').toBe(404);
    }
    await shareEvidence(t.database.db, school.number, itemUrl.split('/').pop()!, 'governors');
    expect((await (await visitorFor(people.governor)).get(downloadUrl)).statusCode).toBe(200);
    expect((await (await visitorFor(people.laOfficer)).get(downloadUrl)).statusCode).toBe(404);
    expect((await (await visitorFor(people.otherGovernor)).get(downloadUrl)).statusCode).toBe(404);
    const anonymous = await new Visitor(t.app).get(downloadUrl);
    expect(anonymous.statusCode).toBe(303);
  });

  it('is a 404 for an attachment of another item', async () => {
    const other = await postMultipart(t.app, await visitorFor(people.headteacher), newUrl(), fields('Another'), [
      file('other.txt', SAMPLE_FILES.txt, 'text/plain'),
    ]);
    const [attachment] = await attachmentsOf(created(other.headers.location)!);
    expect(
      (await (await visitorFor(people.headteacher)).get(`${itemUrl}/attachments/${attachment!.id}`)).statusCode,
    ).toBe(404);
  });
});
