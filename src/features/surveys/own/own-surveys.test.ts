import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../../test/support/audit-helpers.ts';
import { sessionCookie } from '../../../../test/support/factories.ts';
import { pageText, visibleText, Visitor } from '../../../../test/support/http.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  evidence,
  surveyAnswers,
  surveyInvitations,
  surveyQuestions,
  surveyResponses,
  surveys,
} from '../../../db/schema/index.ts';
import { QUESTION_LIBRARY } from './question-library.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const section = () => `/schools/${school.number}/surveys`;
const db = () => t.database.db;
const ownSurvey = async () =>
  (await db().select().from(surveys).where(eq(surveys.kind, 'own')).orderBy(asc(surveys.createdAt)))[0]!;
const questions = async (surveyId: string) =>
  db()
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.surveyId, surveyId))
    .orderBy(asc(surveyQuestions.position));
const responseCount = async () => (await db().select().from(surveyResponses)).length;
const txIds = async (query: SQL) =>
  ((await db().execute(query)) as unknown as { rows: { x: string }[] }).rows.map((r) => r.x);
const families = QUESTION_LIBRARY.families;

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database.db, { laCode: '681' });
  people = await buildSchoolPeople(t.database.db, school);
});
afterAll(() => t.close());

describe("a school's own survey", () => {
  it('lets only leaders build one, and refuses a draft without an audience or title', async () => {
    for (const user of [people.practitioner, people.governor, people.laOfficer, people.otherHeadteacher]) {
      const refused = await (
        await as(user)
      ).post(
        `${section()}/new`,
        { audience: 'families', titleEn: 'x' },
        {
          tokenFrom: '/',
        },
      );
      expect([403, 404]).toContain(refused.statusCode);
    }
    const head = await as(people.headteacher);
    const missing = await head.post(`${section()}/new`, { titleEn: '' }, { tokenFrom: `${section()}/new` });
    expect(missing.statusCode).toBe(400);
    expect(pageText(missing.body)).toContain('Choose who the survey is for');
    for (const body of [
      { audience: 'governors', titleEn: 'x' },
      { audience: 'families', titleEn: 'x'.repeat(121) },
    ]) {
      expect((await head.post(`${section()}/new`, body, { tokenFrom: `${section()}/new` })).statusCode).toBe(400);
    }
    expect(await db().select().from(surveys)).toHaveLength(0);
    const made = await head.post(
      `${section()}/new`,
      { audience: 'families', titleEn: 'Families survey', titleCy: 'Arolwg teuluoedd' },
      { tokenFrom: `${section()}/new` },
    );
    expect(made.statusCode).toBe(303);
    const survey = await ownSurvey();
    expect(made.headers.location).toBe(`${section()}/${survey.id}/build`);
    expect(survey).toMatchObject({
      state: 'draft',
      audience: 'families',
      title: { en: 'Families survey', cy: 'Arolwg teuluoedd' },
    });
    expect(await auditEntries(db(), 'survey-create')).toHaveLength(1);
    // A draft is not answered: its link says it is not open.
    expect((await new Visitor(t.app).get(`/survey/${survey.token}`)).statusCode).toBe(400);
    const draftPost = await new Visitor(t.app).post(`/survey/${survey.token}`, { v1: '5' }, { tokenFrom: '/sign-in' });
    expect(draftPost.statusCode).toBe(400);
    // A tampered link finds no survey.
    const tampered = survey.token.slice(0, -1) + (survey.token.endsWith('A') ? 'B' : 'A');
    expect((await new Visitor(t.app).get(`/survey/${tampered}`)).statusCode).toBe(404);
    const tamperedPost = await new Visitor(t.app).post(`/survey/${tampered}`, { v1: '5' }, { tokenFrom: '/sign-in' });
    expect(tamperedPost.statusCode).toBe(404);
    expect(await responseCount()).toBe(0);
  });

  it('adds library questions and own ones, edits, moves and removes them while a draft', async () => {
    const survey = await ownSurvey();
    const build = `${section()}/${survey.id}/build`;
    const head = await as(people.headteacher);
    const page = await head.get(build);
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain(families[0]!.text.en);
    const codes = [families[0]!.code, families[9]!.code, families[11]!.code]; // agreement, choice, text
    expect((await head.post(`${section()}/${survey.id}/library`, { codes }, { tokenFrom: build })).statusCode).toBe(
      303,
    );
    expect(
      (await head.post(`${section()}/${survey.id}/library`, { codes: ['no-such'] }, { tokenFrom: build })).statusCode,
    ).toBe(400);
    // Own question: a choice in English only, options one a line.
    const own = await head.post(
      `${section()}/${survey.id}/questions`,
      { kind: 'choice', textEn: 'Which day suits a meeting?', optionsEn: 'Monday\nWednesday\n\nFriday' },
      { tokenFrom: build },
    );
    expect(own.statusCode).toBe(303);
    const bad: Record<string, string>[] = [
      { kind: 'choice', textEn: 'One option only', optionsEn: 'Monday' },
      { kind: 'choice', textEn: 'Mismatch', textCy: 'Anghyson', optionsEn: 'A\nB', optionsCy: 'A' },
      { kind: 'text', textEn: '', textCy: '' },
      { kind: 'scale', textEn: 'x' },
      { kind: 'text', textEn: 'x'.repeat(301) },
    ];
    for (const body of bad) {
      expect((await head.post(`${section()}/${survey.id}/questions`, body, { tokenFrom: build })).statusCode).toBe(400);
    }
    let qs = await questions(survey.id);
    expect(qs.map((q) => q.kind)).toEqual(['agreement', 'choice', 'text', 'choice']);
    expect(qs[3]!.options).toEqual([{ en: 'Monday' }, { en: 'Wednesday' }, { en: 'Friday' }]);
    expect(qs[0]!.text).toEqual(families[0]!.text);
    // Move the own question up, then edit it with a Welsh version.
    const move = `${section()}/${survey.id}/questions/${qs[3]!.id}/move`;
    expect((await head.post(move, { direction: 'up' }, { tokenFrom: build })).statusCode).toBe(303);
    expect((await head.post(move, { direction: 'sideways' }, { tokenFrom: build })).statusCode).toBe(400);
    qs = await questions(survey.id);
    expect(qs.map((q) => q.kind)).toEqual(['agreement', 'choice', 'choice', 'text']);
    expect(qs[2]!.text.en).toBe('Which day suits a meeting?');
    const edit = `${section()}/${survey.id}/questions/${qs[2]!.id}`;
    expect((await head.get(edit)).statusCode).toBe(200);
    const saved = await head.post(
      edit,
      {
        kind: 'choice',
        textEn: 'Which day suits a meeting?',
        textCy: "Pa ddiwrnod sy'n gyfleus ar gyfer cyfarfod?",
        optionsEn: 'Monday\nWednesday\nFriday',
        optionsCy: 'Dydd Llun\nDydd Mercher\nDydd Gwener',
      },
      { tokenFrom: edit },
    );
    expect(saved.statusCode).toBe(303);
    // Remove the first question: the rest close up to positions 1..3.
    expect(
      (await head.post(`${section()}/${survey.id}/questions/${qs[0]!.id}/remove`, {}, { tokenFrom: build })).statusCode,
    ).toBe(303);
    qs = await questions(survey.id);
    expect(qs.map((q) => q.position)).toEqual([1, 2, 3]);
    expect(qs[1]!.options[2]).toEqual({ en: 'Friday', cy: 'Dydd Gwener' });
    // Put an agreement question back at the start, for the answers below.
    await head.post(`${section()}/${survey.id}/library`, { codes: [families[1]!.code] }, { tokenFrom: build });
    const added = (await questions(survey.id)).at(-1)!;
    for (let i = 0; i < 3; i++) {
      await head.post(
        `${section()}/${survey.id}/questions/${added.id}/move`,
        { direction: 'up' },
        { tokenFrom: build },
      );
    }
    expect((await questions(survey.id)).map((q) => q.kind)).toEqual(['agreement', 'choice', 'choice', 'text']);
    expect(await auditEntries(db(), 'survey-question-add')).toHaveLength(3);
    expect(await auditEntries(db(), 'survey-question-update')).toHaveLength(1);
    expect(await auditEntries(db(), 'survey-question-remove')).toHaveLength(1);
    expect((await auditEntries(db(), 'survey-question-move')).length).toBe(4);
  });

  it("refuses another school's leader and a practitioner anything on the survey", async () => {
    const survey = await ownSurvey();
    const [q] = await questions(survey.id);
    for (const user of [people.otherHeadteacher, people.practitioner]) {
      const v = await as(user);
      for (const url of [`${section()}/${survey.id}/build`, `${section()}/${survey.id}/questions/${q!.id}`]) {
        expect([403, 404]).toContain((await v.get(url)).statusCode);
      }
      const posts: [string, Record<string, string>][] = [
        [`${section()}/${survey.id}/questions/${q!.id}/remove`, {}],
        [`${section()}/${survey.id}/questions/${q!.id}`, { kind: 'text', textEn: 'Hijacked' }],
        [`${section()}/${survey.id}/open`, {}],
      ];
      for (const [url, body] of posts)
        expect([403, 404]).toContain((await v.post(url, body, { tokenFrom: '/' })).statusCode);
    }
    expect((await questions(survey.id)).map((x) => x.text.en)).not.toContain('Hijacked');
    expect((await ownSurvey()).state).toBe('draft');
  });

  it('opens with a link and QR code, and then refuses changes to its questions', async () => {
    const survey = await ownSurvey();
    const head = await as(people.headteacher);
    const opened = await head.post(
      `${section()}/${survey.id}/open`,
      {},
      { tokenFrom: `${section()}/${survey.id}/build` },
    );
    expect(opened.headers.location).toBe(`${section()}/${survey.id}/share?done=opened`);
    expect((await ownSurvey()).state).toBe('open');
    const share = await head.get(`${section()}/${survey.id}/share`);
    expect(share.body).toContain(`/survey/${survey.token}`);
    expect(share.body).toContain('<svg role="img" aria-label="QR code of the survey\'s link"');
    expect((await head.get(`${section()}/${survey.id}/poster`)).body).toContain('<svg role="img"');
    const [q] = await questions(survey.id);
    const refused = await head.post(`${section()}/${survey.id}/questions/${q!.id}/remove`, {}, { tokenFrom: '/' });
    expect(refused.statusCode).toBe(400);
    expect(await questions(survey.id)).toHaveLength(4);
    expect((await head.post(`${section()}/${survey.id}/open`, {}, { tokenFrom: '/' })).statusCode).toBe(400);
  });

  it('takes one answer per browser in the language picked, and refuses hostile answers', async () => {
    const survey = await ownSurvey();
    const link = `/survey/${survey.token}`;
    const parent = new Visitor(t.app);
    const form = await parent.get(`${link}?lang=cy`);
    expect(form.statusCode).toBe(200);
    const text = pageText(form.body);
    expect(text).toContain('Arolwg teuluoedd');
    expect(text).toContain(families[1]!.text.cy);
    expect(text).toContain('Dydd Mercher');
    const hostile: Record<string, string>[] = [
      { v1: '6' }, // off the scale
      { v2: '5' }, // not one of the four options
      { v3: '4' }, // not one of the three options
      { v2: 'x' },
      { w4: 'a'.repeat(1001) },
      { v1: '\u0000' },
      { code: 'not-a-code' },
      {},
    ];
    for (const body of hostile) {
      const r = await new Visitor(t.app).post(link, body, { tokenFrom: link });
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
    // Bad encodings, sent raw with a valid token: invalid UTF-8 in a form, a lone surrogate in JSON.
    const opened = await t.app.inject({ method: 'GET', url: link });
    const cookie = opened.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const token = /name="_csrf" value="([^"]+)"/.exec(opened.body)![1]!;
    const raw = [
      { type: 'application/x-www-form-urlencoded', payload: `v1=5&w4=%FF%FE&_csrf=${encodeURIComponent(token)}` },
      { type: 'application/json', payload: `{"v1":"5","w4":"bad \\ud800","_csrf":${JSON.stringify(token)}}` },
    ];
    for (const r of raw) {
      const response = await t.app.inject({
        method: 'POST',
        url: link,
        headers: { cookie, 'content-type': r.type },
        payload: r.payload,
      });
      expect(response.statusCode, r.payload).toBe(400);
    }
    expect(await responseCount()).toBe(0);
    const sent = await parent.post(link, { v1: '5', v2: '1', v3: '3', w4: 'Mwy o gyfarfodydd' }, { tokenFrom: link });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${link}/thanks`);
    const again = await parent.post(link, { v1: '1' }, { tokenFrom: '/sign-in' });
    expect(again.statusCode).toBe(400);
    expect((await parent.get(link)).body).toContain('Rydych eisoes wedi ateb');
    expect(await responseCount()).toBe(1);
    const [response] = await db().select().from(surveyResponses);
    expect(response!.language).toBe('cy');
    const answers = await db().select().from(surveyAnswers);
    expect(answers.map((a) => [a.value, a.text]).sort()).toEqual([
      [0, 'Mwy o gyfarfodydd'],
      [1, ''],
      [3, ''],
      [5, ''],
    ]);
    const [entry] = await auditEntries(db(), 'survey-answer');
    expect(entry!.actorId).toBeNull();
    // Not through the SLO survey's in-service form, which knows nothing of choices.
    const inService = `${section()}/${survey.id}/answer`;
    const staff = await as(people.practitioner);
    expect((await staff.get(inService)).statusCode).toBe(404);
    expect((await staff.post(inService, { q1: '5', q2: '5' }, { tokenFrom: '/' })).statusCode).toBe(400);
    expect(await responseCount()).toBe(1);
  });

  it('shows no result below 5 responses; from 5, counts per question and what was written, checked', async () => {
    const survey = await ownSurvey();
    const head = await as(people.headteacher);
    const results = `${section()}/${survey.id}`;
    const few = pageText((await head.get(results)).body);
    expect(few).toContain('1 response');
    expect(few).toContain('Results are shown once at least 5 people have answered');
    expect(few).not.toContain('Mwy o gyfarfodydd');
    const link = `/survey/${survey.token}`;
    for (let i = 0; i < 4; i++) {
      const body: Record<string, string> = { v1: i < 3 ? '4' : '2', v2: '1' };
      if (i === 0) body.w4 = 'Ask Dylan Evans from 3B';
      expect((await new Visitor(t.app).post(link, body, { tokenFrom: link })).statusCode).toBe(303);
    }
    const page = pageText((await head.get(results)).body);
    expect(page).toContain('5 responses');
    expect(page).toContain('Agreement by question');
    // Question 2: all 5 chose the first option; question 3 has 1 answer, so it is hidden.
    expect(page).toContain('Not shown: fewer than 5 people answered this question');
    expect(visibleText((await head.get(results)).body)).toContain('The school app or email 5 100%');
    // Free text: 2 wrote, fewer than 5, so nothing of it is shown.
    expect(page).not.toContain('Mwy o gyfarfodydd');
    for (let i = 0; i < 3; i++) {
      await new Visitor(t.app).post(link, { w4: `Thank you ${i}` }, { tokenFrom: link });
    }
    const more = pageText((await head.get(results)).body);
    expect(more).toContain('Mwy o gyfarfodydd');
    expect(more).toContain('This comment may identify a learner');
    for (const user of [people.practitioner, people.governor, people.laOfficer, people.otherHeadteacher]) {
      expect([403, 404]).toContain((await (await as(user)).get(results)).statusCode);
    }
  });

  it('closes into an evidence item with figures, chart and table, no words written, and then refuses answers', async () => {
    const survey = await ownSurvey();
    const head = await as(people.headteacher);
    const close = `${section()}/${survey.id}/close`;
    expect((await head.post(close, {}, { tokenFrom: `${section()}/${survey.id}` })).statusCode).toBe(303);
    const row = await ownSurvey();
    expect(row.state).toBe('closed');
    const [item] = await db().select().from(evidence).where(eq(evidence.id, row.evidenceId!));
    expect(item).toMatchObject({ source: 'survey', title: 'Survey: Families survey' });
    expect(item!.body).toContain('8 responses.');
    expect(item!.body).not.toContain('Mwy o gyfarfodydd');
    const itemPage = await head.get(`/schools/${school.number}/evidence/${item!.id}`);
    expect(itemPage.body).toContain('class="cyd-survey-chart"');
    expect(pageText(itemPage.body)).toContain('Answers by question');
    const link = `/survey/${survey.token}`;
    expect((await new Visitor(t.app).post(link, { v1: '5' }, { tokenFrom: '/sign-in' })).statusCode).toBe(400);
    expect(await responseCount()).toBe(8);
  });

  it('with invitations, takes one answer per code, refuses tampered and spent codes, and keeps no code', async () => {
    const head = await as(people.headteacher);
    await head.post(
      `${section()}/new`,
      { audience: 'staff', titleCy: 'Arolwg staff' },
      { tokenFrom: `${section()}/new` },
    );
    const [survey] = await db().select().from(surveys).where(eq(surveys.audience, 'staff'));
    const build = `${section()}/${survey!.id}/build`;
    await head.post(
      `${section()}/${survey!.id}/library`,
      { codes: [QUESTION_LIBRARY.staff[0]!.code] },
      { tokenFrom: build },
    );
    await head.post(`${section()}/${survey!.id}/open`, {}, { tokenFrom: build });
    const share = `${section()}/${survey!.id}/share`;
    for (const count of ['0', '301', 'x']) {
      expect(
        (await head.post(`${section()}/${survey!.id}/invitations`, { count }, { tokenFrom: share })).statusCode,
      ).toBe(400);
    }
    const slips = await head.post(`${section()}/${survey!.id}/invitations`, { count: '3' }, { tokenFrom: share });
    expect(slips.statusCode).toBe(200);
    const codes = [...slips.body.matchAll(/data-testid="invitation-code">([0-9A-Z]{8})</g)].map((m) => m[1]!);
    expect(codes).toHaveLength(3);
    const stored = await db().select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, survey!.id));
    expect(stored).toHaveLength(3);
    for (const c of codes) expect(JSON.stringify(stored)).not.toContain(c);
    const link = `/survey/${survey!.token}`;
    const before = await responseCount();
    // Without a code, the page asks for one; a tampered code is refused.
    expect(pageText((await new Visitor(t.app).get(link)).body)).toContain('Enter your invitation code');
    const tampered = codes[0]!.slice(0, 7) + (codes[0]!.endsWith('A') ? 'B' : 'A');
    expect((await new Visitor(t.app).get(`${link}?code=${tampered}`)).statusCode).toBe(400);
    expect(
      (await new Visitor(t.app).post(link, { v1: '5', code: tampered }, { tokenFrom: '/sign-in' })).statusCode,
    ).toBe(400);
    expect((await new Visitor(t.app).post(link, { v1: '5' }, { tokenFrom: '/sign-in' })).statusCode).toBe(400);
    // A code typed in lower case with a space still opens the form.
    const typed = `${codes[0]!.slice(0, 4).toLowerCase()} ${codes[0]!.slice(4)}`;
    expect((await new Visitor(t.app).get(`${link}?code=${encodeURIComponent(typed)}`)).statusCode).toBe(200);
    const first = await new Visitor(t.app).post(
      link,
      { v1: '4', code: codes[0]! },
      { tokenFrom: `${link}?code=${codes[0]}` },
    );
    expect(first.statusCode).toBe(303);
    // The same invitation again, from another browser: refused.
    const twice = await new Visitor(t.app).post(link, { v1: '1', code: codes[0]! }, { tokenFrom: '/sign-in' });
    expect(twice.statusCode).toBe(400);
    expect((await new Visitor(t.app).get(`${link}?code=${codes[0]}`)).statusCode).toBe(400);
    // One browser may answer twice with two slips (a shared family phone): the code is the limit.
    const shared = new Visitor(t.app);
    expect((await shared.post(link, { v1: '3', code: codes[1]! }, { tokenFrom: '/sign-in' })).statusCode).toBe(303);
    expect((await shared.post(link, { v1: '3', code: codes[2]! }, { tokenFrom: '/sign-in' })).statusCode).toBe(303);
    expect(await responseCount()).toBe(before + 3);
    // The spent invitation and the response never share a transaction; the use's audit names nobody.
    const invitationTx = await txIds(sql`select xmin::text as x from survey_invitations where used`);
    const responseTx = await txIds(sql`select xmin::text as x from survey_responses`);
    for (const x of invitationTx) expect(responseTx).not.toContain(x);
    const uses = await auditEntries(db(), 'survey-invitation-use');
    expect(uses).toHaveLength(3);
    for (const u of uses) expect(u.actorId).toBeNull();
    const shareText = pageText((await head.get(share)).body);
    expect(shareText).toContain('3 invitations made, 3 used.');
  });
});
