import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, type TestUser } from '../../../test/support/factories.ts';
import { pageText } from '../../../test/support/http.ts';
import { buildFacilitator, buildCollaborative, makeLead } from '../../../test/support/collaboration-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { schools } from '../../db/schema/index.ts';
import { noticeForm, openCase, visitorFor } from '../../../test/support/concern-support.ts';

// Rule 6 and DOMAIN.md section 6: a concern case reaches the LA's officers and the school's
// headteacher and chair of governors, and nobody else, wherever they look.
let t: TestApp;
const LA = '681';
const SECRET = 'Governance broke down after the resignation of the whole finance committee';
let school: Awaited<ReturnType<typeof buildSchool>>, people: SchoolPeople, chair: TestUser;
let outsiders: Record<string, TestUser>;
let collaborativeId: string, caseId: string, noticeId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db, { laCode: LA, name: 'Ysgol Gynradd Pryder' });
  const neighbour = await buildSchool(db, { laCode: LA, name: 'Neighbour Primary' });
  people = await buildSchoolPeople(db, school);
  chair = await buildUser(db, { role: 'chair_of_governors', scopeId: school.governingBodyId });
  const collaborative = await buildCollaborative(db, { laCode: LA, members: [school, neighbour] });
  collaborativeId = collaborative.id;
  const lead = await buildUser(db, { role: 'headteacher', scopeId: neighbour.number });
  await makeLead(db, collaborative.id, lead);
  outsiders = {
    improvementPartner: await buildUser(db, { role: 'improvement_partner', scopeId: LA }),
    facilitator: await buildFacilitator(db, collaborative.id, LA),
    collaborativeLead: lead,
    schoolLeader: people.leader,
    practitioner: people.practitioner,
    governor: people.governor,
    otherLaOfficer: people.otherLaOfficer,
    otherHeadteacher: people.otherHeadteacher,
    wgOfficial: await buildUser(db, { role: 'wg_official', scopeId: null }),
    administrator: await buildUser(db, { role: 'administrator' }),
  };
  const officer = await visitorFor(t, people.laOfficer);
  caseId = await openCase(officer, LA, {
    school: school.number,
    source: 'la_intelligence',
    grounds: ['management', 'standards'],
    summary: SECRET,
  });
  const issued = await officer.post(`/concern-cases/${caseId}/warning-notices`, noticeForm(), {
    tokenFrom: `/concern-cases/${caseId}/warning-notices/new`,
  });
  expect(issued.statusCode, issued.body.slice(0, 400)).toBe(303);
  noticeId = issued.headers.location!.split('/')[4]!.split('?')[0]!;
});
afterAll(() => t.close());

describe('who a concern case never reaches', () => {
  const caseUrls = () => [
    `/concern-cases/${caseId}`,
    `/concern-cases/${caseId}/warning-notices/${noticeId}`,
    `/concern-cases/${caseId}/warning-notices/${noticeId}/pdf`,
    `/concern-cases/${caseId}/warning-notices/new`,
    `/concern-cases/${caseId}/exit`,
  ];

  it.each([
    'improvementPartner',
    'facilitator',
    'collaborativeLead',
    'schoolLeader',
    'practitioner',
    'governor',
    'otherLaOfficer',
    'otherHeadteacher',
    'wgOfficial',
    'administrator',
  ])('%s: not found, not listed, not audited as a view', async (who) => {
    const visitor = await visitorFor(t, outsiders[who]!);
    const before = (await auditEntries(t.database.db, 'concern-case-view', caseId)).length;
    // Refused exactly as for a case that does not exist: the answer gives nothing away.
    const nobody = '00000000-0000-4000-8000-000000000000';
    for (const url of caseUrls()) {
      const status = (await visitor.get(url)).statusCode;
      expect([403, 404], `${who} ${url}`).toContain(status);
      expect(status, `${who} ${url}`).toBe(
        (await visitor.get(url.replaceAll(caseId, nobody).replaceAll(noticeId, nobody))).statusCode,
      );
    }
    // Those who may read some concern cases (another LA's officer, another school's head) get 404.
    if (who === 'otherLaOfficer' || who === 'otherHeadteacher')
      expect((await visitor.get(`/concern-cases/${caseId}`)).statusCode).toBe(404);
    const register = await visitor.get(`/local-authorities/${LA}/schools-causing-concern`);
    expect([403, 404], `${who} register`).toContain(register.statusCode);
    expect(register.body).not.toContain(SECRET);
    const account = await visitor.get('/account/schools-causing-concern');
    expect(account.body).not.toContain(school.name);
    expect((await auditEntries(t.database.db, 'concern-case-view', caseId)).length).toBe(before);
  });

  it("nothing of it appears on the collaborative's pages, its shared space or the LA's pages for the lead and the facilitator", async () => {
    for (const who of ['collaborativeLead', 'facilitator'] as const) {
      const visitor = await visitorFor(t, outsiders[who]!);
      for (const url of [
        `/collaboratives/${collaborativeId}`,
        `/collaboratives/${collaborativeId}/shared`,
        `/collaboratives/${collaborativeId}/common-ground`,
        `/local-authorities/${LA}/overview`,
        `/schools/${school.number}`,
      ]) {
        const page = await visitor.get(url);
        expect(page.statusCode, `${who} ${url}`).toBeLessThan(500);
        const text = pageText(page.body);
        for (const leak of [SECRET, 'causing concern', 'Warning notice', "sy'n peri pryder", caseId])
          expect(text, `${who} ${url}`).not.toContain(leak);
      }
    }
  });

  it('the improvement partner sees no link to the register in the LA area', async () => {
    const page = await (await visitorFor(t, outsiders.improvementPartner!)).get(`/local-authorities/${LA}/overview`);
    expect(page.body).not.toContain('schools-causing-concern');
  });
});

describe("the school's headteacher and chair of governors", () => {
  it.each(['headteacher', 'chair'])('%s reads the case, read-only, from the account area', async (who) => {
    const visitor = await visitorFor(t, who === 'chair' ? chair : people.headteacher);
    const account = await visitor.get('/account');
    expect(pageText(account.body)).toContain('Schools causing concern');
    const list = await visitor.get('/account/schools-causing-concern');
    expect(pageText(list.body)).toContain(school.name);
    const page = await visitor.get(`/concern-cases/${caseId}`);
    expect(page.statusCode).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain(SECRET);
    expect(text).toContain('You can read this case; only the local authority can change it.');
    expect(text).not.toContain('Issue a warning notice');
    expect(text).not.toContain('Exit the case');
    const welsh = pageText((await visitor.get(`/concern-cases/${caseId}?lang=cy`)).body);
    expect(welsh).toContain("Gallwch ddarllen yr achos hwn; dim ond yr awdurdod lleol sy'n gallu ei newid.");
    expect(welsh).toContain('Sail 2: bu chwalfa yn y ffordd y caiff yr ysgol ei rheoli neu ei llywodraethu');
  });

  it.each(['headteacher', 'chair'])('%s is refused (403) every change and every form', async (who) => {
    const visitor = await visitorFor(t, who === 'chair' ? chair : people.headteacher);
    const token = await visitor.csrfToken('/account/password');
    const posts: [string, Record<string, string | string[]>][] = [
      [`/concern-cases/${caseId}/state`, { version: '1', state: 'monitoring' }],
      [
        `/concern-cases/${caseId}/exit`,
        { version: '1', exitReason: 'x', 'exitedOn-day': '1', 'exitedOn-month': '1', 'exitedOn-year': '2026' },
      ],
      [`/concern-cases/${caseId}/warning-notices`, noticeForm()],
      [`/concern-cases/${caseId}/interventions`, { kind: 'directions' }],
      [`/concern-cases/${caseId}/support-items`, { action: 'x', owner: 'y' }],
      [`/local-authorities/${LA}/schools-causing-concern`, { school: school.number }],
    ];
    for (const [url, form] of posts) {
      const response = await visitor.post(url, form, { csrf: token });
      expect([403, 404], `${who} POST ${url}`).toContain(response.statusCode);
      if (!url.startsWith('/local-authorities')) expect(response.statusCode, url).toBe(403);
    }
    for (const url of [
      `/concern-cases/${caseId}/exit`,
      `/concern-cases/${caseId}/interventions/new`,
      `/concern-cases/${caseId}/support-items/new`,
    ])
      expect((await visitor.get(url)).statusCode, url).toBe(403);
  });

  it("the chair of another school's governing body sees nothing", async () => {
    const visitor = await visitorFor(t, people.otherGovernor);
    expect([403, 404]).toContain((await visitor.get(`/concern-cases/${caseId}`)).statusCode);
  });
});

describe('every view is audited', () => {
  it('appends an entry for each GET of the case, its notice and its PDF, naming who looked', async () => {
    const db = t.database.db;
    const count = async (action: string, id: string) => (await auditEntries(db, action, id)).length;
    const [cases, views, downloads] = [
      await count('concern-case-view', caseId),
      await count('warning-notice-view', noticeId),
      await count('warning-notice-download', noticeId),
    ];
    const head = await visitorFor(t, people.headteacher);
    await head.get(`/concern-cases/${caseId}`);
    await head.get(`/concern-cases/${caseId}?lang=cy`);
    await head.get(`/concern-cases/${caseId}/warning-notices/${noticeId}`);
    const pdf = await head.get(`/concern-cases/${caseId}/warning-notices/${noticeId}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const officer = await visitorFor(t, people.laOfficer);
    await officer.get(`/concern-cases/${caseId}`);
    expect(await count('concern-case-view', caseId)).toBe(cases + 3);
    expect(await count('warning-notice-view', noticeId)).toBe(views + 1);
    expect(await count('warning-notice-download', noticeId)).toBe(downloads + 1);
    const last = (await auditEntries(db, 'concern-case-view', caseId)).at(-1)!;
    expect(last.actorId).toBe(people.laOfficer.id);
  });

  it("keeps the school out of the LA's other schools: an officer cannot open a case for another LA's school", async () => {
    const elsewhere = await buildSchool(t.database.db, { laCode: '670' });
    const officer = await visitorFor(t, people.laOfficer);
    const response = await officer.post(
      `/local-authorities/${LA}/schools-causing-concern`,
      {
        school: elsewhere.number,
        source: 'la_intelligence',
        grounds: 'standards',
        summary: 'x',
        'openedOn-day': '1',
        'openedOn-month': '1',
        'openedOn-year': '2025',
      },
      { tokenFrom: `/local-authorities/${LA}/schools-causing-concern/new` },
    );
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('Enter the number of an open school in this local authority');
    expect((await t.database.db.select().from(schools).where(eq(schools.number, elsewhere.number))).length).toBe(1);
  });
});
