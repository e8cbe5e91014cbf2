import { eq } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, countRows, type TestUser } from '../../../test/support/factories.ts';
import { pageText, type Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { concernCases, concernSupportItems, schools } from '../../db/schema/index.ts';
import { dateBoxes, noticeForm, openCase, visitorFor } from '../../../test/support/concern-support.ts';

let t: TestApp;
const LA = '670';
let officer: TestUser, visitor: Visitor;
let school: Awaited<ReturnType<typeof buildSchool>>;
const register = `/local-authorities/${LA}/schools-causing-concern`;
const inWelsh = () => visitorFor(t, officer);
const stateOf = async (id: string) =>
  (await t.database.db.select().from(concernCases).where(eq(concernCases.id, id)))[0]!;

async function pdfText(body: Buffer): Promise<string> {
  const parser = new PDFParse({ data: body });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database.db, { laCode: LA, name: 'Ysgol yr Eglwys Sant Tomos' });
  await t.database.db.update(schools).set({ governance: 'voluntary_aided' }).where(eq(schools.number, school.number));
  officer = await buildUser(t.database.db, { role: 'la_officer', scopeId: LA });
  visitor = await visitorFor(t, officer);
});
afterAll(() => t.close());

describe('opening a case', () => {
  it('refuses an empty form with translated errors, keeping what was typed and writing nothing', async () => {
    const before = await countRows(t.database.db, 'concern_cases');
    const bad = await visitor.post(
      register,
      { school: '12', summary: 'Kept text', 'openedOn-day': '31', 'openedOn-month': '2', 'openedOn-year': '2025' },
      { tokenFrom: `${register}/new` },
    );
    expect(bad.statusCode).toBe(400);
    const text = pageText(bad.body);
    for (const message of [
      'Enter the school number as 7 digits',
      'Select where the concern comes from',
      'Select at least one ground for intervention',
      'The date the case was opened must be a real date',
    ])
      expect(text).toContain(message);
    expect(bad.body).toContain('Kept text');
    const welsh = await (await inWelsh()).post(`${register}?lang=cy`, {}, { tokenFrom: `${register}/new` });
    expect(pageText(welsh.body)).toContain('Rhowch rif yr ysgol');
    expect(pageText(welsh.body)).toContain('Dewiswch o leiaf un sail dros ymyrryd');
    expect(await countRows(t.database.db, 'concern_cases')).toBe(before);
  });

  it('opens a case, audited, and lists it on the register with its next review date', async () => {
    const id = await openCase(visitor, LA, {
      school: school.number,
      source: 'la_intelligence',
      grounds: ['standards', 'safety'],
      summary: 'Standards fell sharply.',
    });
    expect(await auditEntries(t.database.db, 'concern-case-open', id)).toHaveLength(1);
    const page = pageText((await visitor.get(`/concern-cases/${id}?done=opened`)).body);
    expect(page).toContain('The case has been opened.');
    expect(page).toContain('Ground 4: the safety of pupils or staff is threatened');
    const list = pageText((await visitor.get(register)).body);
    expect(list).toContain(school.name);
    expect(list).toContain('No review date set');
    expect(pageText((await (await inWelsh()).get(`${register}?lang=cy`)).body)).toContain(
      'Gwybodaeth yr awdurdod lleol',
    );
  });
});

describe('a warning notice', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await openCase(visitor, LA, {
      school: school.number,
      source: 'la_intelligence',
      grounds: ['standards', 'special_measures'],
      summary: 'Concern about standards.',
    });
  });

  it('offers only grounds 1-6 of the case and pre-checks the copies the law requires for a voluntary aided school', async () => {
    const form = pageText((await visitor.get(`/concern-cases/${caseId}/warning-notices/new`)).body);
    expect(form).toContain('Ground 1: the standards of performance');
    expect(form).not.toContain('Ground 8: the school requires special measures');
    expect(form).toContain('The appropriate religious body (diocese)');
    expect(form).toContain('This is a voluntary aided school');
  });

  it('refuses a notice missing its required parts, in both languages, and changes nothing', async () => {
    const empty = {
      grounds: [],
      reasons: '',
      requiredAction: '',
      compliancePeriodDays: '0',
      mindedTo: [],
      copiesTo: ['headteacher'],
      'issuedOn-day': '',
      'issuedOn-month': '',
      'issuedOn-year': '',
    };
    const bad = await visitor.post(`/concern-cases/${caseId}/warning-notices`, empty, {
      tokenFrom: `/concern-cases/${caseId}/warning-notices/new`,
    });
    expect(bad.statusCode).toBe(400);
    const text = pageText(bad.body);
    for (const m of [
      "Select at least one of the case's grounds 1 to 6",
      'Enter the reasons',
      'Enter the action required',
      'The compliance period must be a whole number of days from 1 to 365',
      'Select what the local authority is minded to do',
      'Keep every recipient the law requires selected',
      'Enter the date the notice is issued',
    ])
      expect(text).toContain(m);
    const welsh = await (
      await inWelsh()
    ).post(`/concern-cases/${caseId}/warning-notices?lang=cy`, empty, {
      tokenFrom: `/concern-cases/${caseId}/warning-notices/new`,
    });
    expect(pageText(welsh.body)).toContain('Rhowch y rhesymau');
    expect(pageText(welsh.body)).toContain("Cadwch bob derbynnydd sy'n ofynnol yn ôl y gyfraith wedi'i ddewis");
    expect(await countRows(t.database.db, 'warning_notices')).toBe(0);
    expect((await stateOf(caseId)).state).toBe('open');
  });

  it('issues the notice (the case is then under notice) and gives one bilingual PDF, Welsh first', async () => {
    const form = noticeForm({
      copiesTo: ['headteacher', 'welsh_ministers', 'religious_body'],
      otherCopies: 'Estyn',
      compliancePeriodDays: '28',
      mindedToDetail: 'An interim executive board would be sought.',
    });
    const issued = await visitor.post(`/concern-cases/${caseId}/warning-notices`, form, {
      tokenFrom: `/concern-cases/${caseId}/warning-notices/new`,
    });
    expect(issued.statusCode, issued.body.slice(0, 300)).toBe(303);
    expect((await stateOf(caseId)).state).toBe('warning_notice');
    const url = issued.headers.location!.split('?')[0]!;
    const page = pageText((await visitor.get(url)).body);
    expect(page).toContain('28 days, ending');
    expect(page).toContain('Estyn');
    expect(pageText((await (await inWelsh()).get(`${url}?lang=cy`)).body)).toContain('Hysbysiad rhybuddio');
    const pdf = await visitor.get(`${url}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const words = await pdfText(pdf.rawPayload);
    for (const s of [
      'Hysbysiad rhybuddio / Warning notice',
      'Deddf Safonau a Threfniadaeth Ysgolion (Cymru) 2013',
      'Section 3, School Standards and Organisation (Wales) Act 2013',
      'Sail 1: mae safonau perfformiad disgyblion yn annerbyniol o isel',
      'Ground 1: the standards of performance of pupils are unacceptably low',
      'Outcomes in literacy fell for three years running.',
      "Testun fel y'i hysgrifennwyd yn Saesneg / Text as written in English",
      'Gweinidogion Cymru / The Welsh Ministers',
      'Y corff crefyddol priodol (yr esgobaeth) / The appropriate religious body (diocese)',
      'o fewn 28 diwrnod',
      'within 28 days',
      'Adran 6: rhoi bwrdd gweithredol interim',
      'Section 6: replace the governing body with an interim executive board',
    ])
      expect(words).toContain(s);
    expect(words.indexOf('Os na fydd y corff llywodraethu')).toBeLessThan(
      words.indexOf('If the governing body does not comply'),
    );
    expect(words.indexOf('Os na fydd y corff llywodraethu')).toBeGreaterThan(0);
    expect(await auditEntries(t.database.db, 'warning-notice-issue')).toHaveLength(1);
  });

  it('refuses an intervention inside the compliance period and an interim executive board without consent', async () => {
    const fresh = await openCase(visitor, LA, {
      school: school.number,
      source: 'la_intelligence',
      grounds: ['management'],
      summary: 'x',
    });
    await visitor.post(
      `/concern-cases/${fresh}/warning-notices`,
      noticeForm({
        grounds: ['management'],
        ...dateBoxes('issuedOn', -5),
        copiesTo: ['headteacher', 'welsh_ministers', 'religious_body'],
      }),
      { tokenFrom: `/concern-cases/${fresh}/warning-notices/new` },
    );
    const early = await visitor.post(
      `/concern-cases/${fresh}/interventions`,
      { kind: 'directions', ...dateBoxes('decidedOn') },
      { tokenFrom: `/concern-cases/${fresh}/interventions/new` },
    );
    expect(early.statusCode).toBe(400);
    expect(pageText(early.body)).toContain(
      "The date of the decision must be after the warning notice's compliance period has ended",
    );
    const ieb = await (
      await inWelsh()
    ).post(
      `/concern-cases/${caseId}/interventions?lang=cy`,
      { kind: 'interim_executive_board', ...dateBoxes('decidedOn') },
      { tokenFrom: `/concern-cases/${caseId}/interventions/new` },
    );
    expect(ieb.statusCode).toBe(400);
    expect(pageText(ieb.body)).toContain('Rhowch ddyddiad cydsyniad Gweinidogion Cymru');
    expect(await countRows(t.database.db, 'concern_interventions')).toBe(0);
    const ok = await visitor.post(
      `/concern-cases/${caseId}/interventions`,
      {
        kind: 'interim_executive_board',
        details: 'Board of four.',
        ...dateBoxes('decidedOn'),
        ...dateBoxes('ministersConsentOn', -2),
      },
      { tokenFrom: `/concern-cases/${caseId}/interventions/new` },
    );
    expect(ok.statusCode).toBe(303);
    expect((await stateOf(caseId)).state).toBe('intervention');
    const page = pageText((await visitor.get(`/concern-cases/${caseId}`)).body);
    expect(page).toContain('Section 6: replace the governing body with an interim executive board');
    expect(page).toContain("Welsh Ministers' consent given on");
    expect(await auditEntries(t.database.db, 'concern-intervention-create')).toHaveLength(1);
  });
});

describe('the states, the support plan and exit', () => {
  it('lets an Estyn category go straight to monitoring, never back, and refuses that to LA intelligence', async () => {
    const intelligence = await openCase(visitor, LA, {
      school: school.number,
      source: 'la_intelligence',
      grounds: ['standards'],
      summary: 'x',
    });
    const token = await visitor.csrfToken(`/concern-cases/${intelligence}`);
    expect(
      (
        await visitor.post(
          `/concern-cases/${intelligence}/state`,
          { version: '1', state: 'intervention' },
          { csrf: token },
        )
      ).statusCode,
    ).toBe(400);
    const estyn = await openCase(visitor, LA, {
      school: school.number,
      source: 'estyn_special_measures',
      grounds: ['special_measures'],
      summary: 'Estyn: special measures.',
    });
    const page = pageText((await visitor.get(`/concern-cases/${estyn}`)).body);
    expect(page).not.toContain('Issue a warning notice');
    expect(
      (await visitor.post(`/concern-cases/${estyn}/state`, { version: '1', state: 'monitoring' }, { csrf: token }))
        .statusCode,
    ).toBe(303);
    expect((await stateOf(estyn)).state).toBe('monitoring');
    expect(
      (await visitor.post(`/concern-cases/${estyn}/state`, { version: '2', state: 'intervention' }, { csrf: token }))
        .statusCode,
    ).toBe(400);
    // A stale page (version 1) is not applied.
    const other = await openCase(visitor, LA, {
      school: school.number,
      source: 'estyn_significant_improvement',
      grounds: ['significant_improvement'],
      summary: 'x',
    });
    await visitor.post(`/concern-cases/${other}/state`, { version: '1', state: 'intervention' }, { csrf: token });
    const stale = await visitor.post(
      `/concern-cases/${other}/state`,
      { version: '1', state: 'monitoring' },
      { csrf: token },
    );
    expect(stale.headers.location).toContain('done=stale');
    expect((await stateOf(other)).state).toBe('intervention');
    expect(await auditEntries(t.database.db, 'concern-case-state', estyn)).toHaveLength(1);
  });

  it('keeps a support plan with review dates, with optimistic locking, then exits the case', async () => {
    const id = await openCase(visitor, LA, {
      school: school.number,
      source: 'estyn_significant_improvement',
      grounds: ['significant_improvement'],
      summary: 'x',
    });
    const missing = await visitor.post(
      `/concern-cases/${id}/support-items`,
      { action: '', owner: '' },
      { tokenFrom: `/concern-cases/${id}/support-items/new` },
    );
    expect(missing.statusCode).toBe(400);
    expect(pageText(missing.body)).toContain('Enter the review date');
    const added = await visitor.post(
      `/concern-cases/${id}/support-items`,
      { action: 'Literacy coaching for Year 5 staff', owner: 'Improvement partner', ...dateBoxes('reviewOn', 30) },
      { tokenFrom: `/concern-cases/${id}/support-items/new` },
    );
    expect(added.statusCode).toBe(303);
    const [item] = await t.database.db.select().from(concernSupportItems).where(eq(concernSupportItems.caseId, id));
    const edit = `/concern-cases/${id}/support-items/${item!.id}`;
    const saved = await visitor.post(
      edit,
      {
        version: '1',
        action: item!.action,
        owner: item!.owner,
        status: 'done',
        reviewNotes: 'Coaching complete.',
        ...dateBoxes('reviewOn', 30),
      },
      { tokenFrom: edit },
    );
    expect(saved.statusCode).toBe(303);
    const conflict = await visitor.post(
      edit,
      {
        version: '1',
        action: 'Changed',
        owner: item!.owner,
        status: 'open',
        reviewNotes: '',
        ...dateBoxes('reviewOn', 30),
      },
      { tokenFrom: edit },
    );
    expect(conflict.statusCode).toBe(409);
    expect(pageText(conflict.body)).toContain('Coaching complete.');
    expect(await auditEntries(t.database.db, 'concern-support-item-update', item!.id)).toHaveLength(1);
    expect(pageText((await visitor.get(`/concern-cases/${id}`)).body)).toContain('Literacy coaching for Year 5 staff');

    const noReason = await (
      await inWelsh()
    ).post(
      `/concern-cases/${id}/exit?lang=cy`,
      { version: '1', exitReason: '', ...dateBoxes('exitedOn') },
      { tokenFrom: `/concern-cases/${id}/exit` },
    );
    expect(noReason.statusCode).toBe(400);
    expect(pageText(noReason.body)).toContain('Rhowch y rheswm dros adael');
    const exited = await visitor.post(
      `/concern-cases/${id}/exit`,
      { version: '1', exitReason: 'Estyn removed the school from the category.', ...dateBoxes('exitedOn') },
      { tokenFrom: `/concern-cases/${id}/exit` },
    );
    expect(exited.statusCode).toBe(303);
    const row = await stateOf(id);
    expect([row.state, row.exitReason]).toEqual(['exited', 'Estyn removed the school from the category.']);
    expect(await auditEntries(t.database.db, 'concern-case-exit', id)).toHaveLength(1);
    expect((await visitor.get(`/concern-cases/${id}/support-items/new`)).statusCode).toBe(404);
    const list = pageText((await visitor.get(register)).body);
    expect(list.indexOf('Exited cases')).toBeLessThan(list.lastIndexOf(school.name));
  });
});
