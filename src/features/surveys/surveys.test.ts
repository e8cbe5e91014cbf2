import { eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { evidence, surveyAnswers, surveyParticipants, surveyResponses, surveys } from '../../db/schema/index.ts';
import { SLO_ELEMENTS } from './slo-model.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let secondPractitioner: TestUser;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const section = () => `/schools/${school.number}/surveys`;
const all = (value: string) => Object.fromEntries(SLO_ELEMENTS.map((_, i) => [`q${i + 1}`, value]));
const surveyRow = async () =>
  (await t.database.db.select().from(surveys).where(eq(surveys.schoolNumber, school.number)))[0]!;
/** The transaction ids (xmin) of the rows a query reads, as text. */
const txIds = async (query: SQL) =>
  ((await t.database.db.execute(query)) as unknown as { rows: { x: string }[] }).rows.map((r) => r.x);
const responseCount = async () => (await t.database.db.select().from(surveyResponses)).length;

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database.db, { laCode: '681' });
  people = await buildSchoolPeople(t.database.db, school);
  secondPractitioner = await buildUser(t.database.db, { role: 'practitioner', scopeId: school.number });
});
afterAll(() => t.close());

describe('the SLO staff survey', () => {
  it('shows the Surveys section to staff only, and lets only leaders open the survey', async () => {
    for (const user of [people.governor, people.laOfficer, people.otherHeadteacher]) {
      expect([403, 404]).toContain((await (await as(user)).get(section())).statusCode);
    }
    const practitioner = await as(people.practitioner);
    const page = await practitioner.get(section());
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Open this year&#39;s survey');
    const refused = await practitioner.post(section(), {}, { tokenFrom: section() });
    expect(refused.statusCode).toBe(403);
    expect(await t.database.db.select().from(surveys)).toHaveLength(0);
    // The governor's school area has no Surveys tab.
    const governorHome = await (await as(people.governor)).get(`/schools/${school.number}/home`);
    expect(governorHome.body).not.toContain(`href="${section()}"`);
  });

  it('opens once per year with the model’s 49 elements, audited', async () => {
    const head = await as(people.headteacher);
    const opened = await head.post(section(), {}, { tokenFrom: section() });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`${section()}?done=opened`);
    const again = await head.post(section(), {}, { tokenFrom: section() });
    expect(again.headers.location).toBe(section());
    expect(await t.database.db.select().from(surveys)).toHaveLength(1);
    const survey = await surveyRow();
    expect(survey.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await auditEntries(t.database.db, 'survey-open')).toHaveLength(1);
    const page = pageText((await head.get(section())).body);
    expect(page).toContain(`/survey/${survey.token}`);
    expect(page).toContain("Welsh Government's Schools in Wales as learning organisations model");
  });

  it('takes one anonymous answer per practitioner in the service', async () => {
    const survey = await surveyRow();
    const practitioner = await as(people.practitioner);
    const answerUrl = `${section()}/${survey.id}/answer`;
    const form = await practitioner.get(answerUrl);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="q49"');
    const sent = await practitioner.post(
      answerUrl,
      { ...all('4'), comment: 'More time to plan together' },
      { tokenFrom: answerUrl },
    );
    expect(sent.statusCode).toBe(303);
    const twice = await practitioner.post(answerUrl, all('1'), { tokenFrom: section() });
    expect(twice.statusCode).toBe(400);
    expect(pageText(twice.body)).toContain('You have already answered');
    expect(await responseCount()).toBe(1);
    const [response] = await t.database.db.select().from(surveyResponses);
    // Nothing in the response names a person or a moment finer than the day.
    expect(Object.keys(response!).sort()).toEqual(['answeredOn', 'comment', 'id', 'language', 'surveyId']);
    expect(await t.database.db.select().from(surveyParticipants)).toEqual([
      { surveyId: survey.id, userId: people.practitioner.id },
    ]);
    const [entry] = await auditEntries(t.database.db, 'survey-answer');
    expect(JSON.stringify(entry)).not.toContain(response!.id);
    // The response's audit entry names nobody; the participation's names the account, not the response.
    expect(entry!.actorId).toBeNull();
    const [participation] = await auditEntries(t.database.db, 'survey-participate');
    expect(participation!.actorId).toBe(people.practitioner.id);
    expect(JSON.stringify(participation)).not.toContain(response!.id);
    // Not one transaction id joins the response (or its answers) to the participant or its audit entry.
    const xmins = (query: string) => txIds(sql.raw(query));
    const participantTx = await xmins('select xmin::text as x from survey_participants');
    const participationAuditTx = await xmins(
      `select xmin::text as x from audit_log where action = 'survey-participate'`,
    );
    const responseTx = [
      ...(await xmins('select xmin::text as x from survey_responses')),
      ...(await xmins('select xmin::text as x from survey_answers')),
    ];
    expect(participantTx).toHaveLength(1);
    for (const x of [...participantTx, ...participationAuditTx]) expect(responseTx).not.toContain(x);
    expect((await practitioner.get(section())).body).toContain('You have answered this survey');
  });

  it('refuses hostile answers with a 400 and keeps nothing', async () => {
    const survey = await surveyRow();
    const answerUrl = `${section()}/${survey.id}/answer`;
    const other = await as(secondPractitioner);
    const bodies: Record<string, string>[] = [
      { q1: '6' },
      { q1: '-1' },
      { q2: 'x' },
      { comment: 'a'.repeat(2001) },
      {},
    ];
    for (const body of bodies) {
      const response = await other.post(answerUrl, body, { tokenFrom: answerUrl });
      expect(response.statusCode).toBe(400);
    }
    expect(await responseCount()).toBe(1);
    expect(await t.database.db.select().from(surveyParticipants)).toHaveLength(1);
  });

  it('takes one answer per browser through the public link, and 404s a tampered token', async () => {
    const survey = await surveyRow();
    const link = `/survey/${survey.token}`;
    const browser = new Visitor(t.app);
    const page = await browser.get(`${link}?lang=cy`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ysgolion fel sefydliadau sy&#39;n dysgu: arolwg staff');
    // The comment's character count speaks Welsh too (GOV.UK Frontend's own words are English).
    expect(page.body).toContain('Gallwch roi hyd at');
    expect(page.body).toContain('data-i18n.characters-under-limit.few="Mae gennych %{count} nod ar ôl"');
    expect(page.body).not.toContain('You can enter up to');
    const sent = await browser.post(link, { ...all('5'), comment: 'Diolch' }, { tokenFrom: link });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${link}/thanks`);
    const again = await browser.post(link, all('5'), { tokenFrom: '/sign-in' });
    expect(again.statusCode).toBe(400);
    expect(await responseCount()).toBe(2);
    const [cy] = await t.database.db.select().from(surveyResponses).where(eq(surveyResponses.comment, 'Diolch'));
    expect(cy!.language).toBe('cy');
    const tampered = survey.token.slice(0, -1) + (survey.token.endsWith('A') ? 'B' : 'A');
    expect((await new Visitor(t.app).get(`/survey/${tampered}`)).statusCode).toBe(404);
    expect((await new Visitor(t.app).get('/survey/short')).statusCode).toBe(404);
    const bad = await new Visitor(t.app).post(`/survey/${tampered}`, all('5'), { tokenFrom: link });
    expect(bad.statusCode).toBe(404);
    expect(await responseCount()).toBe(2);
  });

  it('shows no result below 5 responses, and figures by dimension from 5', async () => {
    const survey = await surveyRow();
    const head = await as(people.headteacher);
    const results = `${section()}/${survey.id}`;
    const few = pageText((await head.get(results)).body);
    expect(few).toContain('2 responses');
    expect(few).toContain('Results are shown once at least 5 people have answered');
    expect(few).not.toContain('More time to plan together');
    expect(few).not.toContain('% agree');
    for (let i = 0; i < 3; i++) {
      const link = `/survey/${survey.token}`;
      const browser = new Visitor(t.app);
      await browser.post(
        link,
        { ...all(i === 0 ? '2' : '4'), ...(i === 0 ? { comment: 'Ask Dylan Evans from 3B' } : {}) },
        { tokenFrom: link },
      );
    }
    const page = pageText((await head.get(results)).body);
    expect(page).toContain('5 responses');
    // 4 of the 5 agreed with every statement (values 4, 5, 4, 4 and one 2).
    expect(page).toContain('80% agree or strongly agree (of 5 who gave a view)');
    expect(page).toContain('More time to plan together');
    expect(page).toContain('This comment may identify a learner');
    expect(page).toContain('<svg');
    // Governors, the LA and other schools never reach results; practitioners neither.
    for (const user of [people.governor, people.laOfficer, people.otherHeadteacher, people.practitioner]) {
      expect([403, 404]).toContain((await (await as(user)).get(results)).statusCode);
    }
  });

  it('closes into an evidence item of the cycle with the figures, and then refuses answers', async () => {
    const survey = await surveyRow();
    const practitioner = await as(people.practitioner);
    const close = `${section()}/${survey.id}/close`;
    expect((await practitioner.post(close, {}, { tokenFrom: section() })).statusCode).toBe(403);
    const head = await as(people.headteacher);
    const closed = await head.post(close, {}, { tokenFrom: `${section()}/${survey.id}` });
    expect(closed.statusCode).toBe(303);
    const row = await surveyRow();
    expect(row.state).toBe('closed');
    const [item] = await t.database.db.select().from(evidence).where(eq(evidence.id, row.evidenceId!));
    expect(item).toMatchObject({ source: 'survey', schoolNumber: school.number, firstHand: true });
    expect(item!.body).toContain('5 responses.');
    expect(item!.body).toContain(
      'Developing a shared and inclusive vision centred on the learning of all learners: 80% agree',
    );
    expect(item!.body).not.toContain('More time to plan together');
    expect(item!.searchText).toContain('survey');
    expect(await auditEntries(t.database.db, 'survey-close')).toHaveLength(1);
    expect(await auditEntries(t.database.db, 'evidence-create')).toHaveLength(1);
    const itemPage = await head.get(`/schools/${school.number}/evidence/${item!.id}`);
    expect(itemPage.statusCode).toBe(200);
    expect(itemPage.body).toContain('class="cyd-survey-chart"');
    expect(pageText(itemPage.body)).toContain('80% agree or strongly agree (of 5 who gave a view)');
    // Closing twice changes nothing.
    await head.post(close, {}, { tokenFrom: `${section()}/${survey.id}` });
    expect(await t.database.db.select().from(evidence)).toHaveLength(1);
    // Answers are refused, by link and in the service.
    const link = `/survey/${survey.token}`;
    const browser = new Visitor(t.app);
    expect((await browser.get(link)).statusCode).toBe(400);
    const refused = await browser.post(link, all('5'), { tokenFrom: '/sign-in' });
    expect(refused.statusCode).toBe(400);
    const other = await as(secondPractitioner);
    const inService = await other.post(`${section()}/${survey.id}/answer`, all('5'), { tokenFrom: section() });
    expect(inService.statusCode).toBe(400);
    expect(await responseCount()).toBe(5);
    expect((await t.database.db.select().from(surveyAnswers)).length).toBe(5 * 49);
  });

  it('hides each new response among earlier ones: one transaction id for all, so xmin pairs nothing', async () => {
    const survey = await surveyRow();
    // Reopened for the check; each answer rewrites the earlier responses with the new one.
    await t.database.db.update(surveys).set({ state: 'open' }).where(eq(surveys.id, survey.id));
    const link = `/survey/${survey.token}`;
    const browser = new Visitor(t.app);
    expect((await browser.post(link, all('3'), { tokenFrom: link })).statusCode).toBe(303);
    const rows = await txIds(sql`select xmin::text as x from survey_responses`);
    expect(rows).toHaveLength(6);
    expect(new Set(rows).size).toBe(1);
    const answerTx = await txIds(sql`select distinct xmin::text as x from survey_answers`);
    expect(answerTx).toEqual(rows.slice(0, 1));
    await t.database.db.update(surveys).set({ state: 'closed' }).where(eq(surveys.id, survey.id));
  });
});
