import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildCollaborative, buildFacilitator } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { shares } from '../../db/schema/index.ts';
import type { DemoLaContext } from '../../demo/demo-la-context.ts';
import { loadDemoLaSelfEvaluation } from '../../demo/demo-la-self-evaluation.ts';

let t: TestApp;
const LA = '672'; // an LA of its own in this file, so the local picture holds only what these tests share
const base = `/local-authorities/${LA}/self-evaluation`;
let officer: TestUser, partner: TestUser, otherOfficer: TestUser, headteacher: TestUser;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
const versionIn = (body: string) => /name="version" value="(\d+)"/.exec(body)![1]!;
const idFrom = (location: unknown) => /([0-9a-f-]{36})/.exec(String(location))![1]!;

beforeAll(async () => {
  t = await createTestApp();
  officer = await buildUser(t.database.db, { role: 'la_officer', scopeId: LA });
  partner = await buildUser(t.database.db, { role: 'improvement_partner', scopeId: LA });
  otherOfficer = await buildUser(t.database.db, { role: 'la_officer', scopeId: '660' });
  const school = await buildSchool(t.database.db, { laCode: LA });
  headteacher = await buildUser(t.database.db, { role: 'headteacher', scopeId: school.number });
});
afterAll(() => t.close());

describe('starting the LA’s cycle', () => {
  it('lets only the LA’s staff in, and only officers start it', async () => {
    const ip = await as(partner);
    const page = pageText((await ip.get(`${base}?lang=en`)).body);
    expect(page).toContain('has not started yet');
    expect(page).not.toContain('Start the self-evaluation');
    expect((await ip.post(`${base}/start`, {}, { tokenFrom: '/account/password' })).statusCode).toBe(403);
    expect((await (await as(otherOfficer)).get(base)).statusCode).toBe(404);
    expect((await (await as(headteacher)).get(base)).statusCode).toBe(403);
    expect((await new Visitor(t.app).get(base)).statusCode).toBe(303);
    expect((await (await as(officer)).get(`${base}/evidence`)).headers.location).toBe(base);
  });

  it('starts once, audited, in the officer’s language', async () => {
    const lo = await as(officer);
    expect(pageText((await lo.get(`${base}?lang=cy`)).body)).toContain("Dechrau'r hunanwerthuso ar gyfer");
    expect((await lo.post(`${base}/start`, {}, { tokenFrom: base })).statusCode).toBe(303);
    expect((await lo.post(`${base}/start`, {}, { tokenFrom: '/account/password' })).statusCode).toBe(303);
    const cycles = await rows<{ id: string; language: string; stage: string }>(
      sql`select id, language, stage from la_cycles where la_code = ${LA}`,
    );
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({ language: 'cy', stage: 'planning' });
    expect(await auditEntries(t.database.db, 'la-cycle-start', cycles[0]!.id)).toHaveLength(1);
    expect(pageText((await lo.get(`${base}?lang=cy`)).body)).toContain('Hunanwerthuso');
  });
});

describe('the stage and the three questions', () => {
  it('saves answers, keeps values on a conflict (409) and shows both versions', async () => {
    const lo = await as(officer);
    const form = await lo.get(`${base}/answers?lang=en`);
    expect(form.statusCode).toBe(200);
    const version = versionIn(form.body);
    const saved = await lo.post(
      `${base}/answers?lang=cy`,
      { version, howWellAnswer: 'Mae cydweithio rhwng ysgolion yn gryf.', howKnowAnswer: 'Arolwg penaethiaid.' },
      { tokenFrom: `${base}/answers` },
    );
    expect(saved.statusCode).toBe(303);
    const stored = await rows<{ how_well_answer: string; language: string }>(
      sql`select how_well_answer, language from la_cycles where la_code = ${LA}`,
    );
    expect(stored[0]).toEqual({ how_well_answer: 'Mae cydweithio rhwng ysgolion yn gryf.', language: 'cy' });
    const stale = await lo.post(
      `${base}/answers?lang=en`,
      { version, howWellAnswer: 'My stale answer' },
      { tokenFrom: `${base}/answers` },
    );
    expect(stale.statusCode).toBe(409);
    const text = pageText(stale.body);
    expect(text).toContain('Someone else saved changes while you were editing');
    expect(text).toContain('Mae cydweithio rhwng ysgolion yn gryf.');
    expect(text).toContain('My stale answer');
    const audit = await auditEntries(t.database.db, 'la-cycle-answers-update');
    expect(audit.at(-1)!.actorId).toBe(officer.id);
  });

  it('refuses an answer too long with a 400 that keeps what was typed', async () => {
    const lo = await as(officer);
    const version = versionIn((await lo.get(`${base}/answers`)).body);
    const res = await lo.post(
      `${base}/answers?lang=en`,
      { version, howWellAnswer: 'x'.repeat(10_001), howImproveAnswer: 'Kept text' },
      { tokenFrom: `${base}/answers` },
    );
    expect(res.statusCode).toBe(400);
    expect(pageText(res.body)).toContain('The answer must be 10,000 characters or fewer');
    expect(res.body).toContain('Kept text');
  });

  it('moves the stage with its version; improvement partners read but may not change it', async () => {
    const lo = await as(officer);
    const version = versionIn((await lo.get(base)).body);
    expect(
      (await lo.post(`${base}/stage`, { version, stage: 'gathering_evidence' }, { tokenFrom: base })).statusCode,
    ).toBe(303);
    expect((await lo.post(`${base}/stage`, { version, stage: 'making_sense' }, { tokenFrom: base })).statusCode).toBe(
      409,
    );
    expect(
      (await lo.post(`${base}/stage`, { version: String(Number(version) + 1), stage: 'graded' }, { tokenFrom: base }))
        .statusCode,
    ).toBe(400);
    const ip = await as(partner);
    const page = pageText((await ip.get(`${base}?lang=en`)).body);
    expect(page).toMatch(/Where the cycle is now:\s*<strong class="govuk-tag">Gathering evidence/);
    expect(page).toContain('Mae cydweithio rhwng ysgolion yn gryf.');
    expect(page).not.toContain('Save the stage');
    expect(
      (await ip.post(`${base}/stage`, { version, stage: 'closed' }, { tokenFrom: '/account/password' })).statusCode,
    ).toBe(403);
    expect((await ip.get(`${base}/answers`)).statusCode).toBe(403);
  });
});

let evidenceId: string;
let findingId: string;
describe('evidence and findings', () => {
  it('checks evidence (400, values kept, nothing saved), adds it, and edits it with a version', async () => {
    const lo = await as(officer);
    const bad = await lo.post(
      `${base}/evidence?lang=en`,
      {
        source: '',
        'observedOn-day': '31',
        'observedOn-month': '2',
        'observedOn-year': '2026',
        title: '',
        body: 'Kept body',
      },
      { tokenFrom: `${base}/evidence/new` },
    );
    expect(bad.statusCode).toBe(400);
    const text = pageText(bad.body);
    expect(text).toContain('Choose where the evidence comes from');
    expect(text).toContain('The date of the evidence must be a real date');
    expect(text).toContain('Enter a title');
    expect(bad.body).toContain('Kept body');
    expect(await rows(sql`select 1 from la_evidence`)).toHaveLength(0);

    const ok = await lo.post(
      `${base}/evidence?lang=cy`,
      {
        source: 'survey',
        'observedOn-day': '3',
        'observedOn-month': '10',
        'observedOn-year': '2025',
        title: 'Arolwg penaethiaid',
        body: 'Mae 80% yn gwerthfawrogi’r clystyrau.',
        nifThemes: ['vision_leadership', 'curriculum_teaching'],
      },
      { tokenFrom: `${base}/evidence/new` },
    );
    expect(ok.statusCode).toBe(303);
    evidenceId = idFrom(ok.headers.location);
    const [row] = await rows<{ language: string; nif_themes: string[]; observed_on: string }>(
      sql`select language, nif_themes, observed_on::text from la_evidence where id = ${evidenceId}`,
    );
    expect(row).toEqual({
      language: 'cy',
      nif_themes: ['vision_leadership', 'curriculum_teaching'],
      observed_on: '2025-10-03',
    });
    expect(await auditEntries(t.database.db, 'la-evidence-create', evidenceId)).toHaveLength(1);

    const edit = `${base}/evidence/${evidenceId}/edit`;
    const version = versionIn((await lo.get(edit)).body);
    const fields = {
      source: 'survey',
      'observedOn-day': '3',
      'observedOn-month': '10',
      'observedOn-year': '2025',
      nifThemes: 'vision_leadership',
    };
    expect(
      (await lo.post(`${edit}?lang=en`, { ...fields, version, title: 'Headteachers’ survey' }, { tokenFrom: edit }))
        .statusCode,
    ).toBe(303);
    const conflict = await lo.post(
      `${edit}?lang=en`,
      { ...fields, version, title: 'Stale title' },
      { tokenFrom: edit },
    );
    expect(conflict.statusCode).toBe(409);
    expect(pageText(conflict.body)).toContain('Headteachers’ survey');
    expect(pageText((await (await as(partner)).get(`${base}/evidence?lang=en`)).body)).toContain(
      'Headteachers’ survey',
    );
  });

  it('links findings only to evidence of the cycle', async () => {
    const lo = await as(officer);
    const form = `${base}/findings/new`;
    const foreign = '00000000-0000-4000-8000-000000000000';
    const bad = await lo.post(
      `${base}/findings?lang=en`,
      { kind: 'strength', title: 'Clusters work', evidenceIds: [evidenceId, foreign] },
      { tokenFrom: form },
    );
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Choose evidence from this cycle');
    const ok = await lo.post(
      `${base}/findings?lang=en`,
      {
        kind: 'area_for_development',
        title: 'Support for attendance is patchy',
        nifTheme: 'wellbeing_equity',
        evidenceIds: evidenceId,
      },
      { tokenFrom: form },
    );
    expect(ok.statusCode).toBe(303);
    findingId = idFrom(ok.headers.location);
    const page = pageText((await (await as(partner)).get(`${base}/findings?lang=cy`)).body);
    expect(page).toContain("Meysydd i'w datblygu");
    expect(page).toContain('Support for attendance is patchy');
    expect(page).toContain('Headteachers’ survey');
    expect(await auditEntries(t.database.db, 'la-finding-create', findingId)).toHaveLength(1);
    expect(await rows(sql`select evidence_id from la_finding_evidence where finding_id = ${findingId}`)).toEqual([
      { evidence_id: evidenceId },
    ]);
    // Editing replaces the links, and the edit form ticks the evidence the finding rests on.
    const edit = `${base}/findings/${findingId}/edit`;
    const editPage = (await lo.get(edit)).body;
    expect(editPage).toMatch(new RegExp(`value="${evidenceId}" checked`));
    const fields = {
      kind: 'area_for_development',
      title: 'Support for attendance is patchy',
      nifTheme: 'wellbeing_equity',
      version: versionIn(editPage),
    };
    expect((await lo.post(edit, fields, { tokenFrom: edit })).statusCode).toBe(303);
    expect(await rows(sql`select evidence_id from la_finding_evidence where finding_id = ${findingId}`)).toEqual([]);
    expect(
      (await auditEntries(t.database.db, 'la-finding-update', findingId)).map((a) => [a.before, a.after]),
    ).toMatchObject([[{ evidenceIds: [evidenceId] }, { evidenceIds: [] }]]);
    const again = (await lo.get(edit)).body;
    expect(
      (await lo.post(edit, { ...fields, evidenceIds: evidenceId, version: versionIn(again) }, { tokenFrom: edit }))
        .statusCode,
    ).toBe(303);
    expect(await rows(sql`select evidence_id from la_finding_evidence where finding_id = ${findingId}`)).toEqual([
      { evidence_id: evidenceId },
    ]);
  });

  it('refuses improvement partners every change, and other LAs everything', async () => {
    const ip = await as(partner);
    expect((await ip.get(`${base}/evidence/new`)).statusCode).toBe(403);
    expect(
      (await ip.post(`${base}/evidence`, { source: 'survey', title: 'x' }, { tokenFrom: '/account/password' }))
        .statusCode,
    ).toBe(403);
    expect((await ip.get(`${base}/findings/${findingId}/edit`)).statusCode).toBe(403);
    const other = await as(otherOfficer);
    expect((await other.get(`${base}/findings`)).statusCode).toBe(404);
    expect((await other.get(`/local-authorities/660/self-evaluation/evidence/${evidenceId}/edit`)).statusCode).toBe(
      404,
    );
    expect((await (await as(officer)).get(`${base}/evidence/not-an-id/edit`)).statusCode).toBe(404);
  });
});

describe('the local picture', () => {
  it('counts only decided priorities shared with the LA or with a collaborative its staff facilitate', async () => {
    const db = t.database.db;
    // buildSchool picks numbers at random: make sure each is a school of its own, or the counts would merge.
    const used = new Set<string>();
    const school = async (): Promise<Awaited<ReturnType<typeof buildCycle>>> => {
      const { number } = await buildSchool(db, { laCode: LA });
      if (used.has(number) || (await rows(sql`select 1 from cycles where school_number = ${number}`)).length)
        return school();
      used.add(number);
      return buildCycle(db, number);
    };
    const theme = { nifTheme: 'curriculum_teaching', nationalPriorities: ['literacy'] };
    const [a, b, c, d, e, f] = [
      await school(),
      await school(),
      await school(),
      await school(),
      await school(),
      await school(),
    ];
    await share(db, a.schoolNumber, 'priority', (await buildPriority(db, a, { ...theme, state: 'agreed' })).id, 'la');
    // Shared with a collaborative one of the LA's improvement partners facilitates.
    const facilitated = await buildCollaborative(db, { laCode: LA, members: [] });
    await buildFacilitator(db, facilitated.id, LA);
    const pb = await buildPriority(db, b, { ...theme, state: 'in_progress' });
    await db.insert(shares).values({
      schoolNumber: b.schoolNumber,
      itemType: 'priority',
      itemId: pb.id,
      audience: 'collaborative',
      audienceId: facilitated.id,
    });
    // Never counted: a draft shared with the LA, one not shared, one for governors only, one with a collaborative nobody of the LA facilitates, and another LA's school.
    await share(db, c.schoolNumber, 'priority', (await buildPriority(db, c, { ...theme, state: 'draft' })).id, 'la');
    await buildPriority(db, d, { ...theme, state: 'agreed' });
    await share(
      db,
      e.schoolNumber,
      'priority',
      (await buildPriority(db, e, { ...theme, state: 'agreed' })).id,
      'governors',
    );
    const unfacilitated = await buildCollaborative(db, { laCode: LA, members: [] });
    const pf = await buildPriority(db, f, { ...theme, state: 'agreed' });
    await db.insert(shares).values({
      schoolNumber: f.schoolNumber,
      itemType: 'priority',
      itemId: pf.id,
      audience: 'collaborative',
      audienceId: unfacilitated.id,
    });
    const elsewhere = await buildCycle(db, (await buildSchool(db, { laCode: '681' })).number);
    await share(
      db,
      elsewhere.schoolNumber,
      'priority',
      (await buildPriority(db, elsewhere, { ...theme, state: 'agreed' })).id,
      'la',
    );

    const lo = await as(officer);
    const page = (await lo.get(`${base}/priorities/new?lang=en`)).body;
    expect(pageText(page)).toContain('2 schools have shared decided priorities');
    expect(page).toMatch(/Curriculum, learning and teaching<\/th>\s*<td[^>]*>2<\/td>\s*<td[^>]*>2<\/td>/);
    expect(page).toMatch(/Wellbeing, inclusion and equity<\/th>\s*<td[^>]*>0<\/td>/);
    expect(page).toMatch(/Literacy<\/th>\s*<td[^>]*>2<\/td>/);
    expect(page).not.toContain(a.schoolNumber);

    // Starting from a row fills it in; the count is taken again on saving, whatever the form says.
    const drawn = await lo.get(`${base}/priorities/new?from=national:literacy&lang=cy`);
    expect(drawn.body).toMatch(/value="literacy" checked/);
    expect(drawn.body).toContain('name="drawnFrom" value="national:literacy"');
    const created = await lo.post(
      `${base}/priorities?lang=cy`,
      {
        title: 'Llythrennedd ar draws y clystyrau',
        nationalPriorities: 'literacy',
        nifTheme: 'curriculum_teaching',
        state: 'draft',
        findingIds: findingId,
        drawnFrom: 'national:literacy',
      },
      { tokenFrom: `${base}/priorities/new` },
    );
    expect(created.statusCode).toBe(303);
    const id = idFrom(created.headers.location);
    const [row] = await rows<{ schools_sharing: number; language: string; finding_ids: string[] }>(
      sql`select schools_sharing, language, array(select finding_id from la_priority_findings pf where pf.priority_id = p.id) as finding_ids from la_priorities p where id = ${id}`,
    );
    expect(row).toEqual({ schools_sharing: 2, language: 'cy', finding_ids: [findingId] });
    expect(pageText((await lo.get(`${base}/priorities/${id}?lang=en`)).body)).toContain(
      '2 schools had shared a priority in it',
    );
    const [audit] = await auditEntries(t.database.db, 'la-priority-create', id);
    expect(audit!.after).toMatchObject({ schoolsSharing: 2, drawnFrom: { kind: 'national', code: 'literacy' } });
  });
});

describe('priorities, plan and impact', () => {
  let priorityId: string;
  it('agrees a priority only with a success measure, and refuses a stale edit (409)', async () => {
    const lo = await as(officer);
    const bad = await lo.post(
      `${base}/priorities?lang=en`,
      { title: 'Attendance', state: 'agreed' },
      { tokenFrom: `${base}/priorities/new` },
    );
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Say how we will know it worked before agreeing the priority');
    const ok = await lo.post(
      `${base}/priorities?lang=en`,
      {
        title: 'Attendance in secondary schools',
        nifTheme: 'wellbeing_equity',
        state: 'agreed',
        successMeasure: 'Persistent absence falls',
        findingIds: findingId,
      },
      { tokenFrom: `${base}/priorities/new` },
    );
    expect(ok.statusCode).toBe(303);
    priorityId = idFrom(ok.headers.location);
    expect(
      (
        await rows<{ schools_sharing: number | null }>(
          sql`select schools_sharing from la_priorities where id = ${priorityId}`,
        )
      )[0]!.schools_sharing,
    ).toBeNull();
    const edit = `${base}/priorities/${priorityId}/edit`;
    const version = versionIn((await lo.get(edit)).body);
    const fields = { nifTheme: 'wellbeing_equity', state: 'in_progress', successMeasure: 'Persistent absence falls' };
    expect(
      (await lo.post(`${edit}?lang=en`, { ...fields, version, title: 'Attendance: secondary' }, { tokenFrom: edit }))
        .statusCode,
    ).toBe(303);
    const stale = await lo.post(
      `${edit}?lang=en`,
      { ...fields, version, title: 'Stale priority title' },
      { tokenFrom: edit },
    );
    expect(stale.statusCode).toBe(409);
    expect(pageText(stale.body)).toContain('Attendance: secondary');
    expect((await (await as(partner)).get(edit)).statusCode).toBe(403);
    expect(
      (await (await as(otherOfficer)).get(`/local-authorities/660/self-evaluation/priorities/${priorityId}`))
        .statusCode,
    ).toBe(404);
  });

  it('shows the school side’s readiness checklist on the parts that apply to an LA priority, in both languages', async () => {
    const lo = await as(officer);
    // In progress, with a theme and a success measure, but its last edit left out the findings: only that part is missing, and no learners are asked for.
    const inProgress = (await lo.get(`${base}/priorities/${priorityId}?lang=en`)).body;
    const text = pageText(inProgress);
    expect(text).toContain('Precise, refined and specific');
    expect(text).toContain('Says how the local authority will know it worked');
    expect(inProgress).not.toContain('id="readiness-learners"');
    expect((inProgress.match(/govuk-tag--yellow/g) ?? []).length).toBe(1);
    expect(inProgress).toContain(`href="${base}/priorities/${priorityId}/edit#findingIds"`);
    const fields = {
      title: 'Attendance: secondary',
      nifTheme: 'wellbeing_equity',
      state: 'in_progress',
      successMeasure: 'Persistent absence falls',
      findingIds: findingId,
    };
    const edit = `${base}/priorities/${priorityId}/edit`;
    expect(
      (await lo.post(edit, { ...fields, version: versionIn((await lo.get(edit)).body) }, { tokenFrom: edit }))
        .statusCode,
    ).toBe(303);
    expect((await lo.get(`${base}/priorities/${priorityId}?lang=en`)).body).not.toContain('govuk-tag--yellow');
    // A draft with nothing but a title: each missing part links to its field for an officer, not for a partner.
    const draft = await lo.post(
      `${base}/priorities?lang=cy`,
      { title: 'Presenoldeb', state: 'draft' },
      { tokenFrom: `${base}/priorities/new` },
    );
    const draftPath = new URL(draft.headers.location!, 'http://x').pathname;
    const cy = (await lo.get(`${draftPath}?lang=cy`)).body;
    expect(pageText(cy)).toContain("Yn barod i'w chytuno?");
    expect(cy).toContain(`href="${draftPath}/edit#findingIds"`);
    expect(cy).toContain(`href="${draftPath}/edit#successMeasure"`);
    expect((cy.match(/govuk-tag--yellow/g) ?? []).length).toBe(3);
    expect(pageText(cy)).toContain('Yn dweud sut y bydd yr awdurdod lleol yn gwybod ei bod wedi gweithio');
    expect((await (await as(partner)).get(`${draftPath}?lang=en`)).body).not.toContain(`${draftPath}/edit#`);
  });

  it('plans actions, changes their status with a version, and reviews impact', async () => {
    const lo = await as(officer);
    const p = `${base}/priorities/${priorityId}`;
    const bad = await lo.post(
      `${p}/actions?lang=en`,
      { description: '', 'dueOn-day': '40', 'dueOn-month': '1', 'dueOn-year': '2026', owner: 'Kept owner' },
      { tokenFrom: `${p}/actions/new` },
    );
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Describe the action');
    expect(pageText(bad.body)).toContain('The due date must be a real date');
    expect(bad.body).toContain('Kept owner');
    const added = await lo.post(
      `${p}/actions?lang=cy`,
      {
        description: 'Rhannu arfer da ar bresenoldeb',
        owner: 'Swyddog lles addysg',
        'dueOn-day': '1',
        'dueOn-month': '2',
        'dueOn-year': '2099',
        status: 'not_started',
      },
      { tokenFrom: `${p}/actions/new` },
    );
    expect(added.statusCode).toBe(303);
    const [action] = await rows<{ id: string; version: number; language: string }>(
      sql`select id, version, language from la_priority_actions where priority_id = ${priorityId}`,
    );
    expect(action!.language).toBe('cy');
    const overview = pageText((await (await as(partner)).get(`${base}?lang=en`)).body);
    expect(overview).toContain('Rhannu arfer da ar bresenoldeb');
    expect(overview).toContain('due 1 February 2099');
    expect(
      (
        await (
          await as(partner)
        ).post(
          `${p}/actions/${action!.id}/status`,
          { version: '1', status: 'done' },
          { tokenFrom: '/account/password' },
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await lo.post(
          `${p}/actions/${action!.id}/status`,
          { version: String(action!.version), status: 'in_progress' },
          { tokenFrom: p },
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await lo.post(
          `${p}/actions/${action!.id}/status`,
          { version: String(action!.version), status: 'done' },
          { tokenFrom: p },
        )
      ).statusCode,
    ).toBe(409);
    expect((await auditEntries(t.database.db, 'la-action-status', action!.id)).map((a) => a.after)).toEqual([
      { status: 'in_progress' },
    ]);

    const noImpact = await lo.post(`${p}/impact?lang=en`, { whatChanged: '' }, { tokenFrom: `${p}/impact` });
    expect(noImpact.statusCode).toBe(400);
    expect(pageText(noImpact.body)).toContain('Say what changed');
    expect(
      (
        await lo.post(
          `${p}/impact?lang=en`,
          {
            whatChanged: 'Persistent absence fell in four of six secondaries.',
            'reviewedOn-day': '10',
            'reviewedOn-month': '7',
            'reviewedOn-year': '2026',
          },
          { tokenFrom: `${p}/impact` },
        )
      ).statusCode,
    ).toBe(303);
    const detail = pageText((await (await as(partner)).get(`${p}?lang=cy`)).body);
    expect(detail).toContain('Persistent absence fell in four of six secondaries.');
    expect(detail).toContain('Adolygwyd ar 10 Gorffennaf 2026');
    expect(detail).not.toContain("Golygu'r adolygiad effaith");
    const version = versionIn((await lo.get(`${p}/impact`)).body);
    expect(
      (
        await lo.post(
          `${p}/impact`,
          {
            version,
            whatChanged: 'Edited',
            'reviewedOn-day': '10',
            'reviewedOn-month': '7',
            'reviewedOn-year': '2026',
          },
          { tokenFrom: `${p}/impact` },
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await lo.post(
          `${p}/impact`,
          { version, whatChanged: 'Stale', 'reviewedOn-day': '10', 'reviewedOn-month': '7', 'reviewedOn-year': '2026' },
          { tokenFrom: `${p}/impact` },
        )
      ).statusCode,
    ).toBe(409);
    expect(await auditEntries(t.database.db, 'la-impact-save')).toHaveLength(2);
  });
});

describe('the demo', () => {
  it('gives Cardiff and Swansea a cycle with every part filled, in English and Welsh', async () => {
    const db = t.database.db;
    const cardiff = await buildUser(db, { role: 'la_officer', scopeId: '681' });
    const swansea = await buildUser(db, { role: 'la_officer', scopeId: '670' });
    const ids: Record<string, string> = { officer: cardiff.id, emyr: swansea.id };
    await loadDemoLaSelfEvaluation(db, {
      now: new Date(),
      c: { people: (key: string) => ids[key]! },
    } as unknown as DemoLaContext);
    for (const [code, user, text] of [
      ['681', cardiff, 'Writing from Year 5 to Year 8'],
      ['670', swansea, 'Rhifedd: dealltwriaeth gyffredin'],
    ] as const) {
      const counts = await rows<{
        evidence: number;
        findings: number;
        priorities: number;
        drawn: number;
        actions: number;
        impact: number;
      }>(sql`
        select (select count(*)::int from la_evidence e where e.cycle_id = c.id) as evidence, (select count(*)::int from la_findings f where f.cycle_id = c.id) as findings,
          (select count(*)::int from la_priorities p where p.cycle_id = c.id) as priorities, (select count(*)::int from la_priorities p where p.cycle_id = c.id and p.schools_sharing is not null) as drawn,
          (select count(*)::int from la_priority_actions a join la_priorities p on p.id = a.priority_id where p.cycle_id = c.id) as actions,
          (select count(*)::int from la_impact_reviews r join la_priorities p on p.id = r.priority_id where p.cycle_id = c.id) as impact
        from la_cycles c where c.la_code = ${code}`);
      expect(counts[0]).toMatchObject({
        evidence: 3 + (code === '681' ? 1 : 0),
        findings: 3,
        impact: 1,
        priorities: code === '681' ? 3 : 2,
      });
      expect(counts[0]!.actions).toBeGreaterThanOrEqual(4);
      // Cardiff's writing priority draws on the literacy priority a Cardiff school shared with the LA earlier in this file.
      if (code === '681') expect(counts[0]!.drawn).toBe(1);
      const visitor = await as(user);
      const overview = pageText((await visitor.get(`/local-authorities/${code}/self-evaluation?lang=cy`)).body);
      expect(overview).toContain(text);
      for (const page of ['evidence', 'findings', 'priorities', 'priorities/new'])
        expect((await visitor.get(`/local-authorities/${code}/self-evaluation/${page}`)).statusCode).toBe(200);
    }
  });
});
