import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evidence, users } from '../../db/schema/index.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { postMultipart } from '../../../test/support/multipart.ts';
import { SAMPLE_FILES } from '../../../test/support/sample-files.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import {
  buildCycle,
  buildEvidence,
  shareEvidence,
  type EvidenceOverrides,
} from '../../../test/support/evidence-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let dataDir: string;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let otherPractitioner: TestUser;
let cycleId: string;

const visitorFor = async (user: TestUser) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const urlOf = (id: string) => `/schools/${school.number}/evidence/${id}`;
const editFields = (overrides: Record<string, string | string[]> = {}) => ({
  source: 'observation',
  'observedOn-day': '3',
  'observedOn-month': '10',
  'observedOn-year': '2026',
  firstHand: 'yes',
  fromBeyond: 'within',
  title: 'Edited title',
  body: 'Edited text',
  ...overrides,
});
async function item(overrides: EvidenceOverrides = {}) {
  const [row] = await buildEvidence(t.database.db, school.number, cycleId, [
    {
      title: 'Oracy in Year 3',
      body: 'Learners explained their thinking.',
      nifThemes: ['curriculum_teaching'],
      areas: ['languages_literacy'],
      nationalPriorities: ['literacy'],
      ...overrides,
    },
  ]);
  return row!;
}
const current = async (id: string) => (await t.database.db.select().from(evidence).where(eq(evidence.id, id)))[0]!;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-evidence-item-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  school = await buildSchool(t.database.db);
  people = await buildSchoolPeople(t.database.db, school);
  otherPractitioner = await buildUser(t.database.db, {
    role: 'practitioner',
    scopeId: (await buildSchool(t.database.db)).number,
  });
  cycleId = (await buildCycle(t.database.db, school.number)).id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the evidence item page', () => {
  it('shows staff everything recorded, who recorded it, tags as tags, and the sharing panel', async () => {
    const row = await item({ createdBy: people.practitioner.id, fromBeyond: true, firstHand: false, curated: false });
    const [author] = await t.database.db.select().from(users).where(eq(users.id, people.practitioner.id));
    for (const user of [people.headteacher, people.leader, people.practitioner]) {
      const page = await (await visitorFor(user)).get(urlOf(row.id));
      expect(page.statusCode).toBe(200);
      const text = pageText(page.body);
      const expected = [
        'Oracy in Year 3',
        'Learners explained their thinking.',
        'Learning walk',
        'Someone from beyond the school',
        'To review',
        'Curriculum, learning and teaching',
        author!.displayName,
        'Who can see this',
        'Only staff of this school can see it.',
      ];
      for (const words of expected) expect(text, words).toContain(words);
      expect(page.body).toContain('class="govuk-tag govuk-tag--blue cyd-tag">Languages, Literacy and Communication');
      expect(page.body).toContain('class="govuk-tag govuk-tag--blue cyd-tag">Literacy');
    }
  });

  it('offers leaders review, change and archive; the writer only change, until reviewed', async () => {
    const row = await item({ createdBy: people.practitioner.id, curated: false });
    const leaderPage = (await (await visitorFor(people.leader)).get(urlOf(row.id))).body;
    expect(leaderPage).toContain(`action="${urlOf(row.id)}/review"`);
    expect(leaderPage).toContain(`action="${urlOf(row.id)}/archive"`);
    expect(leaderPage).toContain(`href="${urlOf(row.id)}/edit"`);
    const writerPage = (await (await visitorFor(people.practitioner)).get(urlOf(row.id))).body;
    expect(writerPage).toContain(`href="${urlOf(row.id)}/edit"`);
    expect(writerPage).not.toContain('/review"');
    expect(writerPage).not.toContain('/archive"');
    const colleague = await buildUser(t.database.db, { role: 'practitioner', scopeId: school.number });
    expect((await (await visitorFor(colleague)).get(urlOf(row.id))).body).not.toContain(`href="${urlOf(row.id)}/edit"`);
  });

  it('is a 404 for another school, and for a governor or the LA until shared with them', async () => {
    const row = await item();
    for (const user of [
      otherPractitioner,
      people.otherHeadteacher,
      people.governor,
      people.laOfficer,
      people.otherGovernor,
      people.otherLaOfficer,
    ]) {
      expect((await (await visitorFor(user)).get(urlOf(row.id))).statusCode).toBe(404);
    }
    await shareEvidence(t.database.db, school.number, row.id, 'la');
    const laPage = await (await visitorFor(people.laOfficer)).get(urlOf(row.id));
    expect(laPage.statusCode).toBe(200);
    expect(laPage.body).not.toContain('/edit"');
    expect(laPage.body).not.toContain('Sharing history');
    expect((await (await visitorFor(people.governor)).get(urlOf(row.id))).statusCode).toBe(404);
    expect((await (await visitorFor(people.otherLaOfficer)).get(urlOf(row.id))).statusCode).toBe(404);
  });

  it('asks the anonymous to sign in and treats a malformed id as missing', async () => {
    const row = await item();
    const anonymous = await new Visitor(t.app).get(urlOf(row.id));
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent(urlOf(row.id))}`);
    expect((await (await visitorFor(people.headteacher)).get(urlOf('not-a-uuid'))).statusCode).toBe(404);
  });

  it('speaks Welsh', async () => {
    const row = await item();
    const visitor = await visitorFor(people.headteacher);
    const text = pageText((await visitor.get(`${urlOf(row.id)}?lang=cy`)).body);
    expect(text).toContain('Beth a welwyd neu a glywyd');
    expect(text).toContain('Ieithoedd, Llythrennedd a Chyfathrebu');
    expect(text).toContain('Llythrennedd');
  });
});

describe('reviewing and archiving', () => {
  it('lets a leader mark an item reviewed, audited; a practitioner may not', async () => {
    const row = await item({ curated: false });
    expect(
      (
        await (
          await visitorFor(people.practitioner)
        ).post(`${urlOf(row.id)}/review`, { version: '1' }, { tokenFrom: urlOf(row.id) })
      ).statusCode,
    ).toBe(403);
    const response = await (
      await visitorFor(people.leader)
    ).post(`${urlOf(row.id)}/review`, { version: '1' }, { tokenFrom: urlOf(row.id) });
    expect(response.headers.location).toBe(`${urlOf(row.id)}?saved=reviewed`);
    expect(await current(row.id)).toMatchObject({ curated: true, version: 2 });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'evidence-review')));
    expect(audit!.actorId).toBe(people.leader.id);
  });

  it('refuses to review from a stale page (409)', async () => {
    const row = await item({ curated: false, version: 3 });
    const response = await (
      await visitorFor(people.leader)
    ).post(`${urlOf(row.id)}/review`, { version: '2' }, { tokenFrom: urlOf(row.id) });
    expect(response.statusCode).toBe(409);
    expect(pageText(response.body)).toContain('Someone changed this evidence after you opened it');
    expect((await current(row.id)).curated).toBe(false);
  });

  it('archives and restores; an archived item is hidden from those it was shared with', async () => {
    const row = await item();
    await shareEvidence(t.database.db, school.number, row.id, 'governors');
    expect((await (await visitorFor(people.governor)).get(urlOf(row.id))).statusCode).toBe(200);
    const leader = await visitorFor(people.leader);
    const archived = await leader.post(
      `${urlOf(row.id)}/archive`,
      { version: '1', archived: 'true' },
      { tokenFrom: urlOf(row.id) },
    );
    expect(archived.headers.location).toBe(`${urlOf(row.id)}?saved=archived`);
    expect((await (await visitorFor(people.governor)).get(urlOf(row.id))).statusCode).toBe(404);
    expect(pageText((await leader.get(urlOf(row.id))).body)).toContain('Archived');
    const restored = await leader.post(
      `${urlOf(row.id)}/archive`,
      { version: '2', archived: 'false' },
      { tokenFrom: urlOf(row.id) },
    );
    expect(restored.headers.location).toBe(`${urlOf(row.id)}?saved=restored`);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, row.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['evidence-archive', 'evidence-restore']);
    expect(
      (
        await (
          await visitorFor(people.practitioner)
        ).post(`${urlOf(row.id)}/archive`, { version: '3', archived: 'true' }, { tokenFrom: urlOf(row.id) })
      ).statusCode,
    ).toBe(403);
  });
});

describe('changing evidence', () => {
  it('lets a practitioner change their own item until a leader has reviewed it', async () => {
    const row = await item({ createdBy: people.practitioner.id, curated: false });
    const visitor = await visitorFor(people.practitioner);
    expect((await visitor.get(`${urlOf(row.id)}/edit`)).statusCode).toBe(200);
    const saved = await postMultipart(t.app, visitor, `${urlOf(row.id)}/edit`, { ...editFields(), version: '1' });
    expect(saved.headers.location).toBe(`${urlOf(row.id)}?saved=updated`);
    expect(await current(row.id)).toMatchObject({
      title: 'Edited title',
      body: 'Edited text',
      source: 'observation',
      observedOn: '2026-10-03',
      searchText: 'edited title edited text',
      version: 2,
    });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'evidence-update')));
    expect(audit!.before).toMatchObject({ title: 'Oracy in Year 3' });
    await t.database.db.update(evidence).set({ curated: true }).where(eq(evidence.id, row.id));
    expect((await visitor.get(`${urlOf(row.id)}/edit`)).statusCode).toBe(403);
    expect(
      (
        await postMultipart(t.app, visitor, `${urlOf(row.id)}/edit`, { ...editFields(), version: '2' }, [], {
          tokenFrom: urlOf(row.id),
        })
      ).statusCode,
    ).toBe(403);
  });

  it("does not let a practitioner change a colleague's item; leaders change any", async () => {
    const row = await item({ createdBy: people.leader.id, curated: false });
    expect((await (await visitorFor(people.practitioner)).get(`${urlOf(row.id)}/edit`)).statusCode).toBe(403);
    const saved = await postMultipart(t.app, await visitorFor(people.headteacher), `${urlOf(row.id)}/edit`, {
      ...editFields({ title: 'By the head' }),
      version: '1',
    });
    expect(saved.statusCode).toBe(303);
    expect((await current(row.id)).title).toBe('By the head');
  });

  it('shows the second of two editors what the first saved, theirs beside yours, and saves nothing (409)', async () => {
    const row = await item({ createdBy: people.leader.id });
    const first = await visitorFor(people.leader);
    const second = await visitorFor(people.headteacher);
    const secondForm = await second.get(`${urlOf(row.id)}/edit`);
    expect(secondForm.body).toContain('name="version" value="1"');
    expect(
      (
        await postMultipart(t.app, first, `${urlOf(row.id)}/edit`, {
          ...editFields({ title: 'First editor' }),
          version: '1',
        })
      ).statusCode,
    ).toBe(303);
    const conflict = await postMultipart(t.app, second, `${urlOf(row.id)}/edit`, {
      ...editFields({ title: 'Second editor' }),
      version: '1',
    });
    expect(conflict.statusCode).toBe(409);
    const text = pageText(conflict.body);
    expect(text).toContain('Someone else saved changes while you were editing');
    expect(text).toMatch(
      /Title<\/th>\s*<td class="govuk-table__cell cyd-answer">First editor<\/td>\s*<td class="govuk-table__cell cyd-answer">Second editor<\/td>/,
    );
    expect(conflict.body).toContain('name="version" value="2"');
    expect(conflict.body).toContain('value="Second editor"');
    expect((await current(row.id)).title).toBe('First editor');
    const again = await postMultipart(t.app, second, `${urlOf(row.id)}/edit`, {
      ...editFields({ title: 'Second editor' }),
      version: '2',
    });
    expect(again.statusCode).toBe(303);
    expect((await current(row.id)).title).toBe('Second editor');
  });

  it('does not ask again about words already confirmed when the item was saved', async () => {
    const row = await item({
      createdBy: people.leader.id,
      body: 'Gwenllian Morgan (our Welsh coordinator) led the session.',
    });
    const saved = await postMultipart(t.app, await visitorFor(people.leader), `${urlOf(row.id)}/edit`, {
      ...editFields({
        title: 'Welsh oracy session',
        body: 'Gwenllian Morgan (our Welsh coordinator) led the session well.',
      }),
      version: '1',
    });
    expect(saved.statusCode).toBe(303);
  });

  it('adds and removes attachments when editing, and checks the text again', async () => {
    const visitor = await visitorFor(people.headteacher);
    const made = await postMultipart(
      t.app,
      visitor,
      `/schools/${school.number}/evidence/new`,
      { ...editFields({ title: 'With a file' }) },
      [{ field: 'attachments', fileName: 'a.pdf', content: SAMPLE_FILES.pdf }],
    );
    const id = /evidence\/([0-9a-f-]{36})/.exec(String(made.headers.location))![1]!;
    const form = (await visitor.get(`${urlOf(id)}/edit`)).body;
    const attachmentId = /name="removeAttachments" type="checkbox" value="([0-9a-f-]{36})"/.exec(form)![1]!;
    const flagged = await postMultipart(
      t.app,
      visitor,
      `${urlOf(id)}/edit`,
      { ...editFields({ body: 'Cerys Price read well.' }), version: '1', removeAttachments: attachmentId },
      [{ field: 'attachments', fileName: 'b.png', content: SAMPLE_FILES.png }],
    );
    expect(flagged.statusCode).toBe(400);
    expect(pageText(flagged.body)).toContain("“Cerys Price” looks like a person's full name.");
    const token = /name="pendingAttachments" type="checkbox" value="([^"]+)" checked/.exec(flagged.body)![1]!;
    const saved = await postMultipart(t.app, visitor, `${urlOf(id)}/edit`, {
      ...editFields({ body: 'A learner read well.' }),
      version: '1',
      removeAttachments: attachmentId,
      pendingAttachments: token,
    });
    expect(saved.statusCode).toBe(303);
    const page = pageText((await visitor.get(urlOf(id))).body);
    expect(page).toContain('b.png');
    expect(page).not.toContain('a.pdf');
  });
});

describe('every route that changes evidence', () => {
  it('refuses governors and the LA (403) even on shared items, hides the school from others (404) and asks the anonymous to sign in', async () => {
    const row = await item({ curated: false });
    await shareEvidence(t.database.db, school.number, row.id, 'governors');
    await shareEvidence(t.database.db, school.number, row.id, 'la');
    const url = urlOf(row.id);
    // A token from a page everyone signed in can open: the refusal must come from the route itself.
    const token = { tokenFrom: '/account/password' };
    const attempts: Record<string, (v: Visitor) => Promise<{ statusCode: number; headers: Record<string, unknown> }>> =
      {
        'GET edit': (v) => v.get(`${url}/edit`),
        'POST edit': (v) => postMultipart(t.app, v, `${url}/edit`, { ...editFields(), version: '1' }, [], token),
        'POST new': (v) => postMultipart(t.app, v, `/schools/${school.number}/evidence/new`, editFields(), [], token),
        'POST review': (v) => v.post(`${url}/review`, { version: '1' }, token),
        'POST archive': (v) => v.post(`${url}/archive`, { version: '1', archived: 'true' }, token),
      };
    for (const [name, attempt] of Object.entries(attempts)) {
      for (const user of [people.governor, people.laOfficer])
        expect((await attempt(await visitorFor(user))).statusCode, `${name} ${user.role}`).toBe(403);
      for (const user of [otherPractitioner, people.otherHeadteacher])
        expect((await attempt(await visitorFor(user))).statusCode, `${name} ${user.role}`).toBe(404);
    }
    for (const path of ['/review', '/archive', '/edit']) {
      const anonymous = await new Visitor(t.app).post(`${url}${path}`, {}, { csrf: false });
      expect(anonymous.statusCode, path).toBe(303);
      expect(anonymous.headers.location).toBe('/sign-in');
    }
    expect((await new Visitor(t.app).get(`${url}/edit`)).headers.location).toBe(
      `/sign-in?next=${encodeURIComponent(`${url}/edit`)}`,
    );
    expect(await current(row.id)).toMatchObject({
      version: 1,
      curated: false,
      archived: false,
      title: 'Oracy in Year 3',
    });
  });
});
