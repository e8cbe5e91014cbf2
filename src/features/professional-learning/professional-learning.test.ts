import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { professionalLearningRecords, users } from '../../db/schema/index.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildCollaborative, makeLead } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
// LA 662 is this file's alone, so what the rule counts is exactly what is built here.
const LA = '662';
const PAGE = `/local-authorities/${LA}/professional-learning`;
const REQUIRED = 'facilitating_collaborative_improvement';
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const named = async (user: TestUser, displayName: string) => {
  await t.database.db.update(users).set({ displayName }).where(eq(users.id, user.id));
  return user;
};
const records = (userId: string) =>
  t.database.db.select().from(professionalLearningRecords).where(eq(professionalLearningRecords.userId, userId));
const completion = (person: string, programme = REQUIRED, date = { day: '14', month: '3', year: '2025' }) => ({
  person,
  programme,
  'completedOn-day': date.day,
  'completedOn-month': date.month,
  'completedOn-year': date.year,
});
// The words a reader sees, tags and all runs of white space collapsed.
const words = (html: string) =>
  pageText(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .replace(/ ([:,.])/g, '$1');
const card = (html: string, part: string) => words(html.split(`data-testid="rule-${part}"`)[1]!.split('</dl>')[0]!);

let officer: TestUser,
  partner: TestUser,
  otherOfficer: TestUser,
  secondaryHead: TestUser,
  secondaryLeader: TestUser,
  practitioner: TestUser,
  primaryHead: TestUser,
  clusterLead: TestUser;
let secondary: Awaited<ReturnType<typeof buildSchool>>, primary: typeof secondary;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  secondary = await buildSchool(db, { laCode: LA, sector: 'secondary', name: 'Bryn Comprehensive' });
  await buildSchool(db, { laCode: LA, sector: 'middle', name: 'Ysgol Pob Oed' });
  primary = await buildSchool(db, { laCode: LA, sector: 'primary', name: 'Ysgol Gynradd Bryn' });
  const closedClusterSchool = await buildSchool(db, { laCode: LA, sector: 'primary', name: 'Ysgol Fach' });
  const elsewhere = await buildSchool(db, { laCode: '672', sector: 'primary', name: 'Ysgol Arall' });

  officer = await named(await buildUser(db, { role: 'la_officer', scopeId: LA }), 'Olwen Officer');
  partner = await named(await buildUser(db, { role: 'improvement_partner', scopeId: LA }), 'Iwan Partner');
  await named(await buildUser(db, { role: 'improvement_partner', scopeId: LA, active: false }), 'Gone Partner');
  otherOfficer = await named(await buildUser(db, { role: 'la_officer', scopeId: '672' }), 'Owen Elsewhere');
  secondaryHead = await named(await buildUser(db, { role: 'headteacher', scopeId: secondary.number }), 'Sian Head');
  secondaryLeader = await named(
    await buildUser(db, { role: 'school_leader', scopeId: secondary.number }),
    'Dafydd Deputy',
  );
  practitioner = await named(
    await buildUser(db, { role: 'practitioner', scopeId: secondary.number }),
    'Pat Practitioner',
  );
  primaryHead = await named(await buildUser(db, { role: 'headteacher', scopeId: primary.number }), 'Nia Primary');
  await named(await buildUser(db, { role: 'headteacher', scopeId: elsewhere.number }), 'Far Away');

  const cluster = await buildCollaborative(db, {
    laCode: LA,
    members: [primary, secondary],
    nameEn: 'Bryn cluster',
    nameCy: 'Clwstwr Bryn',
  });
  clusterLead = await named(await buildUser(db), 'Cai Lead');
  await makeLead(db, cluster.id, clusterLead);
  await buildCollaborative(db, {
    laCode: LA,
    kind: 'horizontal',
    basis: 'phase',
    members: [secondary],
    nameEn: 'Secondary heads group',
    nameCy: 'Grŵp penaethiaid uwchradd',
  });
  await buildCollaborative(db, {
    laCode: LA,
    members: [closedClusterSchool],
    status: 'closed',
    nameEn: 'Old cluster',
    nameCy: 'Hen glwstwr',
  });
});
afterAll(() => t.close());

describe('the LA page: the rule and the gaps by name', () => {
  it('shows an improvement partner each part, not met, with the gaps named and the reasons told apart', async () => {
    const page = await (await as(partner)).get(PAGE);
    expect(page.statusCode, page.body.slice(0, 400)).toBe(200);
    const staff = card(page.body, 'staff');
    expect(staff).toContain('Not met');
    expect(staff).toContain('0 of 2 members of staff have completed it');
    expect(staff).toContain('Olwen Officer');
    expect(staff).toContain('Iwan Partner');
    expect(staff).not.toContain('Gone Partner');
    const secondaries = card(page.body, 'secondary');
    expect(secondaries).toContain('Ysgol Pob Oed: no senior leader recorded');
    expect(secondaries).toContain('Bryn Comprehensive: none of its leaders has completed it yet');
    const collaboratives = card(page.body, 'collaboratives');
    expect(collaboratives).toContain('0 of 1 cluster or collaborative has a leader who has completed it');
    expect(collaboratives).toContain('Bryn cluster');
    expect(pageText(page.body)).not.toContain('Secondary heads group');
    expect(pageText(page.body)).not.toContain('Old cluster');
    expect(pageText(page.body)).toContain('not yet met in full');
    // Improvement partners read; only officers get the form.
    expect(page.body).not.toContain('name="person"');
  });

  it('speaks Welsh', async () => {
    const page = words((await (await as(partner)).get(`${PAGE}?lang=cy`)).body);
    expect(page).toContain('Dysgu proffesiynol');
    expect(page).toContain('Heb ei fodloni');
    expect(page).toContain("Ysgol Pob Oed: dim uwch arweinydd wedi'i gofnodi");
    expect(page).toContain('Clwstwr Bryn');
  });

  it('is not found for another LA’s officer and for school staff', async () => {
    expect((await (await as(otherOfficer)).get(PAGE)).statusCode).toBe(404);
    expect(
      (await (await as(otherOfficer)).post(PAGE, completion(partner.id), { tokenFrom: '/account/password' }))
        .statusCode,
    ).toBe(404);
    expect((await (await as(secondaryHead)).get(PAGE)).statusCode).toBe(403);
  });
});

describe('recording completions as an LA officer', () => {
  it('refuses an improvement partner (403) and changes nothing', async () => {
    const response = await (await as(partner)).post(PAGE, completion(partner.id), { tokenFrom: '/account/password' });
    expect(response.statusCode).toBe(403);
    expect(await records(partner.id)).toHaveLength(0);
  });

  it('records a completion, audited, and the rule moves', async () => {
    const visitor = await as(officer);
    const form = await visitor.get(PAGE);
    expect(pageText(form.body)).toContain('Iwan Partner (Improvement partner)');
    expect(pageText(form.body)).toContain('Cai Lead (Collaborative lead, Bryn cluster)');
    expect(pageText(form.body)).not.toContain('Far Away');
    const response = await visitor.post(PAGE, completion(partner.id), { tokenFrom: PAGE });
    expect(response.statusCode, response.body.slice(0, 400)).toBe(303);
    expect(response.headers.location).toBe(`${PAGE}?done=recorded#records`);
    const [row] = await records(partner.id);
    expect(row).toMatchObject({ programmeCode: REQUIRED, completedOn: '2025-03-14', recordedBy: officer.id });
    const audit = await auditEntries(t.database.db, 'professional-learning-record', row!.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(officer.id);
    const after = await visitor.get(`${PAGE}?done=recorded`);
    expect(pageText(after.body)).toContain('The completion has been recorded.');
    expect(card(after.body, 'staff')).toContain('1 of 2 members of staff have completed it');
    expect(card(after.body, 'staff')).not.toContain('Iwan Partner');
  });

  it('counts a member school’s headteacher for the cluster and for the secondary school', async () => {
    const visitor = await as(officer);
    expect((await visitor.post(PAGE, completion(secondaryHead.id), { tokenFrom: PAGE })).statusCode).toBe(303);
    const page = await visitor.get(PAGE);
    expect(card(page.body, 'secondary')).not.toContain('Bryn Comprehensive');
    expect(card(page.body, 'secondary')).toContain('Ysgol Pob Oed');
    expect(card(page.body, 'collaboratives')).toContain('Met');
    expect(card(page.body, 'collaboratives')).not.toContain('Not met');
    expect(card(page.body, 'collaboratives')).toContain(
      '1 of 1 cluster or collaborative has a leader who has completed it',
    );
  });

  it('refuses a second completion of the same programme with a clear error', async () => {
    const visitor = await as(officer);
    const response = await visitor.post(
      PAGE,
      completion(partner.id, REQUIRED, { day: '1', month: '1', year: '2024' }),
      { tokenFrom: PAGE },
    );
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain("This person's completion of this programme is already recorded");
    expect(await records(partner.id)).toHaveLength(1);
  });

  it('refuses a date in the future, keeping what was chosen', async () => {
    const visitor = await as(officer);
    const next = String(new Date().getFullYear() + 1);
    const response = await visitor.post(
      PAGE,
      completion(officer.id, 'peer_enquiry', { day: '1', month: '9', year: next }),
      { tokenFrom: PAGE },
    );
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('The date completed must be today or in the past');
    expect(response.body).toContain(`value="${officer.id}" selected`);
    expect(response.body).toContain(`value="${next}"`);
    expect(await records(officer.id)).toHaveLength(0);
  });

  it('explains missing and impossible answers, in Welsh too', async () => {
    const visitor = await as(officer);
    const empty = await visitor.post(`${PAGE}?lang=cy`, completion('', '', { day: '31', month: '2', year: '2025' }), {
      tokenFrom: PAGE,
    });
    expect(empty.statusCode).toBe(400);
    const text = pageText(empty.body);
    expect(text).toContain('Dewiswch pwy a gwblhaodd y rhaglen');
    expect(text).toContain('Dewiswch y rhaglen');
    expect(text).toContain("Rhaid i'r dyddiad cwblhau fod yn ddyddiad go iawn");
    const blank = await visitor.post(
      `${PAGE}?lang=en`,
      completion(officer.id, REQUIRED, { day: '', month: '', year: '' }),
      { tokenFrom: PAGE },
    );
    expect(pageText(blank.body)).toContain('Enter the date the programme was completed');
  });

  it('refuses someone who is not one of the LA’s people', async () => {
    const response = await (await as(officer)).post(PAGE, completion(otherOfficer.id), { tokenFrom: PAGE });
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('Choose someone from the list');
    expect(await records(otherOfficer.id)).toHaveLength(0);
  });

  it('filters the records by programme', async () => {
    const visitor = await as(officer);
    expect((await visitor.post(PAGE, completion(primaryHead.id, 'peer_enquiry'), { tokenFrom: PAGE })).statusCode).toBe(
      303,
    );
    const all = await visitor.get(PAGE);
    expect(all.body).toContain(`data-testid="records-${REQUIRED}"`);
    expect(all.body).toContain('data-testid="records-peer_enquiry"');
    const filtered = await visitor.get(`${PAGE}?programme=peer_enquiry`);
    expect(filtered.body).not.toContain(`data-testid="records-${REQUIRED}"`);
    expect(pageText(filtered.body)).toContain('1 completion');
    expect(pageText(filtered.body)).toContain('Nia Primary');
    // An unknown programme is no filter rather than an error.
    expect((await visitor.get(`${PAGE}?programme=nonsense`)).statusCode).toBe(200);
  });

  it('removes a completion after confirmation, audited; improvement partners may not', async () => {
    const [row] = await t.database.db
      .select()
      .from(professionalLearningRecords)
      .where(
        and(
          eq(professionalLearningRecords.userId, primaryHead.id),
          eq(professionalLearningRecords.programmeCode, 'peer_enquiry'),
        ),
      );
    const url = `${PAGE}/${row!.id}/remove`;
    expect((await (await as(partner)).get(url)).statusCode).toBe(403);
    expect((await (await as(otherOfficer)).get(url)).statusCode).toBe(404);
    const visitor = await as(officer);
    const confirm = await visitor.get(url);
    expect(confirm.statusCode).toBe(200);
    expect(pageText(confirm.body)).toContain('Are you sure you want to remove this completion?');
    expect(pageText(confirm.body)).toContain('Leading peer enquiry');
    const removed = await visitor.post(url, {}, { tokenFrom: url });
    expect(removed.statusCode).toBe(303);
    expect(await records(primaryHead.id)).toHaveLength(0);
    expect(await auditEntries(t.database.db, 'professional-learning-remove', row!.id)).toHaveLength(1);
    expect((await visitor.get(url)).statusCode).toBe(404);
  });
});

describe('a headteacher recording for their own school', () => {
  const schoolPage = () => `/schools/${secondary.number}/professional-learning`;

  it('lists the school’s staff and their completions, and records one', async () => {
    const visitor = await as(secondaryHead);
    const page = await visitor.get(schoolPage());
    expect(page.statusCode).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('Dafydd Deputy');
    expect(text).toContain('Pat Practitioner');
    expect(text).toContain('Facilitating collaborative school improvement (national programme), 14 March 2025');
    const response = await visitor.post(schoolPage(), completion(secondaryLeader.id, 'middle_leadership'), {
      tokenFrom: schoolPage(),
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    const [row] = await records(secondaryLeader.id);
    expect(row).toMatchObject({ programmeCode: 'middle_leadership', recordedBy: secondaryHead.id });
    expect(await auditEntries(t.database.db, 'professional-learning-record', row!.id)).toHaveLength(1);
    const welsh = pageText((await visitor.get(`${schoolPage()}?lang=cy&done=recorded`)).body);
    expect(welsh).toContain('Datblygu arweinyddiaeth ganol');
    expect(welsh).toContain("Mae'r cwblhau wedi'i gofnodi.");
  });

  it('only for the school’s own staff, and only at their own school', async () => {
    const visitor = await as(secondaryHead);
    const stranger = await visitor.post(schoolPage(), completion(primaryHead.id, 'self_evaluation'), {
      tokenFrom: schoolPage(),
    });
    expect(stranger.statusCode).toBe(400);
    expect(pageText(stranger.body)).toContain('Choose someone from the list');
    const otherSchool = await visitor.post(
      `/schools/${primary.number}/professional-learning`,
      completion(primaryHead.id, 'self_evaluation'),
      { tokenFrom: schoolPage() },
    );
    expect(otherSchool.statusCode).toBe(404);
    expect(await records(primaryHead.id)).toHaveLength(0);
  });

  it('lets a school leader read but not record, and keeps practitioners and governors out', async () => {
    const leader = await as(secondaryLeader);
    const page = await leader.get(schoolPage());
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="person"');
    expect(
      (await leader.post(schoolPage(), completion(secondaryLeader.id, 'self_evaluation'), { tokenFrom: schoolPage() }))
        .statusCode,
    ).toBe(403);
    expect((await (await as(practitioner)).get(schoolPage())).statusCode).toBe(403);
    expect((await (await as(otherOfficer)).get(schoolPage())).statusCode).toBe(404);
  });

  it('removes a completion of the school’s staff, and only that', async () => {
    const [mine] = await records(secondaryLeader.id);
    const [theirs] = await records(partner.id);
    const visitor = await as(secondaryHead);
    expect((await visitor.get(`${schoolPage()}/${theirs!.id}/remove`)).statusCode).toBe(404);
    expect((await (await as(secondaryLeader)).get(`${schoolPage()}/${mine!.id}/remove`)).statusCode).toBe(403);
    const url = `${schoolPage()}/${mine!.id}/remove`;
    expect((await visitor.post(url, {}, { tokenFrom: url })).statusCode).toBe(303);
    expect(await records(secondaryLeader.id)).toHaveLength(0);
    expect(await auditEntries(t.database.db, 'professional-learning-remove', mine!.id)).toHaveLength(1);
  });
});

describe('a person’s own completions on their account page', () => {
  it('shows them, in English and Welsh', async () => {
    const visitor = await as(partner);
    const en = pageText((await visitor.get('/account')).body);
    expect(en).toContain('Your professional learning');
    expect(en).toContain('Facilitating collaborative school improvement (national programme): completed 14 March 2025');
    const cy = pageText((await visitor.get('/account?lang=cy')).body);
    expect(cy).toContain('Eich dysgu proffesiynol');
    expect(cy).toContain('Hwyluso gwella ysgolion ar y cyd (rhaglen genedlaethol)');
    const none = pageText((await (await as(practitioner)).get('/account')).body);
    expect(none).toContain('No completed professional learning is recorded for you');
  });
});
