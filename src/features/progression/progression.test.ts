import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildCollaborative, makeLead } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
let lead: TestUser, practitioner: TestUser, stranger: TestUser, officer: TestUser;
let base: string;
let primary: Awaited<ReturnType<typeof buildSchool>>, secondary: typeof primary;

const session = (over: Record<string, string | string[]> = {}) => ({
  'heldOn-day': '12',
  'heldOn-month': '2',
  'heldOn-year': '2026',
  area: 'languages_literacy',
  progressionStep: '3',
  focus: 'Year 6 to 7 transition: writing',
  schools: [primary.number, secondary.number],
  samples: 'A Year 6 persuasive letter, working towards the step.',
  expectations: 'Learners organise writing in paragraphs for a purpose.',
  ...over,
});

async function record(visitor: Visitor, form = session()) {
  const response = await visitor.post(`${base}/new`, form, { tokenFrom: `${base}/new` });
  expect(response.statusCode, pageText(response.body).slice(0, 1500)).toBe(303);
  return response.headers.location!.split('/')[4]!.split('?')[0]!;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  primary = await buildSchool(db, { laCode: '667', sector: 'primary', name: 'Ysgol Gynradd Cwm' });
  secondary = await buildSchool(db, { laCode: '667', sector: 'secondary', name: 'Ysgol Uwchradd Cwm' });
  const outsider = await buildSchool(db, { laCode: '667', sector: 'primary', name: 'Ysgol Arall' });
  const collaborative = await buildCollaborative(db, {
    members: [primary, secondary],
    nameEn: 'Cwm cluster',
    nameCy: 'Clwstwr Cwm',
  });
  base = `/collaboratives/${collaborative.id}/progression`;
  lead = await buildUser(db, { role: 'practitioner', scopeId: primary.number });
  await makeLead(db, collaborative.id, lead);
  practitioner = await buildUser(db, { role: 'practitioner', scopeId: secondary.number });
  stranger = await buildUser(db, { role: 'headteacher', scopeId: outsider.number });
  officer = await buildUser(db, { role: 'la_officer', scopeId: '667' });
});
afterAll(() => t.close());

describe('progression sessions', () => {
  it('lets a lead record a session, audited, shown in English and Welsh with the step and its age', async () => {
    const visitor = await as(lead);
    const id = await record(visitor);
    const page = pageText((await visitor.get(`${base}/${id}?lang=en`)).body);
    expect(page).toContain('Languages, Literacy and Communication, Progression step 3');
    expect(page).toContain('broadly age 11');
    expect(page).toContain('Ysgol Gynradd Cwm, Ysgol Uwchradd Cwm');
    expect(page).toContain('Learners organise writing in paragraphs for a purpose.');
    const welsh = pageText((await visitor.get(`${base}/${id}?lang=cy`)).body);
    expect(welsh).toContain('Ieithoedd, Llythrennedd a Chyfathrebu, Cam cynnydd 3');
    expect(welsh).toContain('Disgwyliadau a gytunwyd');
    const [audit] = await auditEntries(t.database.db, 'progression-session-create', id);
    expect(audit?.actorId).toBe(lead.id);
    const saved = await rows<{ progression_step: number; language: string }>(
      sql`select progression_step, language from progression_sessions where id = ${id}`,
    );
    expect(saved[0]).toEqual({ progression_step: 3, language: 'en' });
    const form = pageText((await visitor.get(`${base}/new?lang=en`)).body);
    expect(form).toContain('broadly age 5');
    expect(form).toContain('broadly age 16');
  });

  it('refuses a session without expectations, Area or step, keeping what was typed', async () => {
    const bad = await (
      await as(lead)
    ).post(
      `${base}/new?lang=en`,
      session({ expectations: '', area: 'astrology', progressionStep: '6', focus: 'Kept focus' }),
      { tokenFrom: `${base}/new` },
    );
    expect(bad.statusCode).toBe(400);
    const text = pageText(bad.body);
    expect(text).toContain('Enter the expectations agreed');
    expect(text).toContain('Choose an Area or skill');
    expect(text).toContain('Choose a progression step');
    expect(bad.body).toContain('value="Kept focus"');
    const cy = await (
      await as(lead)
    ).post(`${base}/new?lang=cy`, session({ expectations: '' }), { tokenFrom: `${base}/new` });
    expect(pageText(cy.body)).toContain('Rhowch y disgwyliadau a gytunwyd');
  });

  it('warns when samples seem to name a learner and saves only once confirmed', async () => {
    const visitor = await as(lead);
    const samples = 'Writing by Cerys Morgan in Year 6.';
    const flagged = await visitor.post(`${base}/new?lang=en`, session({ samples }), { tokenFrom: `${base}/new` });
    expect(flagged.statusCode).toBe(400);
    expect(pageText(flagged.body)).toContain("“Cerys Morgan” looks like a person's full name.");
    expect(pageText(flagged.body)).toContain('Samples must be anonymised');
    await record(visitor, session({ samples, learnerDataChecked: 'yes' }));
  });

  it('filters the list by Area, newest first', async () => {
    const visitor = await as(practitioner);
    await record(
      await as(lead),
      session({ area: 'mathematics_numeracy', 'heldOn-year': '2027', focus: 'Fractions at step 3' }),
    );
    const maths = pageText((await visitor.get(`${base}?area=mathematics_numeracy&lang=en`)).body);
    expect(maths).toContain('Fractions at step 3');
    expect(maths).not.toContain('Year 6 to 7 transition: writing');
    const all = pageText((await visitor.get(`${base}?lang=en`)).body);
    expect(all.indexOf('Fractions at step 3')).toBeLessThan(all.indexOf('Year 6 to 7 transition: writing'));
    expect(pageText((await visitor.get(`${base}?area=skill_digital&lang=cy`)).body)).toContain(
      "Nid oes sesiynau wedi'u cofnodi ar gyfer y Maes",
    );
  });

  it('edits with optimistic locking (409 with both versions) and audits the change', async () => {
    const visitor = await as(lead);
    const id = await record(visitor);
    const edit = `${base}/${id}/edit`;
    expect(
      (await visitor.post(edit, session({ version: '1', expectations: 'Revised expectations.' }), { tokenFrom: edit }))
        .statusCode,
    ).toBe(303);
    const stale = await visitor.post(
      `${edit}?lang=en`,
      session({ version: '1', expectations: 'My older expectations.' }),
      { tokenFrom: edit },
    );
    expect(stale.statusCode).toBe(409);
    expect(pageText(stale.body)).toContain('Revised expectations.');
    expect(pageText(stale.body)).toContain('My older expectations.');
    expect(await auditEntries(t.database.db, 'progression-session-update', id)).toHaveLength(1);
    const ics = (await visitor.get(`${base}/${id}/calendar.ics?lang=cy`)).body;
    expect(ics).toContain('DTSTART;VALUE=DATE:20260212');
    expect(ics).toContain(`UID:${id}@cydwella`);
  });

  it('gives 404 to strangers, 403 to LA staff who do not facilitate and to members who may only look', async () => {
    const id = await record(await as(lead));
    for (const [user, status] of [
      [stranger, 404],
      [officer, 403],
    ] as const) {
      const visitor = await as(user);
      for (const url of [base, `${base}/${id}`, `${base}/${id}/calendar.ics`, `${base}/new`])
        expect((await visitor.get(url)).statusCode, url).toBe(status);
    }
    const looker = await as(practitioner);
    expect((await looker.get(`${base}/${id}`)).statusCode).toBe(200);
    expect((await looker.get(`${base}/${id}/edit`)).statusCode).toBe(403);
    expect((await looker.post(`${base}/new`, session(), { tokenFrom: base })).statusCode).toBe(403);
  });
});
