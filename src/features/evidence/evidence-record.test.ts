import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cycles, evidence } from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { multipartBody, postMultipart, type UploadFile } from '../../../test/support/multipart.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let dataDir: string;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let otherPractitioner: TestUser;
const today = new Date().toISOString().slice(0, 10);
const [year, month, day] = today.split('-') as [string, string, string];

const visitorFor = async (user: TestUser) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const newUrl = () => `/schools/${school.number}/evidence/new`;
const required = (overrides: Record<string, string | string[]> = {}) => ({
  source: 'learning_walk',
  'observedOn-day': day,
  'observedOn-month': month,
  'observedOn-year': year,
  firstHand: 'yes',
  title: 'Reading in Year 5',
  ...overrides,
});
const add = async (user: TestUser, fields: Record<string, string | string[]>, files: UploadFile[] = []) =>
  postMultipart(t.app, await visitorFor(user), newUrl(), fields, files);
const itemIdFrom = (location: unknown) => /\/evidence\/([0-9a-f-]{36})\?saved=created$/.exec(String(location))?.[1];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cydwella-evidence-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  school = await buildSchool(t.database.db, { name: 'Ysgol Y Berllan Deg' });
  people = await buildSchoolPeople(t.database.db, school);
  const other = await buildSchool(t.database.db);
  otherPractitioner = await buildUser(t.database.db, { role: 'practitioner', scopeId: other.number });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the add evidence page', () => {
  it('is open to every member of staff, practitioners included, with today filled in', async () => {
    for (const user of [people.headteacher, people.leader, people.practitioner]) {
      const page = await (await visitorFor(user)).get(newUrl());
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('enctype="multipart/form-data"');
      expect(page.body).toContain(`name="observedOn-day" type="text" value="${Number(day)}"`);
    }
  });

  it('is not there for governors, the LA or another school, and asks the anonymous to sign in', async () => {
    expect((await (await visitorFor(people.governor)).get(newUrl())).statusCode).toBe(403);
    expect((await (await visitorFor(people.laOfficer)).get(newUrl())).statusCode).toBe(403);
    expect((await (await visitorFor(otherPractitioner)).get(newUrl())).statusCode).toBe(404);
    expect((await (await visitorFor(people.otherHeadteacher)).get(newUrl())).statusCode).toBe(404);
    const anonymous = await new Visitor(t.app).get(newUrl());
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent(newUrl())}`);
  });

  it('speaks Welsh', async () => {
    const visitor = await visitorFor(people.practitioner);
    const page = await visitor.get(`${newUrl()}?lang=cy`);
    expect(pageText(page.body)).toContain('Cofnodi tystiolaeth');
    expect(pageText(page.body)).toContain('Pa fath o dystiolaeth yw hi?');
    expect(page.body).toContain('Dewis ffeiliau');
  });
});

describe('recording evidence', () => {
  it('needs only source, date, first-hand and title; a practitioner starts the cycle if there is none', async () => {
    const before = await t.database.db.select().from(cycles).where(eq(cycles.schoolNumber, school.number));
    expect(before).toEqual([]);
    const response = await add(people.practitioner, required());
    expect(response.statusCode).toBe(303);
    const id = itemIdFrom(response.headers.location)!;
    const [item] = await t.database.db.select().from(evidence).where(eq(evidence.id, id));
    const [cycle] = await t.database.db.select().from(cycles).where(eq(cycles.schoolNumber, school.number));
    expect(cycle!.academicYear).toBe(academicYearOf(new Date()));
    expect(item).toMatchObject({
      cycleId: cycle!.id,
      source: 'learning_walk',
      observedOn: today,
      firstHand: true,
      fromBeyond: false,
      title: 'Reading in Year 5',
      curated: false,
      createdBy: people.practitioner.id,
    });
    expect(item!.searchText).toBe('reading in year 5');
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toMatchObject({ action: 'evidence-create', actorId: people.practitioner.id });
  });

  it("keeps everything recorded: tags, text, beyond the school, the writer's language; a leader's item needs no review", async () => {
    const visitor = await visitorFor(people.leader);
    await visitor.get('/?lang=cy');
    const response = await postMultipart(
      t.app,
      visitor,
      newUrl(),
      required({
        fromBeyond: 'beyond',
        firstHand: 'no',
        title: 'Llais y dysgwyr',
        body: 'Mae dysgwyr yn mwynhau darllen.',
        nifThemes: ['curriculum_teaching'],
        areas: ['languages_literacy', 'skill_literacy'],
        principles: 'effective_learner',
        learnerGroups: ['boys', 'efsm'],
        nationalPriorities: ['literacy', 'not_a_priority'],
      }),
    );
    expect(response.statusCode).toBe(303);
    const [item] = await t.database.db
      .select()
      .from(evidence)
      .where(eq(evidence.id, itemIdFrom(response.headers.location)!));
    expect(item).toMatchObject({
      fromBeyond: true,
      firstHand: false,
      language: 'cy',
      curated: true,
      body: 'Mae dysgwyr yn mwynhau darllen.',
      nifThemes: ['curriculum_teaching'],
      areas: ['languages_literacy', 'skill_literacy'],
      principles: ['effective_learner'],
      learnerGroups: ['boys', 'efsm'],
      nationalPriorities: ['literacy'],
    });
  });

  it('shows every mistake at once, keeps what was typed, and saves nothing (status 400)', async () => {
    const count = (await t.database.db.select().from(evidence)).length;
    const response = await add(people.practitioner, {
      'observedOn-day': '31',
      'observedOn-month': '2',
      'observedOn-year': year,
      body: 'Kept text',
      areas: 'humanities',
    });
    expect(response.statusCode).toBe(400);
    const text = pageText(response.body);
    for (const message of [
      'Select what kind of evidence it is',
      'The date must be a real date',
      'Select whether it is first-hand evidence',
      'Enter a title',
    ])
      expect(text).toContain(message);
    expect(response.body).toContain('Kept text');
    expect(response.body).toMatch(/value="humanities" checked/);
    expect((await t.database.db.select().from(evidence)).length).toBe(count);
  });

  it('refuses a date in the future', async () => {
    const next = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10).split('-');
    const response = await add(
      people.practitioner,
      required({ 'observedOn-day': next[2]!, 'observedOn-month': next[1]!, 'observedOn-year': next[0]! }),
    );
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('The date must be today or in the past');
  });

  it('checks the CSRF token of a multipart form', async () => {
    const visitor = await visitorFor(people.practitioner);
    const cookie = Object.entries(visitor.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const { payload, contentType } = multipartBody(required());
    const response = await t.app.inject({
      method: 'POST',
      url: newUrl(),
      headers: { cookie, 'content-type': contentType },
      payload,
    });
    expect(response.statusCode).toBe(403);
  });

  it('lets nobody but staff record evidence', async () => {
    expect((await add(people.governor, required())).statusCode).toBe(403);
    expect((await add(people.laOfficer, required())).statusCode).toBe(403);
    expect(
      (
        await postMultipart(t.app, await visitorFor(otherPractitioner), newUrl(), required(), [], {
          tokenFrom: '/account/password',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('the learner-data warning', () => {
  it('stops a full name until the writer confirms, then saves', async () => {
    const fields = required({
      title: 'Reading conference',
      body: 'Dylan Williams in Year 5 read aloud with expression.',
    });
    const first = await add(people.practitioner, fields);
    expect(first.statusCode).toBe(400);
    const text = pageText(first.body);
    expect(text).toContain('This might identify a learner');
    expect(text).toContain("“Dylan Williams” looks like a person's full name.");
    expect(text).toContain('I have checked: this does not identify a learner');
    expect(first.body).toContain('href="#learnerDataChecked"');
    expect((await t.database.db.select().from(evidence).where(eq(evidence.title, 'Reading conference'))).length).toBe(
      0,
    );
    const confirmed = await add(people.practitioner, { ...fields, learnerDataChecked: 'yes' });
    expect(confirmed.statusCode).toBe(303);
    const id = itemIdFrom(confirmed.headers.location)!;
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect((audit!.after as { learnerDataConfirmed: string[] }).learnerDataConfirmed).toEqual(['full_name']);
  });

  it('lets the writer change the text instead', async () => {
    const flagged = await add(people.practitioner, required({ title: 'Spoke with B801200005001' }));
    expect(flagged.statusCode).toBe(400);
    expect(pageText(flagged.body)).toContain('“B801200005001” is a Unique Pupil Number.');
    const edited = await add(people.practitioner, required({ title: 'Spoke with a Year 6 learner' }));
    expect(edited.statusCode).toBe(303);
  });

  it('warns in Welsh about Welsh text, naming the reason and the words', async () => {
    const visitor = await visitorFor(people.practitioner);
    await visitor.get('/?lang=cy');
    const fields = required({
      title: 'Sgwrs ddarllen',
      body: 'Dywedodd Siân Roberts ym Mlwyddyn 6 ei bod yn mwynhau darllen.',
    });
    const first = await postMultipart(t.app, visitor, newUrl(), fields);
    expect(first.statusCode).toBe(400);
    const text = pageText(first.body);
    expect(text).toContain('Gallai hyn adnabod dysgwr');
    expect(text).toContain('Mae “Siân Roberts” yn edrych fel enw llawn person.');
    expect(text).toContain('Rydw i wedi gwirio: nid yw hyn yn adnabod dysgwr');
    const confirmed = await postMultipart(t.app, visitor, newUrl(), { ...fields, learnerDataChecked: 'yes' });
    expect(confirmed.statusCode).toBe(303);
  });

  it("does not flag the school's own name or reference labels", async () => {
    const response = await add(
      people.practitioner,
      required({
        title: 'Ysgol Y Berllan Deg: Expressive Arts',
        body: 'Berllan Deg learners enjoyed Health and Well-being and Y Celfyddydau Mynegiannol.',
      }),
    );
    expect(response.statusCode).toBe(303);
  });
});
