import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, visibleText, Visitor } from '../../../test/support/http.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
// LA 662 (Bridgend) is used by this file alone, so the gap counts are exact.
const LA = '662';
let officer: TestUser, otherOfficer: TestUser, partner: TestUser, headteacher: TestUser;
let primary: Awaited<ReturnType<typeof buildSchool>>,
  secondary: typeof primary,
  elsewhere: typeof primary,
  specialElsewhere: typeof primary;

const details = {
  kind: 'vertical',
  nameEn: 'Bridgend North cluster',
  nameCy: 'Clwstwr Gogledd Pen-y-bont',
  status: 'forming',
  basis: '',
};
async function create(visitor: Visitor, form: Record<string, string> = details) {
  const response = await visitor.post('/collaboratives', form, { tokenFrom: '/collaboratives/new' });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
  return response.headers.location!.split('/')[2]!.split('?')[0]!;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  primary = await buildSchool(db, { laCode: LA, sector: 'primary', name: 'Ysgol Gynradd Bryn' });
  secondary = await buildSchool(db, { laCode: LA, sector: 'secondary', name: 'Bryn Comprehensive' });
  elsewhere = await buildSchool(db, { laCode: '660', sector: 'primary', name: 'Ysgol Llanfechell' });
  specialElsewhere = await buildSchool(db, { laCode: '660', sector: 'special', name: 'Canolfan Addysg Arbennig' });
  officer = await buildUser(db, { role: 'la_officer', scopeId: LA });
  otherOfficer = await buildUser(db, { role: 'la_officer', scopeId: '672' });
  partner = await buildUser(db, { role: 'improvement_partner', scopeId: LA });
  headteacher = await buildUser(db, { role: 'headteacher', scopeId: primary.number });
});
afterAll(() => t.close());

describe('creating and managing a collaborative', () => {
  it('lets the LA officer create one, audited, and refuses an incomplete form with its values kept', async () => {
    const visitor = await as(officer);
    const bad = await visitor.post(
      '/collaboratives',
      { ...details, nameCy: '', kind: 'horizontal' },
      { tokenFrom: '/collaboratives/new' },
    );
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Enter the name in Welsh');
    expect(pageText(bad.body)).toContain('Choose what the schools of a horizontal collaborative have in common');
    expect(bad.body).toContain('value="Bridgend North cluster"');
    const id = await create(visitor);
    const page = await visitor.get(`/collaboratives/${id}?created=1`);
    expect(page.statusCode, page.body).toBe(200);
    expect(pageText(page.body)).toContain('Bridgend North cluster');
    expect(pageText(page.body)).toContain('Vertical cluster');
    expect(await auditEntries(t.database.db, 'collaborative-create', id)).toHaveLength(1);
    const welsh = await visitor.get(`/collaboratives/${id}?lang=cy`);
    expect(pageText(welsh.body)).toContain('Clwstwr Gogledd Pen-y-bont');
    expect(pageText(welsh.body)).toContain('Clwstwr fertigol');
  });

  it('keeps a vertical cluster within its LA, except for special schools and PRUs', async () => {
    const visitor = await as(officer);
    const id = await create(visitor);
    const add = (school: string) =>
      visitor.post(`/collaboratives/${id}/members?lang=en`, { school }, { tokenFrom: `/collaboratives/${id}` });
    expect((await add(primary.number)).statusCode).toBe(303);
    expect((await add(secondary.number)).statusCode).toBe(303);
    const refused = await add(elsewhere.number);
    expect(refused.statusCode).toBe(400);
    expect(pageText(refused.body)).toContain(`Ysgol Llanfechell (${elsewhere.number}) is in another local authority`);
    const refusedCy = await visitor.post(
      `/collaboratives/${id}/members?lang=cy`,
      { school: elsewhere.number },
      { tokenFrom: `/collaboratives/${id}` },
    );
    expect(pageText(refusedCy.body)).toContain(`Mae Ysgol Llanfechell (${elsewhere.number}) mewn awdurdod lleol arall`);
    expect((await add(specialElsewhere.number)).statusCode).toBe(303);
    expect(pageText((await add('6629999')).body)).toContain('There is no school with the number 6629999');
    expect(pageText((await add(primary.number)).body)).toContain('is already a member');
    const members = await rows<{ school_number: string }>(
      sql`select school_number from collaborative_members where collaborative_id = ${id} order by school_number`,
    );
    expect(members.map((m) => m.school_number).sort()).toEqual(
      [primary.number, secondary.number, specialElsewhere.number].sort(),
    );
    expect(await auditEntries(t.database.db, 'collaborative-member-add', id)).toHaveLength(3);
    const removed = await visitor.post(
      `/collaboratives/${id}/members/${specialElsewhere.number}/remove`,
      {},
      { tokenFrom: `/collaboratives/${id}` },
    );
    expect(removed.statusCode).toBe(303);
    expect(await auditEntries(t.database.db, 'collaborative-member-remove', id)).toHaveLength(1);
  });

  it('lets a horizontal collaborative take schools of other LAs, but not become vertical around them', async () => {
    const visitor = await as(officer);
    const id = await create(visitor, {
      ...details,
      kind: 'horizontal',
      basis: 'phase',
      nameEn: 'Primary group',
      nameCy: 'Grŵp cynradd',
    });
    expect(
      (
        await visitor.post(
          `/collaboratives/${id}/members`,
          { school: elsewhere.number },
          { tokenFrom: `/collaboratives/${id}` },
        )
      ).statusCode,
    ).toBe(303);
    // The page reads as a page: what it is and who runs it, the local authorities by name, never a code.
    const page = visibleText((await visitor.get(`/collaboratives/${id}`)).body);
    expect(page).toContain('A horizontal collaborative, run by Conwy.');
    expect(page).toContain('Its schools come together as: Same phase.');
    expect(page).toContain('Its schools are in these local authorities: Isle of Anglesey');
    expect(page).toContain('Its name in Welsh: Grŵp cynradd');
    expect(page).toMatch(/Ysgol Llanfechell \d{7} Isle of Anglesey/);
    expect(page).not.toMatch(/ 660 /);
    const cy = visibleText((await visitor.get(`/collaboratives/${id}?lang=cy`)).body);
    expect(cy).toContain('Grŵp cydweithredol llorweddol, a gynhelir gan Conwy.');
    expect(cy).toContain('Ei enw yn Saesneg: Primary group');
    expect(cy).toMatch(/Ysgol Llanfechell \d{7} Ynys Môn/);
    await visitor.get(`/collaboratives/${id}?lang=en`);
    const edit = await visitor.post(
      `/collaboratives/${id}/edit`,
      { ...details, version: '1' },
      { tokenFrom: `/collaboratives/${id}/edit` },
    );
    expect(edit.statusCode).toBe(400);
    expect(pageText(edit.body)).toContain(`Ysgol Llanfechell (${elsewhere.number}) is in another local authority`);
  });

  it('adds and removes leads from member schools’ staff and facilitators from the LA’s staff', async () => {
    const visitor = await as(officer);
    const id = await create(visitor);
    await visitor.post(
      `/collaboratives/${id}/members`,
      { school: primary.number },
      { tokenFrom: `/collaboratives/${id}` },
    );
    const notStaff = await visitor.post(
      `/collaboratives/${id}/leads`,
      { person: otherOfficer.id },
      { tokenFrom: `/collaboratives/${id}` },
    );
    expect(notStaff.statusCode).toBe(400);
    expect(
      (
        await visitor.post(
          `/collaboratives/${id}/leads`,
          { person: headteacher.id },
          { tokenFrom: `/collaboratives/${id}` },
        )
      ).statusCode,
    ).toBe(303);
    const lead = await rows<{ n: number }>(
      sql`select count(*)::int as n from role_assignments where user_id = ${headteacher.id} and role = 'collaborative_lead' and scope_id = ${id}`,
    );
    expect(lead[0]!.n).toBe(1);
    expect(
      (
        await visitor.post(
          `/collaboratives/${id}/facilitators`,
          { person: headteacher.id },
          { tokenFrom: `/collaboratives/${id}` },
        )
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await visitor.post(
          `/collaboratives/${id}/facilitators`,
          { person: partner.id },
          { tokenFrom: `/collaboratives/${id}` },
        )
      ).statusCode,
    ).toBe(303);
    const page = pageText((await visitor.get(`/collaboratives/${id}`)).body);
    expect(page).toContain('Leads');
    // The lead now sees the collaborative, and only to look.
    const leadVisitor = await as(headteacher);
    expect((await leadVisitor.get(`/collaboratives/${id}`)).statusCode).toBe(200);
    expect(pageText((await leadVisitor.get('/collaboratives')).body)).toContain('Bridgend North cluster');
    expect((await leadVisitor.get(`/collaboratives/${id}/edit`)).statusCode).toBe(403);
    expect(
      (
        await visitor.post(
          `/collaboratives/${id}/leads/${headteacher.id}/remove`,
          {},
          { tokenFrom: `/collaboratives/${id}` },
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await visitor.post(
          `/collaboratives/${id}/facilitators/${partner.id}/remove`,
          {},
          { tokenFrom: `/collaboratives/${id}` },
        )
      ).statusCode,
    ).toBe(303);
    for (const action of [
      'collaborative-lead-add',
      'collaborative-lead-remove',
      'collaborative-facilitator-add',
      'collaborative-facilitator-remove',
    ]) {
      expect(await auditEntries(t.database.db, action, id), action).toHaveLength(1);
    }
    // No longer its lead, the headteacher still sees it as the head of a member school, and still only to look.
    expect((await leadVisitor.get(`/collaboratives/${id}`)).statusCode).toBe(200);
    expect((await leadVisitor.get(`/collaboratives/${id}/edit`)).statusCode).toBe(403);
  });

  it('refuses to overwrite someone else’s edit and shows theirs beside yours', async () => {
    const visitor = await as(officer);
    const id = await create(visitor);
    const first = await visitor.post(
      `/collaboratives/${id}/edit`,
      { ...details, status: 'active', version: '1' },
      { tokenFrom: `/collaboratives/${id}/edit` },
    );
    expect(first.statusCode).toBe(303);
    const stale = await visitor.post(
      `/collaboratives/${id}/edit`,
      { ...details, nameEn: 'Bridgend North', status: 'paused', version: '1' },
      { tokenFrom: `/collaboratives/${id}/edit` },
    );
    expect(stale.statusCode).toBe(409);
    const text = pageText(stale.body);
    expect(text).toContain('Someone else saved changes');
    expect(text).toContain('Active');
    expect(text).toContain('Paused');
    expect(stale.body).toContain('name="version" value="2"');
    expect(await auditEntries(t.database.db, 'collaborative-update', id)).toHaveLength(1);
  });
});

describe('who sees what', () => {
  let id: string;
  beforeAll(async () => {
    id = await create(await as(officer), { ...details, nameEn: 'Visibility cluster', nameCy: 'Clwstwr gwelededd' });
  });

  it('lets an improvement partner of the LA view but not change', async () => {
    const visitor = await as(partner);
    const page = await visitor.get(`/collaboratives/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`/collaboratives/${id}/edit`);
    expect((await visitor.get(`/collaboratives/${id}/edit`)).statusCode).toBe(403);
    expect((await visitor.get('/collaboratives/new')).statusCode).toBe(403);
    expect(pageText((await visitor.get('/collaboratives')).body)).toContain('Visibility cluster');
  });

  it('tells another LA’s officer the vertical cluster does not exist, and lists it not', async () => {
    const visitor = await as(otherOfficer);
    expect((await visitor.get(`/collaboratives/${id}`)).statusCode).toBe(404);
    expect((await visitor.get(`/collaboratives/${id}/edit`)).statusCode).toBe(404);
    expect(
      (
        await visitor.post(
          `/collaboratives/${id}/members`,
          { school: primary.number },
          { tokenFrom: '/collaboratives/new' },
        )
      ).statusCode,
    ).toBe(404);
    expect(pageText((await visitor.get('/collaboratives')).body)).not.toContain('Visibility cluster');
    expect((await visitor.get(`/local-authorities/${LA}/collaboration-gaps`)).statusCode).toBe(404);
  });

  it('tells the head of a school outside it that it does not exist, and sends an anonymous visitor to sign in', async () => {
    const visitor = await as(await buildUser(t.database.db, { role: 'headteacher', scopeId: secondary.number }));
    const list = await visitor.get('/collaboratives');
    expect(list.statusCode).toBe(200);
    expect(pageText(list.body)).not.toContain('Visibility cluster');
    expect((await visitor.get(`/collaboratives/${id}`)).statusCode).toBe(404);
    expect((await visitor.get(`/local-authorities/${LA}/collaboration-gaps`)).statusCode).toBe(404);
    expect((await visitor.get('/collaboratives/new')).statusCode).toBe(403);
    const anonymous = await new Visitor(t.app).get(`/collaboratives/${id}`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/collaboratives/${id}`)}`);
  });

  it('filters the list by kind and status in the query', async () => {
    const visitor = await as(officer);
    const horizontal = pageText((await visitor.get('/collaboratives?kind=horizontal')).body);
    expect(horizontal).toContain('Primary group');
    expect(horizontal).not.toContain('Visibility cluster');
    const active = pageText((await visitor.get('/collaboratives?status=active')).body);
    expect(active).not.toContain('Visibility cluster');
    expect((await visitor.get('/collaboratives?kind=diagonal')).statusCode).toBe(400);
  });

  it('shows the service navigation item to LA and school staff, not to governors', async () => {
    expect((await (await as(partner)).get('/')).body).toContain('href="/collaboratives"');
    expect((await (await as(headteacher)).get('/')).body).toContain('href="/collaboratives"');
    const governor = await buildUser(t.database.db, { role: 'governor', scopeId: primary.governingBodyId });
    expect((await (await as(governor)).get('/')).body).not.toContain('href="/collaboratives"');
  });
});

describe('the collaboration gaps page', () => {
  it('counts and lists the LA’s open schools missing a vertical or a horizontal collaborative', async () => {
    const db = t.database.db;
    const lonely = await buildSchool(db, { laCode: LA, name: 'Ysgol Unig' });
    const closed = await buildSchool(db, { laCode: LA, name: 'Closed School' });
    await db.execute(sql`update schools set open = false where number = ${closed.number}`);
    const visitor = await as(officer);
    const id = await create(visitor, {
      ...details,
      kind: 'horizontal',
      basis: 'welsh_medium',
      nameEn: 'Gaps group',
      nameCy: 'Grŵp bylchau',
    });
    await visitor.post(
      `/collaboratives/${id}/members`,
      { school: lonely.number },
      { tokenFrom: `/collaboratives/${id}` },
    );
    const open = await rows<{ n: number }>(sql`select count(*)::int as n from schools where la_code = ${LA} and open`);
    const inVertical = await rows<{ n: number }>(
      sql`select count(distinct m.school_number)::int as n from collaborative_members m join collaboratives c on c.id = m.collaborative_id join schools s on s.number = m.school_number where c.kind = 'vertical' and c.status <> 'closed' and s.la_code = ${LA} and s.open`,
    );
    const page = await visitor.get(`/local-authorities/${LA}/collaboration-gaps`);
    expect(page.statusCode).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain(`${open[0]!.n} open schools`);
    expect(text).toContain(`${open[0]!.n - inVertical[0]!.n} in no vertical cluster`);
    expect(page.body).toContain(`href="/schools/${lonely.number}"`);
    expect(text).not.toContain('Closed School');
    // Primary and secondary are in vertical clusters; the lonely school is in a horizontal one only.
    const noVertical = text.slice(
      text.indexOf('In no vertical cluster'),
      text.indexOf('In no horizontal collaborative'),
    );
    expect(noVertical).toContain('Ysgol Unig');
    expect(noVertical).not.toContain('Ysgol Gynradd Bryn');
    const noHorizontal = text.slice(text.indexOf('In no horizontal collaborative'));
    expect(noHorizontal).not.toContain('Ysgol Unig');
    expect(noHorizontal).toContain('Bryn Comprehensive');
    expect((await (await as(partner)).get(`/local-authorities/${LA}/collaboration-gaps?lang=cy`)).statusCode).toBe(200);
  });
});
