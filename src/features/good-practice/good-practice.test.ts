import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { caseStudiesForSchool } from './case-study-repository.ts';

let t: TestApp;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
let school: Awaited<ReturnType<typeof buildSchool>>,
  people: SchoolPeople,
  officer: TestUser,
  partner: TestUser,
  wg: TestUser,
  swanseaOfficer: TestUser;
const schoolBase = () => `/schools/${school.number}/good-practice`;

const study = (over: Record<string, string | string[]> = {}) => ({
  title: 'Talk for reading in Year 2',
  summary: 'Daily talk routines raised reading confidence.',
  whatWeDid: 'Every class used ten minutes of structured talk before reading.',
  learners: 'Year 2 learners, especially those eligible for free school meals.',
  impact: 'Reading ages rose on average by eight months across the year group.',
  nifThemes: ['curriculum_teaching'],
  nationalPriorities: ['literacy'],
  areas: ['languages_literacy'],
  ...over,
});

async function write(visitor: Visitor, url: string, form = study()) {
  const response = await visitor.post(`${url}/new`, form, { tokenFrom: `${url}/new` });
  expect(response.statusCode, pageText(response.body).slice(0, 1500)).toBe(303);
  return response.headers.location!.split('/')[2]!.split('?')[0]!;
}
const publish = async (visitor: Visitor, id: string, action = 'publish') => {
  const page = await visitor.get(`/good-practice/${id}`);
  const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '1';
  return visitor.post(`/good-practice/${id}/${action}`, { version }, { tokenFrom: `/good-practice/${id}` });
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db, { laCode: '681', sector: 'primary', name: 'Ysgol Gynradd Glan-yr-Afon' });
  people = await buildSchoolPeople(db, school);
  officer = people.laOfficer;
  partner = await buildUser(db, { role: 'improvement_partner', scopeId: '681' });
  wg = await buildUser(db, { role: 'wg_official' });
  swanseaOfficer = await buildUser(db, { role: 'la_officer', scopeId: '670' });
});
afterAll(() => t.close());

describe('good practice case studies', () => {
  it('a school leader drafts, only the school writers see the draft, the headteacher publishes (audited), then everyone finds it', async () => {
    const leader = await as(people.leader);
    const id = await write(leader, schoolBase());
    const [audit] = await auditEntries(t.database.db, 'case-study-create', id);
    expect(audit?.actorId).toBe(people.leader.id);
    expect((await (await as(people.otherHeadteacher)).get(`/good-practice/${id}`)).statusCode).toBe(404);
    expect((await (await as(people.practitioner)).get(`/good-practice/${id}`)).statusCode).toBe(404);
    expect((await (await as(wg)).get('/good-practice?q=talk')).body).not.toContain('Talk for reading');
    const draft = pageText((await leader.get(`/good-practice/${id}?lang=en`)).body);
    expect(draft).toContain('Draft');
    expect(draft).toContain('The headteacher publishes');
    expect((await publish(leader, id)).statusCode).toBe(403);
    const head = await as(people.headteacher);
    expect((await publish(head, id)).statusCode).toBe(303);
    expect((await auditEntries(t.database.db, 'case-study-publish', id)).length).toBe(1);
    const reader = await as(wg);
    const page = pageText((await reader.get(`/good-practice/${id}?lang=en`)).body);
    expect(page).toContain('Talk for reading in Year 2');
    expect(page).toContain('Ysgol Gynradd Glan-yr-Afon');
    expect(page).toContain('Curriculum, learning and teaching');
    expect(page).toContain('Literacy');
    const welsh = pageText((await reader.get(`/good-practice/${id}?lang=cy`)).body);
    expect(welsh).toContain('Tystiolaeth o effaith');
    expect(welsh).toContain('Ieithoedd, Llythrennedd a Chyfathrebu');
    expect((await (await as(people.otherHeadteacher)).get(`/good-practice/${id}/edit`)).statusCode).toBe(403);
    expect((await publish(head, id, 'unpublish')).statusCode).toBe(303);
    expect((await reader.get(`/good-practice/${id}`)).statusCode).toBe(404);
    expect((await auditEntries(t.database.db, 'case-study-unpublish', id)).length).toBe(1);
    expect((await publish(head, id)).statusCode).toBe(303);
  });

  it('refuses a bad form with every problem kept, and asks about learner-identifiable text before saving', async () => {
    const leader = await as(people.leader);
    const [before] = await rows<{ n: number }>(sql`select count(*)::int as n from case_studies`);
    const bad = await leader.post(
      `${schoolBase()}/new?lang=en`,
      study({ title: '', nifThemes: [], summary: 'Kept summary' }),
      { tokenFrom: `${schoolBase()}/new` },
    );
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Enter a title');
    expect(pageText(bad.body)).toContain('Select at least one theme');
    expect(bad.body).toContain('Kept summary');
    const named = await leader.post(
      `${schoolBase()}/new?lang=cy`,
      study({ learners: 'Year 2, including Megan Jones who struggled most.' }),
      { tokenFrom: `${schoolBase()}/new` },
    );
    expect(named.statusCode).toBe(400);
    expect(pageText(named.body)).toContain('Cadarnhewch nad yw');
    const [after] = await rows<{ n: number }>(sql`select count(*)::int as n from case_studies`);
    expect(after!.n).toBe(before!.n);
    await write(
      leader,
      schoolBase(),
      study({
        title: 'Confirmed one',
        learners: 'Year 2, including Megan Jones who struggled most.',
        learnerDataChecked: 'yes',
      }),
    );
  });

  it("an LA officer writes and publishes the LA's own; improvement partners may read but not write", async () => {
    const la = await as(officer);
    const id = await write(
      la,
      '/local-authorities/681/good-practice',
      study({
        title: 'Attendance officers in every cluster',
        summary: 'Cluster-based attendance support.',
        nifThemes: ['wellbeing_equity'],
        nationalPriorities: ['attendance'],
        areas: [],
      }),
    );
    expect((await publish(la, id)).statusCode).toBe(303);
    const page = pageText((await (await as(people.practitioner)).get(`/good-practice/${id}?lang=en`)).body);
    expect(page).toContain('From: <a class="govuk-link" href="/local-authorities/681">Cardiff</a>');
    expect((await (await as(partner)).get('/local-authorities/681/good-practice/new')).statusCode).toBe(403);
    expect((await (await as(partner)).get('/local-authorities/681/good-practice')).statusCode).toBe(200);
    expect((await (await as(swanseaOfficer)).get('/local-authorities/681/good-practice')).statusCode).toBe(404);
    expect((await (await as(people.otherHeadteacher)).get(`${schoolBase()}/new`)).statusCode).toBe(404);
    expect((await (await as(people.practitioner)).get(`${schoolBase()}/new`)).statusCode).toBe(403);
  });

  it('searches accent-insensitively with filters, counts and pagination', async () => {
    const head = await as(people.headteacher);
    const welshId = await write(
      head,
      schoolBase(),
      study({
        title: 'Llythrennedd ym Mlwyddyn 6: darllen ar y cyd',
        summary: 'Darllen dyddiol â chymorth.',
        whatWeDid: 'Sesiynau darllen ar y cyd.',
        learners: 'Dysgwyr Blwyddyn 6.',
        impact: 'Mwy o hyder wrth ddarllen.',
        nifThemes: ['curriculum_teaching', 'wellbeing_equity'],
      }),
    );
    expect((await publish(head, welshId)).statusCode).toBe(303);
    const reader = await as(swanseaOfficer);
    const accent = pageText((await reader.get('/good-practice?lang=en&q=a%20chymorth')).body);
    expect(accent).toContain('Llythrennedd ym Mlwyddyn 6');
    expect(accent).toContain('1 case study');
    const filtered = pageText((await reader.get('/good-practice?lang=en&theme=wellbeing_equity')).body);
    expect(filtered).toContain('Attendance officers in every cluster');
    expect(filtered).toContain('Llythrennedd ym Mlwyddyn 6');
    expect(filtered).not.toContain('Talk for reading');
    expect(filtered).toContain('Attendance (1)');
    const phase = pageText((await reader.get('/good-practice?lang=en&phase=primary&national=attendance')).body);
    expect(phase).toContain('No published case studies match');
    const byLa = pageText((await reader.get('/good-practice?lang=cy&la=681')).body);
    expect(byLa).toContain('3 astudiaeth achos');
    expect(byLa).toContain('Caerdydd (3)');
    for (let i = 0; i < 9; i++) {
      const id = await write(head, schoolBase(), study({ title: `Paged study ${i}` }));
      expect((await publish(head, id)).statusCode).toBe(303);
    }
    const first = await reader.get('/good-practice?lang=en');
    expect(pageText(first.body)).toContain('12 case studies');
    expect(first.body).toContain('page=2');
    expect(pageText((await reader.get('/good-practice?lang=en&page=2')).body)).toMatch(
      /Talk for reading|Llythrennedd|Attendance/,
    );
  });

  it('edits with optimistic locking (409) and offers published case studies for brokering', async () => {
    const head = await as(people.headteacher);
    const [row] = await rows<{ id: string; version: number }>(
      sql`select id, version from case_studies where title = 'Talk for reading in Year 2'`,
    );
    const url = `/good-practice/${row!.id}/edit`;
    expect((await head.get(url)).statusCode).toBe(200);
    const ok = await head.post(
      url,
      study({ title: 'Talk for reading in Year 2 (revised)', version: String(row!.version) }),
      { tokenFrom: url },
    );
    expect(ok.statusCode).toBe(303);
    const stale = await head.post(`${url}?lang=en`, study({ title: 'My other title', version: String(row!.version) }), {
      tokenFrom: url,
    });
    expect(stale.statusCode).toBe(409);
    expect(pageText(stale.body)).toContain('Talk for reading in Year 2 (revised)');
    expect(pageText(stale.body)).toContain('My other title');
    expect((await auditEntries(t.database.db, 'case-study-update', row!.id)).length).toBe(1);
    const forBrokering = await caseStudiesForSchool(t.database.db, school.number, ['wellbeing_equity']);
    expect(forBrokering.map((c) => c.title)).toEqual(['Llythrennedd ym Mlwyddyn 6: darllen ar y cyd']);
    expect((await caseStudiesForSchool(t.database.db, school.number)).length).toBeGreaterThan(5);
  });
});
