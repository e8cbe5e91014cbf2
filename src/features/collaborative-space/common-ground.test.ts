import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative, buildFacilitator } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildCycle, buildEvidence, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { evidenceAttachments, shares } from '../../db/schema/index.ts';
import { attachmentStore } from '../evidence/attachment-store.ts';
import { derivePurposeKeys } from '../../lib/secrets.ts';

let t: TestApp;
let dataDir: string;
const LA = '671';
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
type School = Awaited<ReturnType<typeof buildSchool>>;
let a: School, b: School, c: School;
let x: { id: string }, empty: { id: string }, silent: { id: string };
let headA: TestUser, facilitator: TestUser, officer: TestUser;
const ids = {} as Record<'evidence' | 'attachment' | 'privateEvidence', string>;

async function shareWith(collaborativeId: string, schoolNumber: string, itemType: string, itemId: string) {
  await t.database.db
    .insert(shares)
    .values({ itemType, itemId, schoolNumber, audience: 'collaborative', audienceId: collaborativeId });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-space-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  const db = t.database.db;
  a = await buildSchool(db, { laCode: LA, name: 'Ysgol Afon' });
  b = await buildSchool(db, { laCode: LA, name: 'Bryn Primary' });
  c = await buildSchool(db, { laCode: LA, name: 'Castell High' });
  x = await buildCollaborative(db, { laCode: LA, members: [a, b, c], nameEn: 'Afon cluster', nameCy: 'Clwstwr Afon' });
  empty = await buildCollaborative(db, { laCode: LA, members: [a], nameEn: 'Other cluster' });
  silent = await buildCollaborative(db, { laCode: LA, members: [a], nameEn: 'Quiet cluster' });
  headA = await buildUser(db, { role: 'headteacher', scopeId: a.number });
  facilitator = await buildFacilitator(db, x.id, LA);
  officer = await buildUser(db, { role: 'la_officer', scopeId: LA });
  const [cycleA, cycleB, cycleC] = [
    await buildCycle(db, a.number),
    await buildCycle(db, b.number),
    await buildCycle(db, c.number),
  ];
  const pr = async (
    cycle: typeof cycleA,
    title: string,
    nifTheme: string | null,
    nationalPriorities: string[],
    state = 'agreed',
  ) => (await buildPriority(db, cycle, { title, nifTheme, nationalPriorities, state })).id;
  await shareWith(
    x.id,
    a.number,
    'priority',
    await pr(cycleA, 'Reading for eFSM learners', 'curriculum_teaching', ['literacy']),
  );
  await shareWith(
    x.id,
    a.number,
    'priority',
    await pr(cycleA, 'Oracy in the Foundation Learning', 'curriculum_teaching', ['literacy']),
  );
  await shareWith(
    x.id,
    b.number,
    'priority',
    await pr(cycleB, 'Numeracy across the curriculum', 'curriculum_teaching', ['numeracy']),
  );
  await shareWith(
    x.id,
    c.number,
    'priority',
    await pr(cycleC, 'Persistent absence in Year 9', 'wellbeing_equity', ['attendance', 'wellbeing']),
  );
  await shareWith(x.id, b.number, 'priority', await pr(cycleB, 'Last year, closed', 'vision_leadership', [], 'closed'));
  // Private to B, and shared with another audience only: neither counts.
  await pr(cycleB, 'Private draft on wellbeing', 'wellbeing_equity', ['wellbeing']);
  await shareWith(empty.id, a.number, 'priority', await pr(cycleA, 'Shared elsewhere', 'vision_leadership', []));

  const item = await buildEvidence(db, cycleA, { title: 'Reading survey' });
  ids.evidence = item.id;
  const store = attachmentStore(dataDir, derivePurposeKeys(t.config.cookieSecret).attachmentLinks);
  const sha256 = await store.save(Buffer.from('%PDF-1.4 survey'));
  const [attachment] = await db
    .insert(evidenceAttachments)
    .values({
      evidenceId: item.id,
      fileName: 'Arolwg darllen.pdf',
      contentType: 'application/pdf',
      sizeBytes: 15,
      sha256,
    })
    .returning();
  ids.attachment = attachment!.id;
  ids.privateEvidence = (await buildEvidence(db, cycleA, { title: 'Private' })).id;
  await shareWith(x.id, a.number, 'evidence', item.id);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the common ground', () => {
  it('groups the shared priorities by theme, counting schools, with themes only one school has apart', async () => {
    const response = await (await as(facilitator)).get(`/collaboratives/${x.id}/common-ground`);
    expect(response.statusCode).toBe(200);
    const text = pageText(response.body);
    const shared = text.slice(text.indexOf('Themes members share'), text.indexOf('By national priority'));
    expect(shared).toContain('Curriculum, learning and teaching');
    expect(shared).toContain('2 schools');
    expect(shared).toContain('Reading for eFSM learners');
    expect(shared).toContain('Numeracy across the curriculum');
    const single = text.slice(text.indexOf('Themes only one school has'));
    expect(single).toContain('Wellbeing, inclusion and equity');
    expect(single).toContain('1 school');
    expect(single).toContain('Castell High');
    expect(text).not.toContain('Private draft on wellbeing');
    expect(text).not.toContain('Shared elsewhere');
    expect(text).not.toContain('Last year, closed');
    expect(text.slice(text.indexOf('Themes no member'))).toContain('Vision, leadership and management');
  });

  it('counts schools per national priority in SQL, each school once', async () => {
    const html = (await (await as(headA)).get(`/collaboratives/${x.id}/common-ground`)).body;
    const table = html.slice(html.indexOf('By national priority'));
    const rowOf = (name: string) =>
      pageText(
        table
          .split(`>${name}</th>`)[1]!
          .split('</tr>')[0]!
          .replace(/<[^>]+>/g, '|'),
      )
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean);
    expect(rowOf('Literacy')).toEqual(['1', 'Ysgol Afon']);
    expect(rowOf('Attendance')).toEqual(['1', 'Castell High']);
  });

  it('speaks Welsh, and explains how to share when there is nothing yet', async () => {
    const welsh = pageText((await (await as(headA)).get(`/collaboratives/${x.id}/common-ground?lang=cy`)).body);
    expect(welsh).toContain('Tir cyffredin');
    expect(welsh).toContain('Cwricwlwm, dysgu ac addysgu');
    expect(welsh).toContain('2 ysgol');
    const none = pageText((await (await as(headA)).get(`/collaboratives/${silent.id}/common-ground`)).body);
    expect(none).toContain('No shared priorities yet');
    expect(none).toContain('In the sharing panel beside it, they choose the collaborative.');
    expect(none).toContain('The priority then counts towards the common ground of Quiet cluster.');
    const elsewhere = pageText((await (await as(headA)).get(`/collaboratives/${empty.id}/common-ground`)).body);
    expect(elsewhere).toContain('Shared elsewhere');
    expect(elsewhere).toContain('No theme is shared by two or more member schools yet.');
  });

  it('is a 403 for the LA officer who does not facilitate', async () => {
    expect((await (await as(officer)).get(`/collaboratives/${x.id}/common-ground`)).statusCode).toBe(403);
  });
});

describe('attachments of shared evidence', () => {
  it('are served through the space, only while the evidence is shared here', async () => {
    const visitor = await as(facilitator);
    const base = `/collaboratives/${x.id}/shared/evidence/${ids.evidence}`;
    const page = await visitor.get(base);
    expect(page.body).toContain(`href="${base}/attachments/${ids.attachment}"`);
    const file = await visitor.get(`${base}/attachments/${ids.attachment}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''Arolwg%20darllen.pdf");
    expect(file.body).toBe('%PDF-1.4 survey');
    expect(
      (
        await visitor.get(
          `/collaboratives/${x.id}/shared/evidence/${ids.privateEvidence}/attachments/${ids.attachment}`,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await as(headA)
        ).get(`/collaboratives/${empty.id}/shared/evidence/${ids.evidence}/attachments/${ids.attachment}`)
      ).statusCode,
    ).toBe(404);
  });
});
