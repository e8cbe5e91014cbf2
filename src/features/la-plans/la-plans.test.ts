import { and, eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { laPlanAnswers, laPlans, laPlanVersions, planTemplateSections } from '../../db/schema/index.ts';

let t: TestApp;
let wg: TestUser,
  officer: TestUser,
  secondOfficer: TestUser,
  partner: TestUser,
  swansea: TestUser,
  headteacher: TestUser;
let roundId: string, planId: string, firstSection: string;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const NEXT_YEAR = String(new Date().getFullYear() + 1);
const text = async (visitor: Visitor, url: string) => {
  const response = await visitor.get(url);
  return { status: response.statusCode, body: pageText(response.body) };
};
const cardiffPlan = async () =>
  (
    await t.database.db
      .select()
      .from(laPlans)
      .where(and(eq(laPlans.roundId, roundId), eq(laPlans.laCode, '681')))
  )[0]!;
const answerOf = async (sectionId: string) =>
  (
    await t.database.db
      .select()
      .from(laPlanAnswers)
      .where(and(eq(laPlanAnswers.planId, planId), eq(laPlanAnswers.sectionId, sectionId)))
  )[0];
async function download(visitor: Visitor, url: string) {
  const cookie = Object.entries(visitor.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return t.app.inject({ url, headers: { cookie } });
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  wg = await buildUser(db, { role: 'wg_official', scopeId: null });
  officer = await buildUser(db, { role: 'la_officer', scopeId: '681' });
  secondOfficer = await buildUser(db, { role: 'la_officer', scopeId: '681' });
  partner = await buildUser(db, { role: 'improvement_partner', scopeId: '681' });
  swansea = await buildUser(db, { role: 'la_officer', scopeId: '670' });
  headteacher = await buildUser(db, { role: 'headteacher', scopeId: '6812308' });
});
afterAll(() => t.close());

describe('a planning round and its template (Welsh Government)', () => {
  it('refuses people with no business with LA plans', async () => {
    expect((await (await as(headteacher)).get('/plans')).statusCode).toBe(403);
    expect((await (await as(officer)).get('/plans/rounds/new')).statusCode).toBe(403);
  });

  it('refuses an incomplete round with its values kept, in both languages, and opens a complete one for all 22 LAs', async () => {
    const visitor = await as(wg);
    const bad = await visitor.post(
      '/plans/rounds',
      {
        titleEn: 'LA plans 2026',
        titleCy: '',
        'deadline-day': '31',
        'deadline-month': '02',
        'deadline-year': NEXT_YEAR,
      },
      { tokenFrom: '/plans/rounds/new' },
    );
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Enter the title in Welsh');
    expect(pageText(bad.body)).toContain('The deadline must be a real date');
    expect(bad.body).toContain('value="LA plans 2026"');
    const badCy = await visitor.post(
      '/plans/rounds?lang=cy',
      { titleEn: '', titleCy: '', 'deadline-day': '', 'deadline-month': '', 'deadline-year': '' },
      { tokenFrom: '/plans/rounds/new' },
    );
    expect(pageText(badCy.body)).toContain('Rhowch y teitl yn Saesneg');

    const ok = await visitor.post(
      '/plans/rounds',
      {
        titleEn: 'LA plans 2026',
        titleCy: 'Cynlluniau ALl 2026',
        'deadline-day': '31',
        'deadline-month': '10',
        'deadline-year': NEXT_YEAR,
      },
      { tokenFrom: '/plans/rounds/new' },
    );
    expect(ok.statusCode).toBe(303);
    roundId = ok.headers.location!.split('/')[3]!.split('?')[0]!;
    const plans = await t.database.db.select().from(laPlans).where(eq(laPlans.roundId, roundId));
    expect(plans).toHaveLength(22);
    expect(plans.every((p) => p.state === 'draft')).toBe(true);
    const sections = await t.database.db
      .select()
      .from(planTemplateSections)
      .where(eq(planTemplateSections.roundId, roundId));
    expect(sections.map((s) => s.titleEn)).toContain('Schools causing concern');
    expect(await auditEntries(t.database.db, 'la-plan-round-open', roundId)).toHaveLength(1);
    planId = (await cardiffPlan()).id;

    const board = await text(visitor, `/plans/rounds/${roundId}?lang=en&opened=1`);
    expect(board.body).toContain('Every local authority has a draft plan');
    expect(board.body).toContain('Isle of Anglesey');
    expect(board.body).toContain('Draft: <strong>22</strong>');
    const boardCy = await text(visitor, `/plans/rounds/${roundId}?lang=cy`);
    expect(boardCy.body).toContain('Ynys Môn');
    expect(boardCy.body).toContain('Drafft: <strong>22</strong>');
  });

  it('lets WG add, edit, reorder and remove sections, and refuses a stale edit with nothing changed', async () => {
    const visitor = await as(wg);
    const template = `/plans/rounds/${roundId}/template`;
    const version = async () =>
      Number(
        /name="version" value="(\d+)"/.exec((await visitor.get(`/plans/rounds/${roundId}/sections/new`)).body)![1],
      );
    const v1 = await version();
    const added = await visitor.post(
      `/plans/rounds/${roundId}/sections`,
      {
        version: String(v1),
        titleEn: 'Welsh-medium education',
        titleCy: 'Addysg cyfrwng Cymraeg',
        guidanceEn: 'How will you grow it?',
        guidanceCy: "Sut fyddwch chi'n ei dyfu?",
      },
      { tokenFrom: template },
    );
    expect(added.statusCode).toBe(303);
    const stale = await visitor.post(
      `/plans/rounds/${roundId}/sections`,
      { version: String(v1), titleEn: 'Stale', titleCy: 'Hen', guidanceEn: '', guidanceCy: '' },
      { tokenFrom: template },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('value="Stale"');
    const sections = async () =>
      t.database.db
        .select()
        .from(planTemplateSections)
        .where(eq(planTemplateSections.roundId, roundId))
        .orderBy(planTemplateSections.position);
    expect((await sections()).map((s) => s.titleEn)).not.toContain('Stale');
    const invalid = await visitor.post(
      `/plans/rounds/${roundId}/sections`,
      { version: String(await version()), titleEn: '', titleCy: 'Hen', guidanceEn: '', guidanceCy: '' },
      { tokenFrom: template },
    );
    expect(invalid.statusCode).toBe(400);
    expect(pageText(invalid.body)).toContain('Enter the title in English');

    const last = (await sections()).at(-1)!;
    expect(last.titleEn).toBe('Welsh-medium education');
    const edited = await visitor.post(
      `/plans/rounds/${roundId}/sections/${last.id}`,
      {
        version: String(await version()),
        titleEn: 'Welsh-medium and bilingual education',
        titleCy: 'Addysg cyfrwng Cymraeg a dwyieithog',
        guidanceEn: 'How will you grow it?',
        guidanceCy: "Sut fyddwch chi'n ei dyfu?",
      },
      { tokenFrom: template },
    );
    expect(edited.statusCode).toBe(303);
    expect(
      (
        await visitor.post(
          `/plans/rounds/${roundId}/sections/${last.id}/move`,
          { version: String(await version()), direction: 'up' },
          { tokenFrom: template },
        )
      ).headers.location,
    ).toContain('saved=moved');
    expect((await sections()).at(-2)!.titleEn).toBe('Welsh-medium and bilingual education');
    expect((await visitor.get(`/plans/rounds/${roundId}/sections/${last.id}/remove`)).statusCode).toBe(200);
    expect(
      (
        await visitor.post(
          `/plans/rounds/${roundId}/sections/${last.id}/remove`,
          { version: String(await version()) },
          { tokenFrom: template },
        )
      ).headers.location,
    ).toContain('saved=removed');
    const after = await sections();
    expect(after).toHaveLength(10);
    firstSection = after[0]!.id;
    for (const action of [
      'la-plan-section-add',
      'la-plan-section-update',
      'la-plan-section-move',
      'la-plan-section-remove',
    ])
      expect(await auditEntries(t.database.db, action, roundId)).toHaveLength(1);
    const cy = await text(visitor, `${template}?lang=cy`);
    expect(cy.body).toContain('Ein man cychwyn');
    expect(cy.body).toContain('Symud i lawr');
  });
});

describe("an LA's plan from draft to final", () => {
  it('shows the LA its current plan in its area, and hides a draft from another LA and from WG', async () => {
    const page = await text(await as(officer), '/local-authorities/681/plan');
    expect(page.status, page.body.slice(-3000)).toBe(200);
    expect(page.body).toContain('LA plans 2026');
    expect(page.body).toContain('Our starting point');
    expect((await text(await as(officer), '/local-authorities/681/plan?lang=cy')).body).toContain('Ein man cychwyn');
    expect((await (await as(swansea)).get(`/plans/${planId}`)).statusCode).toBe(404);
    expect((await (await as(wg)).get(`/plans/${planId}`)).statusCode).toBe(404);
    expect((await (await as(swansea)).get('/local-authorities/681/plan')).statusCode).toBe(404);
  });

  it("keeps both officers' text when they save the same section at once: the second gets a 409 and nothing is lost", async () => {
    const url = `/plans/${planId}/sections/${firstSection}`;
    const first = await as(officer);
    const second = await as(secondOfficer);
    expect(
      await first.post(url, { version: '0', body: 'We start from twelve clusters.' }, { tokenFrom: url }),
    ).toMatchObject({ statusCode: 303 });
    const stale = await second.post(
      url,
      { version: '0', body: 'Our schools already work in pairs.' },
      { tokenFrom: url },
    );
    expect(stale.statusCode).toBe(409);
    const body = pageText(stale.body);
    expect(body).toContain('Someone else saved changes while you were editing');
    expect(body).toContain('We start from twelve clusters.');
    expect(body).toContain('Our schools already work in pairs.');
    expect((await answerOf(firstSection))!.body).toBe('We start from twelve clusters.');
    // Saving again from the conflict page keeps the second officer's text, knowingly.
    const version = /name="version" value="(\d+)"/.exec(stale.body)![1]!;
    expect(version).toBe('1');
    expect(
      await second.post(
        url,
        { version, body: 'We start from twelve clusters. Our schools already work in pairs.' },
        { tokenFrom: url },
      ),
    ).toMatchObject({ statusCode: 303 });
    expect((await answerOf(firstSection))!).toMatchObject({
      body: 'We start from twelve clusters. Our schools already work in pairs.',
      version: 2,
    });
    expect(await auditEntries(t.database.db, 'la-plan-answer-update', planId)).toHaveLength(2);
  });

  it('lets an improvement partner read the plan but not change it', async () => {
    const visitor = await as(partner);
    const url = `/plans/${planId}/sections/${firstSection}`;
    const page = await text(visitor, url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Our schools already work in pairs.');
    expect(page.body).not.toContain('Save the answer');
    expect(
      (await visitor.post(url, { version: '2', body: 'Overwritten' }, { tokenFrom: '/account/password' })).statusCode,
    ).toBe(403);
    expect((await visitor.post(`/plans/${planId}/submit`, {}, { tokenFrom: '/account/password' })).statusCode).toBe(
      403,
    );
  });

  it('submits with a confirmation that names unanswered sections, keeps version 1 and locks the template', async () => {
    const visitor = await as(officer);
    const confirm = await text(visitor, `/plans/${planId}/submit`);
    expect(confirm.body).toContain('9 sections have no answer yet');
    const submitted = await visitor.post(`/plans/${planId}/submit`, {}, { tokenFrom: `/plans/${planId}/submit` });
    expect(submitted.headers.location).toBe(`/plans/${planId}?saved=submitted`);
    expect((await cardiffPlan()).state).toBe('submitted');
    expect(await auditEntries(t.database.db, 'la-plan-submit', planId)).toHaveLength(1);
    expect(
      (
        await visitor.post(
          `/plans/${planId}/sections/${firstSection}`,
          { version: '2', body: 'Late change' },
          { tokenFrom: `/plans/${planId}` },
        )
      ).statusCode,
    ).toBe(403);
    const wgVisitor = await as(wg);
    const locked = await wgVisitor.post(
      `/plans/rounds/${roundId}/sections`,
      { version: '99', titleEn: 'Too late', titleCy: 'Rhy hwyr', guidanceEn: '', guidanceCy: '' },
      { tokenFrom: `/plans/rounds/${roundId}/template` },
    );
    expect(locked.statusCode).toBe(409);
    expect(pageText(locked.body)).toContain('A local authority has submitted its plan');
    const board = await text(wgVisitor, `/plans/rounds/${roundId}`);
    expect(board.body).toContain('Submitted: <strong>1</strong>');
    expect(board.body).toContain(`href="/plans/${planId}"`);
  });

  it('lets WG comment per section and send the plan back; the LA sees the comments and the other LA does not', async () => {
    const visitor = await as(wg);
    const url = `/plans/${planId}/sections/${firstSection}`;
    const empty = await visitor.post(`${url}/comments`, { comment: '' }, { tokenFrom: url });
    expect(empty.statusCode).toBe(400);
    expect(pageText(empty.body)).toContain('Enter your comment');
    expect(
      (
        await visitor.post(
          `${url}/comments`,
          { comment: 'Say how the clusters will include special schools.' },
          { tokenFrom: url },
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (await visitor.post(`/plans/${planId}/send-back`, {}, { tokenFrom: `/plans/${planId}/send-back` })).headers
        .location,
    ).toContain('saved=sentBack');
    expect((await cardiffPlan()).state).toBe('in_discussion');
    expect(await auditEntries(t.database.db, 'la-plan-send-back', planId)).toHaveLength(1);
    const page = await text(await as(officer), url);
    expect(page.body).toContain('Say how the clusters will include special schools.');
    const overview = await text(await as(officer), `/plans/${planId}?lang=cy`);
    expect(overview.body).toContain('Yn cael ei drafod');
    expect(overview.body).toContain('1 sylw');
  });

  it('lets the LA revise and resubmit, and compares the two versions word by word', async () => {
    const visitor = await as(officer);
    const url = `/plans/${planId}/sections/${firstSection}`;
    expect(
      await visitor.post(
        url,
        {
          version: '2',
          body: 'We start from twelve clusters, two of them led by special schools. Our schools already work in pairs.',
        },
        { tokenFrom: url },
      ),
    ).toMatchObject({ statusCode: 303 });
    expect(
      (await visitor.post(`/plans/${planId}/submit`, {}, { tokenFrom: `/plans/${planId}/submit` })).headers.location,
    ).toContain('saved=submitted');
    const versions = await t.database.db
      .select()
      .from(laPlanVersions)
      .where(eq(laPlanVersions.planId, planId))
      .orderBy(laPlanVersions.number);
    expect(versions.map((v) => [v.number, v.state])).toEqual([
      [1, 'submitted'],
      [2, 'submitted'],
    ]);
    const compare = await text(visitor, `/plans/${planId}/compare?from=1&to=2`);
    expect(compare.body).toContain('From version 1 to version 2: 1 section changed.');
    expect(compare.body).toContain(
      'We start from twelve <del><span class="govuk-visually-hidden">[removed: </span>clusters. <span class="govuk-visually-hidden">]</span></del>',
    );
    expect(compare.body).toContain(
      '<ins><span class="govuk-visually-hidden">[added: </span>clusters, two of them led by special schools. <span class="govuk-visually-hidden">]</span></ins>Our schools',
    );
    expect((await text(visitor, `/plans/${planId}/compare?lang=cy`)).body).toContain('1 adran wedi newid');
    const list = await text(visitor, `/plans/${planId}/versions?lang=en`);
    expect(list.body).toContain('Version 2');
    expect((await text(visitor, `/plans/${planId}/versions/1`)).body).toContain(
      'We start from twelve clusters. Our schools already work in pairs.',
    );
    expect((await visitor.get(`/plans/${planId}/versions/9`)).statusCode).toBe(404);
  });

  it('lets WG mark it final (a version), after which nobody edits it', async () => {
    const visitor = await as(wg);
    expect((await visitor.get(`/plans/${planId}/final`)).statusCode).toBe(200);
    expect((await (await as(officer)).get(`/plans/${planId}/final`)).statusCode).toBe(403);
    expect(
      (await visitor.post(`/plans/${planId}/final`, {}, { tokenFrom: `/plans/${planId}/final` })).headers.location,
    ).toContain('saved=final');
    const plan = await cardiffPlan();
    expect(plan.state).toBe('final');
    expect(plan.finalAt).not.toBeNull();
    expect(await auditEntries(t.database.db, 'la-plan-final', planId)).toHaveLength(1);
    expect(
      (await t.database.db.select().from(laPlanVersions).where(eq(laPlanVersions.planId, planId))).map((v) => v.state),
    ).toContain('final');
    // A second press changes nothing more and says so.
    expect((await visitor.post(`/plans/${planId}/final`, {}, { tokenFrom: `/plans/${planId}` })).statusCode).toBe(403);
    expect(
      (
        await (
          await as(officer)
        ).post(
          `/plans/${planId}/sections/${firstSection}`,
          { version: '3', body: 'x' },
          { tokenFrom: `/plans/${planId}` },
        )
      ).statusCode,
    ).toBe(403);
  });

  it('lets another LA read the final plan only once it is shared, without WG comments', async () => {
    const other = await as(swansea);
    expect((await other.get(`/plans/${planId}`)).statusCode).toBe(404);
    expect((await text(other, '/plans')).body).not.toContain(`/plans/${planId}`);
    expect(
      (await (await as(partner)).post(`/plans/${planId}/share`, { shared: 'yes' }, { tokenFrom: '/account/password' }))
        .statusCode,
    ).toBe(403);
    const shared = await (
      await as(officer)
    ).post(`/plans/${planId}/share`, { shared: 'yes' }, { tokenFrom: `/plans/${planId}` });
    expect(shared.headers.location).toContain('saved=shared');
    expect(await auditEntries(t.database.db, 'la-plan-share', planId)).toHaveLength(1);
    expect((await text(other, '/plans')).body).toContain(`/plans/${planId}`);
    const section = await text(other, `/plans/${planId}/sections/${firstSection}`);
    expect(section.status).toBe(200);
    expect(section.body).toContain('two of them led by special schools');
    expect(section.body).not.toContain('Say how the clusters will include special schools.');
  });
});

describe('exports', () => {
  async function pdfText(buffer: Buffer) {
    return (await new PDFParse({ data: buffer }).getText()).text.replace(/\s+/g, ' ');
  }

  it('exports the plan as PDF in Welsh and English, section titles in that language and answers as written', async () => {
    const visitor = await as(officer);
    const cy = await download(visitor, `/plans/${planId}/plan.pdf?language=cy`);
    expect(cy.statusCode).toBe(200);
    expect(cy.headers['content-type']).toBe('application/pdf');
    expect(cy.headers['content-disposition']).toContain('caerdydd-cynllun-cy.pdf');
    const cyText = await pdfText(cy.rawPayload);
    expect(cyText).toContain('Cynllun awdurdod lleol');
    expect(cyText).toContain('Ein man cychwyn');
    expect(cyText).toContain("Tegwch, anghenion dysgu ychwanegol a'r cwricwlwm");
    expect(cyText).toContain('two of them led by special schools');
    const enText = await pdfText(
      (await download(visitor, `/plans/${planId}/plan.pdf?language=en&version=1`)).rawPayload,
    );
    expect(enText).toContain('Version 1 (Submitted)');
    expect(enText).toContain('We start from twelve clusters. Our schools already work in pairs.');
  });

  it('exports Word documents in both languages, and refuses those who may not read the plan', async () => {
    const visitor = await as(wg);
    const en = await download(visitor, `/plans/${planId}/plan.docx?language=en`);
    expect(en.headers['content-disposition']).toContain('cardiff-plan-en.docx');
    const enText = (await mammoth.extractRawText({ buffer: en.rawPayload })).value;
    expect(enText).toContain('Local authority plan');
    expect(enText).toContain('Our starting point');
    expect(enText).toContain('Not answered.');
    const cyText = (
      await mammoth.extractRawText({
        buffer: (await download(visitor, `/plans/${planId}/plan.docx?language=cy`)).rawPayload,
      })
    ).value;
    expect(cyText).toContain("Ysgolion sy'n peri pryder");
    expect(cyText).toContain('Terfynol');
    const draft = (
      await t.database.db
        .select()
        .from(laPlans)
        .where(and(eq(laPlans.roundId, roundId), eq(laPlans.laCode, '670')))
    )[0]!;
    expect((await download(await as(officer), `/plans/${draft.id}/plan.pdf`)).statusCode).toBe(404);
    expect((await download(await as(headteacher), `/plans/${planId}/plan.pdf`)).statusCode).toBe(403);
  });
});

describe('the status board against the deadline', () => {
  it('says in words which plans are late, with no ranking', async () => {
    const visitor = await as(wg);
    const opened = await visitor.post(
      '/plans/rounds',
      {
        titleEn: 'Past round',
        titleCy: 'Cylch a fu',
        'deadline-day': '1',
        'deadline-month': '9',
        'deadline-year': '2024',
      },
      { tokenFrom: '/plans/rounds/new' },
    );
    const board = await text(visitor, opened.headers.location!);
    expect(board.body).toContain('Late: <strong>22</strong>');
    expect(board.body).toMatch(/passed \d+ days ago/);
    const cy = await text(visitor, `${opened.headers.location!.split('?')[0]}?lang=cy`);
    expect(cy.body).toContain('Yn hwyr');
    // The LA's area still shows the current round (the later deadline).
    expect((await text(await as(officer), '/local-authorities/681/plan')).body).toContain('LA plans 2026');
    const index = await text(visitor, '/plans?lang=en');
    expect(index.body).toContain('Past round');
    expect(index.body).toContain('1 final, 0 with Welsh Government');
  });
});
