// Issue 18, part 5: a school's consent to count its SLO results, and the pictures of the schools
// that consented, per role: each LA sees only its schools, each collaborative only its members, WG
// Wales; nothing below 5 schools (or 5 people in a school) is shown; withdrawing uncounts a school.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../../test/support/audit-helpers.ts';
import { buildCollaborative } from '../../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../../test/support/http.ts';
import { buildSchool } from '../../../../test/support/school-factories.ts';
import { buildSloSurvey, YEAR_MS } from '../../../../test/support/slo-factories.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { surveyShares } from '../../../db/schema/index.ts';
import { academicYearOf } from '../../../reference/reference-data.ts';
import type { Survey } from '../survey-repository.ts';

type Member = { school: Awaited<ReturnType<typeof buildSchool>>; head: TestUser; survey: Survey };
let t: TestApp;
/** Seven schools of LA 681 with last year's closed survey (6 agreeing answers each; the last has only 3). */
const members: Member[] = [];
let otherLa: Member;
let collaborativeId: string;
let laOfficer: TestUser;
let otherLaOfficer: TestUser;
let wg: TestUser;
let leader: TestUser;
let practitioner: TestUser;
let outsiderHead: TestUser;
const lastYear = academicYearOf(new Date(Date.now() - YEAR_MS));
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const resultsOf = (m: Member) => `/schools/${m.school.number}/surveys/${m.survey.id}`;
const share = async (m: Member, form: Record<string, string | string[]>, user: TestUser = m.head) =>
  (await as(user)).post(`${resultsOf(m)}/sharing`, form, { tokenFrom: resultsOf(m) });
const cells = (html: string, dimension: string) => {
  const row = new RegExp(`data-dimension="${dimension}">([\\s\\S]*?)</tr>`).exec(html)![1]!;
  return [...row.matchAll(/<td[^>]*>\s*([\s\S]*?)\s*<\/td>/g)].map((m) => pageText(m[1]!).trim());
};

async function member(laCode: string, answers: string[]): Promise<Member> {
  const school = await buildSchool(t.database.db, { laCode });
  const head = await buildUser(t.database.db, { role: 'headteacher', scopeId: school.number });
  const at = new Date(Date.now() - YEAR_MS);
  const survey = await buildSloSurvey(t.database.db, {
    schoolNumber: school.number,
    headteacherId: head.id,
    at,
    answers,
    close: true,
  });
  return { school, head, survey };
}

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 6; i++) members.push(await member('681', ['5', '4', '4', '4', '2', i < 3 ? '5' : '1']));
  members.push(await member('681', ['5', '5', '5']));
  otherLa = await member('660', ['4', '4', '4', '4', '4']);
  collaborativeId = (await buildCollaborative(t.database.db, { members: members.map((m) => m.school) })).id;
  laOfficer = await buildUser(t.database.db, { role: 'la_officer', scopeId: '681' });
  otherLaOfficer = await buildUser(t.database.db, { role: 'la_officer', scopeId: '660' });
  wg = await buildUser(t.database.db, { role: 'wg_official' });
  leader = await buildUser(t.database.db, { role: 'school_leader', scopeId: members[0]!.school.number });
  practitioner = await buildUser(t.database.db, { role: 'practitioner', scopeId: members[0]!.school.number });
  outsiderHead = otherLa.head;
});
afterAll(() => t.close());

describe('sharing SLO results by dimension', () => {
  it('lets the headteacher consent per audience on a closed survey, audited, and change it', async () => {
    const m = members[0]!;
    const page = pageText((await (await as(m.head)).get(resultsOf(m))).body);
    expect(page).toContain('Share these results more widely');
    expect(page).toContain('Never the statements');
    const sent = await share(m, { audiences: ['la', 'national'], collaboratives: collaborativeId });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${resultsOf(m)}?done=shared#sharing`);
    expect(await t.database.db.select().from(surveyShares)).toHaveLength(3);
    expect(await auditEntries(t.database.db, 'survey-share-add', m.survey.id)).toHaveLength(3);
    const again = await (await as(m.head)).get(resultsOf(m));
    expect(again.body).toMatch(/value="la" checked/);
    // Unticking Wales withdraws that consent only.
    await share(m, { audiences: 'la', collaboratives: collaborativeId });
    expect((await t.database.db.select().from(surveyShares)).map((s) => s.audience).sort()).toEqual([
      'collaborative',
      'la',
    ]);
    expect(await auditEntries(t.database.db, 'survey-share-remove', m.survey.id)).toHaveLength(1);
  });

  it('refuses other roles, hostile choices and open surveys, changing nothing', async () => {
    const m = members[1]!;
    for (const user of [practitioner, outsiderHead, laOfficer, wg]) {
      const refused = await (
        await as(user)
      ).post(`${resultsOf(m)}/sharing`, { audiences: 'la' }, { tokenFrom: '/account/password' });
      expect([403, 404]).toContain(refused.statusCode);
    }
    expect((await share(m, { audiences: 'public' })).statusCode).toBe(400);
    expect((await share(m, { audiences: 'la', collaboratives: crypto.randomUUID() })).statusCode).toBe(400);
    expect((await share(m, { audiences: 'la', collaboratives: 'not-an-id' })).statusCode).toBe(400);
    expect((await share(m, { audiences: ['la', 'la', 'la'] })).statusCode).toBe(400);
    // A school leader may withdraw but not widen (DOMAIN.md section 7, rule 2).
    const widened = await (
      await as(leader)
    ).post(
      `/schools/${members[0]!.school.number}/surveys/${members[0]!.survey.id}/sharing`,
      { audiences: ['la', 'national'], collaboratives: collaborativeId },
      { tokenFrom: resultsOf(members[0]!) },
    );
    expect(widened.statusCode).toBe(403);
    const open = await buildSloSurvey(t.database.db, {
      schoolNumber: m.school.number,
      headteacherId: m.head.id,
      at: new Date(),
      answers: ['4'],
      close: false,
    });
    const openShare = await (
      await as(m.head)
    ).post(`/schools/${m.school.number}/surveys/${open.id}/sharing`, { audiences: 'la' }, { tokenFrom: resultsOf(m) });
    expect(openShare.statusCode).toBe(400);
    expect(await t.database.db.select().from(surveyShares)).toHaveLength(2);
  });

  it('shows the LA nothing below 5 schools, then the distribution of the schools that consented only', async () => {
    const url = '/local-authorities/681/slo-survey';
    const officer = await as(laOfficer);
    expect(pageText((await officer.get(url)).body)).toContain('Fewer than 5 schools can be counted');
    for (const m of members.slice(1, 4)) await share(m, { audiences: 'la' });
    // Four schools: no figure.
    let html = (await officer.get(url)).body;
    expect(pageText(html)).toContain('Fewer than 5 schools can be counted');
    expect(html).not.toContain('data-dimension');
    // The school with 3 answers consents: it is not counted (fewer than 5 people).
    await share(members[6]!, { audiences: 'la' });
    expect(pageText((await officer.get(url)).body)).toContain('Fewer than 5 schools can be counted');
    // A fifth counted school: the figures appear. Three schools agree 5 in 6 (83%), two 4 in 6 (67%);
    // bands of 3 and 2 schools are not shown, and hidden together nothing can be worked out.
    await share(members[4]!, { audiences: 'la' });
    html = (await officer.get(url)).body;
    expect(pageText(html)).toContain('5 schools are counted');
    expect(cells(html, 'vision')).toEqual(['0', 'not shown', 'not shown', '0', '77% of 30']);
    expect(pageText(html)).not.toContain('Test School');
    // Schools of LA 681 that shared with Wales or a collaborative only are not counted by the LA.
    await share(members[5]!, { audiences: 'national' });
    expect(pageText((await officer.get(url)).body)).toContain('5 schools are counted');
  });

  it('shows another LA nothing of this LA, and withdrawing uncounts a school', async () => {
    expect([403, 404]).toContain(
      (await (await as(otherLaOfficer)).get('/local-authorities/681/slo-survey')).statusCode,
    );
    await share(otherLa, { audiences: 'la' });
    const theirs = pageText((await (await as(otherLaOfficer)).get('/local-authorities/660/slo-survey')).body);
    expect(theirs).toContain('Fewer than 5 schools can be counted');
    await share(members[4]!, {});
    const html = (await (await as(laOfficer)).get('/local-authorities/681/slo-survey')).body;
    expect(pageText(html)).toContain('Fewer than 5 schools can be counted');
  });

  it('shows a collaborative only its members that shared with it, and WG only Wales', async () => {
    const url = `/collaboratives/${collaborativeId}/slo-survey`;
    const memberHead = await as(members[0]!.head);
    const page = await memberHead.get(url);
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('Fewer than 5 schools can be counted');
    expect([403, 404]).toContain((await (await as(outsiderHead)).get(url)).statusCode);
    expect([403, 404]).toContain((await (await as(laOfficer)).get('/national/slo-survey')).statusCode);
    const national = await (await as(wg)).get('/national/slo-survey');
    expect(national.statusCode).toBe(200);
    expect(pageText(national.body)).toContain('Fewer than 5 schools can be counted');
    for (const m of members.slice(1, 4))
      await share(m, { audiences: ['la', 'national'], collaboratives: collaborativeId });
    await share(otherLa, { audiences: ['la', 'national'] });
    const wales = (await (await as(wg)).get('/national/slo-survey?year=' + lastYear)).body;
    // Wales: members 1, 2, 3 and 5, and the school of LA 660; bands of 2, 2 and 1 schools stay hidden.
    expect(pageText(wales)).toContain('5 schools are counted');
    expect(cells(wales, 'vision')).toEqual(['0', 'not shown', 'not shown', 'not shown', '79% of 29']);
    // The collaborative: members 0 to 3 shared with it, four schools.
    expect(pageText((await memberHead.get(url)).body)).toContain('Fewer than 5 schools can be counted');
  });
});
