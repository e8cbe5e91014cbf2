import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildCollaborative, buildPartnership } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
let cardiffOfficer: TestUser,
  cardiffPartner: TestUser,
  valeOfficer: TestUser,
  gwyneddOfficer: TestUser,
  wg: TestUser,
  coordinator: TestUser,
  head: TestUser;
let existingId: string;

const form = (over: Record<string, string | string[]> = {}) => ({
  kind: 'operational',
  nameEn: 'Capital shared improvement service',
  nameCy: 'Gwasanaeth gwella ar y cyd y brifddinas',
  purpose: 'Share school improvement staff',
  services: 'Improvement partners\nProfessional learning',
  members: ['681', '673'],
  'startsOn-day': '1',
  'startsOn-month': '9',
  'startsOn-year': '2025',
  'endsOn-day': '',
  'endsOn-month': '',
  'endsOn-year': '',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  cardiffOfficer = await buildUser(db, { role: 'la_officer', scopeId: '681' });
  cardiffPartner = await buildUser(db, { role: 'improvement_partner', scopeId: '681' });
  valeOfficer = await buildUser(db, { role: 'la_officer', scopeId: '673' });
  gwyneddOfficer = await buildUser(db, { role: 'la_officer', scopeId: '661' });
  wg = await buildUser(db, { role: 'wg_official' });
  head = await buildUser(db, { role: 'headteacher', scopeId: (await buildSchool(db, { laCode: '681' })).number });
  const existing = await buildPartnership(db, ['681', '670', '672'], 'specific');
  existingId = existing.id;
  await db.execute(
    sql`update la_partnerships set starts_on = '2020-09-01', ends_on = '2022-08-31', name_en = 'Old Welsh-medium partnership', name_cy = 'Hen bartneriaeth cyfrwng Cymraeg' where id = ${existingId}`,
  );
  coordinator = await buildUser(db, { role: 'partnership_coordinator', scopeId: existingId });
  // A cross-LA collaborative of Cardiff and Swansea schools belongs; one with a Gwynedd school does not; a Cardiff-only one does not.
  const [c1, c2, s1, g1] = [
    await buildSchool(db, { laCode: '681' }),
    await buildSchool(db, { laCode: '681' }),
    await buildSchool(db, { laCode: '670' }),
    await buildSchool(db, { laCode: '661' }),
  ];
  await buildCollaborative(db, {
    laCode: '681',
    members: [c1, s1],
    nameEn: 'Cross-border Welsh-medium group',
    nameCy: 'Grŵp Cymraeg trawsffiniol',
  });
  await buildCollaborative(db, {
    laCode: '681',
    members: [c2, g1],
    nameEn: 'North-south group',
    nameCy: 'Grŵp gogledd-de',
  });
  await buildCollaborative(db, {
    laCode: '681',
    members: [c1, c2],
    nameEn: 'Cardiff only cluster',
    nameCy: 'Clwstwr Caerdydd yn unig',
  });
});
afterAll(() => t.close());

describe('LA partnerships', () => {
  it('lets an officer record a partnership, audited, and shows it to member LAs in both languages', async () => {
    const officer = await as(cardiffOfficer);
    const list = pageText((await officer.get('/local-authorities/681/partnerships?lang=en')).body);
    expect(list).toContain('Old Welsh-medium partnership');
    expect(list).toContain('Ended');
    expect(list).toContain('Record a partnership');
    const response = await officer.post('/local-authorities/681/partnerships/new', form(), {
      tokenFrom: '/local-authorities/681/partnerships/new',
    });
    expect(response.statusCode, pageText(response.body).slice(0, 1500)).toBe(303);
    const id = response.headers.location!.split('/')[2]!.split('?')[0]!;
    const saved = await rows<{ kind: string; starts_on: string; ends_on: string | null; language: string }>(
      sql`select kind, starts_on::text, ends_on::text, language from la_partnerships where id = ${id}`,
    );
    expect(saved[0]).toEqual({ kind: 'operational', starts_on: '2025-09-01', ends_on: null, language: 'en' });
    const members = await rows<{ la_code: string }>(
      sql`select la_code from la_partnership_members where partnership_id = ${id} order by 1`,
    );
    expect(members.map((m) => m.la_code)).toEqual(['673', '681']);
    const [audit] = await auditEntries(t.database.db, 'partnership-create', id);
    expect(audit?.actorId).toBe(cardiffOfficer.id);
    const vale = await as(valeOfficer);
    const page = pageText((await vale.get(`/partnerships/${id}?lang=en`)).body);
    expect(page).toContain('Capital shared improvement service');
    expect(page).toContain('Cardiff, Vale of Glamorgan');
    expect(page).toContain('No end date');
    const welsh = pageText((await vale.get(`/partnerships/${id}?lang=cy`)).body);
    expect(welsh).toContain('Gweithredol (gwasanaethau a rennir)');
    expect(welsh).toContain('Bro Morgannwg, Caerdydd');
    expect(welsh).toContain('Staff a rennir');
  });

  it('refuses a bad form with every problem, values kept, nothing saved', async () => {
    const officer = await as(cardiffOfficer);
    const [before] = await rows<{ n: number }>(sql`select count(*)::int as n from la_partnerships`);
    const bad = await officer.post(
      '/local-authorities/681/partnerships/new?lang=en',
      form({
        kind: 'specific',
        nameCy: '',
        members: ['673', '661'],
        purpose: 'Kept purpose',
        'endsOn-day': '1',
        'endsOn-month': '1',
        'endsOn-year': '2025',
      }),
      { tokenFrom: '/local-authorities/681/partnerships/new' },
    );
    expect(bad.statusCode).toBe(400);
    const text = pageText(bad.body);
    expect(text).toContain('Enter the name in Welsh');
    expect(text).toContain('Include your own local authority');
    expect(text).toContain('The end date must be after the start date');
    expect(bad.body).toContain('Kept purpose');
    const missingEnd = await officer.post(
      '/local-authorities/681/partnerships/new?lang=cy',
      form({ kind: 'specific', members: ['681'] }),
      { tokenFrom: '/local-authorities/681/partnerships/new' },
    );
    expect(missingEnd.statusCode).toBe(400);
    expect(pageText(missingEnd.body)).toContain('Dewiswch o leiaf un awdurdod lleol arall');
    expect(pageText(missingEnd.body)).toContain('Rhowch ddyddiad gorffen partneriaeth benodol');
    const [after] = await rows<{ n: number }>(sql`select count(*)::int as n from la_partnerships`);
    expect(after!.n).toBe(before!.n);
  });

  it('shows coordinators and derives the cross-LA collaboratives that belong', async () => {
    const page = pageText((await (await as(coordinator)).get(`/partnerships/${existingId}?lang=en`)).body);
    expect(page).toContain('Cross-border Welsh-medium group');
    expect(page).not.toContain('North-south group');
    expect(page).not.toContain('Cardiff only cluster');
    expect(page).toContain('schools from 2 local authorities');
    expect(page).toContain('Partnership coordinators');
    expect(page).toMatch(/Ended/);
    expect(page).not.toContain('Change the partnership');
    expect(page).not.toContain('Add a member of shared staff');
  });

  it('lists what each person may see, filtered', async () => {
    const mine = pageText((await (await as(coordinator)).get('/partnerships?lang=en')).body);
    expect(mine).toContain('Old Welsh-medium partnership');
    expect(mine).not.toContain('Capital shared improvement service');
    const gwynedd = pageText((await (await as(gwyneddOfficer)).get('/partnerships?lang=en')).body);
    expect(gwynedd).toContain('There are no partnerships for you to see');
    const all = pageText((await (await as(wg)).get('/partnerships?lang=en')).body);
    expect(all).toContain('Old Welsh-medium partnership');
    expect(all).toContain('Capital shared improvement service');
  });

  it('refuses strangers (404) and those who may only look (403)', async () => {
    expect((await (await as(gwyneddOfficer)).get(`/partnerships/${existingId}`)).statusCode).toBe(404);
    expect((await (await as(head)).get(`/partnerships/${existingId}`)).statusCode).toBe(403);
    expect((await (await as(gwyneddOfficer)).get('/local-authorities/681/partnerships')).statusCode).toBe(404);
    const partner = await as(cardiffPartner);
    expect((await partner.get(`/partnerships/${existingId}`)).statusCode).toBe(200);
    expect((await partner.get(`/partnerships/${existingId}/edit`)).statusCode).toBe(403);
    expect((await partner.get('/local-authorities/681/partnerships/new')).statusCode).toBe(403);
    expect((await (await as(coordinator)).get(`/partnerships/${existingId}/edit`)).statusCode).toBe(403);
    expect(
      (await (await as(wg)).post(`/partnerships/${existingId}/staff`, { name: 'X' }, { tokenFrom: '/partnerships' }))
        .statusCode,
    ).toBe(403);
  });

  it('edits with optimistic locking: a stale version is a 409 showing both versions', async () => {
    const officer = await as(cardiffOfficer);
    const edit = await officer.get(`/partnerships/${existingId}/edit`);
    expect(edit.statusCode).toBe(200);
    const pageForOfficer = pageText((await officer.get(`/partnerships/${existingId}?lang=en`)).body);
    expect(pageForOfficer).toContain('Change the partnership');
    expect(pageForOfficer).toContain('Add a member of shared staff');
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
    const base = form({
      kind: 'specific',
      members: ['681', '670', '672'],
      'startsOn-year': '2020',
      'endsOn-day': '31',
      'endsOn-month': '8',
      'endsOn-year': '2029',
      version,
    });
    const ok = await officer.post(
      `/partnerships/${existingId}/edit`,
      { ...base, nameEn: 'Renewed Welsh-medium partnership' },
      { tokenFrom: `/partnerships/${existingId}/edit` },
    );
    expect(ok.statusCode).toBe(303);
    expect(pageText((await officer.get(`/partnerships/${existingId}?lang=en`)).body)).toContain('Active');
    const stale = await officer.post(
      `/partnerships/${existingId}/edit?lang=en`,
      { ...base, nameEn: 'Someone else name' },
      { tokenFrom: `/partnerships/${existingId}/edit` },
    );
    expect(stale.statusCode).toBe(409);
    const text = pageText(stale.body);
    expect(text).toContain('Someone else saved changes');
    expect(text).toContain('Renewed Welsh-medium partnership');
    expect(text).toContain('Someone else name');
    const [audit] = await auditEntries(t.database.db, 'partnership-update', existingId);
    expect((audit?.before as { nameEn: string }).nameEn).toBe('Old Welsh-medium partnership');
  });

  it('adds and removes shared staff, audited, with errors shown on the page', async () => {
    const officer = await as(cardiffOfficer);
    const url = `/partnerships/${existingId}`;
    const bad = await officer.post(
      `${url}/staff?lang=en`,
      { name: '', post: 'Adviser', employingLaCode: '661' },
      { tokenFrom: url },
    );
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Enter the name of the member of staff');
    expect(pageText(bad.body)).toContain('The employing local authority must be a member');
    const added = await officer.post(
      `${url}/staff`,
      { name: 'Elin Morgan', post: 'Welsh-medium adviser', employingLaCode: '670' },
      { tokenFrom: url },
    );
    expect(added.statusCode).toBe(303);
    const page = await officer.get(`${url}?lang=en`);
    expect(pageText(page.body)).toContain('Elin Morgan');
    expect(pageText(page.body)).toContain('Swansea');
    const [staff] = await rows<{ id: string }>(
      sql`select id from la_partnership_staff where partnership_id = ${existingId}`,
    );
    expect((await auditEntries(t.database.db, 'partnership-staff-add', staff!.id)).length).toBe(1);
    expect(
      (await (await as(coordinator)).post(`${url}/staff/${staff!.id}/remove`, {}, { tokenFrom: '/partnerships' }))
        .statusCode,
    ).toBe(403);
    const removed = await officer.post(`${url}/staff/${staff!.id}/remove`, {}, { tokenFrom: url });
    expect(removed.statusCode).toBe(303);
    expect(await rows(sql`select id from la_partnership_staff where partnership_id = ${existingId}`)).toEqual([]);
    expect((await auditEntries(t.database.db, 'partnership-staff-remove', staff!.id)).length).toBe(1);
    expect((await officer.post(`${url}/staff/${staff!.id}/remove`, {}, { tokenFrom: url })).statusCode).toBe(404);
  });
});
