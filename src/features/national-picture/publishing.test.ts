import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildCycle } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { nationalPriorities, nationalSupportOffers } from '../../db/schema/index.ts';

let t: TestApp;
let wg: TestUser, people: SchoolPeople, school: { number: string };
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const priorityRow = async (code: string) =>
  (await t.database.db.select().from(nationalPriorities).where(eq(nationalPriorities.code, code)))[0];
const offerRows = async () => t.database.db.select().from(nationalSupportOffers);

const EARLY = {
  code: 'early_years',
  nameEn: 'Early years',
  nameCy: 'Y blynyddoedd cynnar',
  descriptionEn: 'Every child has a strong start.',
  descriptionCy: 'Bod pob plentyn yn cael dechrau cadarn.',
  'publishedOn-day': '1',
  'publishedOn-month': '9',
  'publishedOn-year': '2025',
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const built = await buildSchool(db, { laCode: '660' });
  school = built;
  people = await buildSchoolPeople(db, built);
  await buildCycle(db, built.number);
  wg = await buildUser(db, { role: 'wg_official', scopeId: null });
}, 120_000);
afterAll(() => t.close());

describe('publishing national priorities', () => {
  it('keeps the values and shows translated errors when a priority is incomplete, changing nothing', async () => {
    const visitor = await as(wg);
    const form = { ...EARLY, code: 'Early Years!', nameCy: '', 'publishedOn-day': '31', 'publishedOn-month': '2' };
    const page = await visitor.post('/national/priorities', form, { tokenFrom: '/national/priorities/new' });
    expect(page.statusCode).toBe(400);
    const text = pageText(page.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('The code must be lowercase letters and underscores only');
    expect(text).toContain('Enter the name in Welsh');
    expect(text).toContain('The publication date must be a real date');
    expect(page.body).toContain('value="Early years"');
    const cy = await visitor.post('/national/priorities?lang=cy', form, {
      tokenFrom: '/national/priorities/new?lang=cy',
    });
    expect(cy.statusCode).toBe(400);
    expect(pageText(cy.body)).toContain('Rhowch yr enw yn Gymraeg');
    expect(await priorityRow('early_years')).toBeUndefined();
  }, 60_000);

  it('lets WG publish a priority in both languages, audited, and refuses a code already used', async () => {
    const visitor = await as(wg);
    const page = await visitor.post('/national/priorities', EARLY, { tokenFrom: '/national/priorities/new' });
    expect(page.statusCode, pageText(page.body).slice(0, 800)).toBe(303);
    expect(page.headers.location).toBe('/national/priorities?done=published');
    expect(await priorityRow('early_years')).toMatchObject({
      nameCy: 'Y blynyddoedd cynnar',
      publishedOn: '2025-09-01',
      supporting: false,
      withdrawnOn: null,
    });
    expect(await auditEntries(t.database.db, 'national-priority-publish', 'early_years')).toHaveLength(1);
    const list = pageText((await visitor.get('/national/priorities?done=published')).body);
    expect(list).toContain('The national priority has been published.');
    expect(list).toContain('Early years');
    const cy = pageText((await visitor.get('/national/priorities?lang=cy')).body);
    expect(cy).toContain('Cyhoeddi blaenoriaethau cenedlaethol');
    expect(cy).toContain('Y blynyddoedd cynnar');
    const again = await visitor.post(
      '/national/priorities?lang=en',
      { ...EARLY, nameEn: 'Another' },
      { tokenFrom: '/national/priorities/new?lang=en' },
    );
    expect(again.statusCode).toBe(400);
    expect(pageText(again.body)).toContain('A national priority with this code already exists');
    expect((await priorityRow('early_years'))!.nameEn).toBe('Early years');
  }, 60_000);

  it('edits a priority, and shows both versions when someone saved in between', async () => {
    const visitor = await as(wg);
    const editPage = await visitor.get('/national/priorities/early_years/edit');
    const fingerprint = /name="fingerprint" value="([0-9a-f]+)"/.exec(editPage.body)![1]!;
    const saved = await visitor.post(
      '/national/priorities/early_years/edit',
      { ...EARLY, nameEn: 'Early years and childcare', supporting: 'yes', fingerprint },
      { tokenFrom: '/national/priorities/early_years/edit' },
    );
    expect(saved.statusCode).toBe(303);
    expect(await priorityRow('early_years')).toMatchObject({ nameEn: 'Early years and childcare', supporting: true });
    const [entry] = await auditEntries(t.database.db, 'national-priority-update', 'early_years');
    expect(entry!.before).toMatchObject({ nameEn: 'Early years' });
    // The same (now stale) form saved again: a conflict, nothing changed.
    const stale = await visitor.post(
      '/national/priorities/early_years/edit',
      { ...EARLY, nameEn: 'Early years (stale)', fingerprint },
      { tokenFrom: '/national/priorities/early_years/edit' },
    );
    expect(stale.statusCode).toBe(409);
    expect(pageText(stale.body)).toContain('Early years and childcare');
    expect((await priorityRow('early_years'))!.nameEn).toBe('Early years and childcare');
  }, 60_000);
});

describe('national support offers', () => {
  const OFFER = {
    kind: 'professional_learning',
    titleEn: 'Early years pedagogy',
    titleCy: 'Addysgeg y blynyddoedd cynnar',
    descriptionEn: 'Six sessions for practitioners.',
    descriptionCy: 'Chwe sesiwn i ymarferwyr.',
    nationalPriorities: ['early_years', 'literacy'],
    programmeCode: '',
    url: 'http://example.wales/early',
    'publishedOn-day': '2',
    'publishedOn-month': '9',
    'publishedOn-year': '2025',
  };

  it('requires a programme for professional learning and an https link, keeping what was typed', async () => {
    const visitor = await as(wg);
    const page = await visitor.post('/national/support', OFFER, { tokenFrom: '/national/support/new' });
    expect(page.statusCode).toBe(400);
    const text = pageText(page.body);
    expect(text).toContain('Choose the professional learning programme');
    expect(text).toContain('Enter a link that starts with https://');
    expect(page.body).toContain('value="Early years pedagogy"');
    const cy = await visitor.post('/national/support?lang=cy', OFFER, { tokenFrom: '/national/support/new?lang=cy' });
    expect(pageText(cy.body)).toContain('Dewiswch y rhaglen dysgu proffesiynol');
    expect(await offerRows()).toHaveLength(0);
  }, 60_000);

  it('publishes, edits with optimistic locking, withdraws and reinstates an offer, all audited', async () => {
    const visitor = await as(wg);
    const ok = {
      ...OFFER,
      programmeCode: 'facilitating_collaborative_improvement',
      url: 'https://example.wales/early',
    };
    expect((await visitor.post('/national/support', ok, { tokenFrom: '/national/support/new' })).statusCode).toBe(303);
    const [offer] = await offerRows();
    expect(offer).toMatchObject({
      titleCy: 'Addysgeg y blynyddoedd cynnar',
      nationalPriorities: ['early_years', 'literacy'],
      version: 1,
    });
    expect(await auditEntries(t.database.db, 'national-support-publish', offer!.id)).toHaveLength(1);
    const edit = `/national/support/${offer!.id}/edit`;
    expect(
      (await visitor.post(edit, { ...ok, titleEn: 'Early years pedagogy (2025)', version: '1' }, { tokenFrom: edit }))
        .statusCode,
    ).toBe(303);
    const stale = await visitor.post(edit, { ...ok, titleEn: 'Stale title', version: '1' }, { tokenFrom: edit });
    expect(stale.statusCode).toBe(409);
    expect(pageText(stale.body)).toContain('Early years pedagogy (2025)');
    expect((await offerRows())[0]!.titleEn).toBe('Early years pedagogy (2025)');
    expect(pageText((await visitor.get(`/national/support/${offer!.id}/withdraw`)).body)).toContain(
      'Withdraw “Early years pedagogy (2025)”?',
    );
    expect(
      (await visitor.post(`/national/support/${offer!.id}/withdraw`, {}, { tokenFrom: '/national/support' }))
        .statusCode,
    ).toBe(303);
    expect((await offerRows())[0]!.withdrawnOn).not.toBeNull();
    expect(pageText((await (await as(people.headteacher)).get('/national-priorities')).body)).not.toContain(
      'Early years pedagogy',
    );
    expect(
      (await visitor.post(`/national/support/${offer!.id}/reinstate`, {}, { tokenFrom: '/national/support' }))
        .statusCode,
    ).toBe(303);
    expect((await offerRows())[0]!.withdrawnOn).toBeNull();
    for (const action of ['national-support-update', 'national-support-withdraw', 'national-support-reinstate'])
      expect(await auditEntries(t.database.db, action, offer!.id)).toHaveLength(1);
  }, 60_000);

  it('shows a headteacher the priorities with the support under each, in English and Welsh', async () => {
    const visitor = await as(people.headteacher);
    const page = await visitor.get('/national-priorities');
    expect(page.statusCode).toBe(200);
    const section = pageText(/data-testid="np-early_years"[\s\S]*?<\/section>/.exec(page.body)![0]);
    expect(section).toContain('Early years and childcare');
    expect(section).toContain('Early years pedagogy (2025)');
    expect(section).toContain('Find out more about Early years pedagogy (2025)');
    expect(pageText(page.body)).toContain('Facilitating collaborative school improvement (national programme)');
    const cy = pageText((await visitor.get('/national-priorities?lang=cy')).body);
    expect(cy).toContain('Blaenoriaethau a chymorth cenedlaethol');
    expect(cy).toContain('Addysgeg y blynyddoedd cynnar');
    expect(cy).toContain('Bod pob plentyn yn cael dechrau cadarn.');
  }, 60_000);
});

describe('withdrawing a national priority', () => {
  it('asks first, then hides it from the published page and the school priority form; reinstating brings it back', async () => {
    const visitor = await as(wg);
    const confirm = await visitor.get('/national/priorities/early_years/withdraw');
    expect(pageText(confirm.body)).toContain('Withdraw “Early years and childcare”?');
    expect(
      (
        await visitor.post(
          '/national/priorities/early_years/withdraw',
          {},
          { tokenFrom: '/national/priorities/early_years/withdraw' },
        )
      ).statusCode,
    ).toBe(303);
    expect((await priorityRow('early_years'))!.withdrawnOn).not.toBeNull();
    expect(await auditEntries(t.database.db, 'national-priority-withdraw', 'early_years')).toHaveLength(1);
    const head = await as(people.headteacher);
    expect(pageText((await head.get('/national-priorities')).body)).not.toContain('Early years and childcare');
    const form = await head.get(`/schools/${school.number}/priorities/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="literacy"');
    expect(form.body).not.toContain('value="early_years"');

    expect(
      (await visitor.post('/national/priorities/early_years/reinstate', {}, { tokenFrom: '/national/priorities' }))
        .statusCode,
    ).toBe(303);
    expect((await priorityRow('early_years'))!.withdrawnOn).toBeNull();
    expect(await auditEntries(t.database.db, 'national-priority-reinstate', 'early_years')).toHaveLength(1);
    expect((await head.get(`/schools/${school.number}/priorities/new`)).body).toContain('value="early_years"');
  }, 60_000);
});

describe('who may publish', () => {
  it('refuses everyone but WG, and lets anyone signed in read the published priorities', async () => {
    const [offer] = await offerRows();
    for (const user of [people.headteacher, people.laOfficer, people.governor]) {
      const visitor = await as(user);
      for (const url of [
        '/national/priorities',
        '/national/priorities/new',
        '/national/priorities/early_years/edit',
        '/national/support',
        `/national/support/${offer!.id}/edit`,
      ]) {
        expect((await visitor.get(url)).statusCode, url).toBe(403);
      }
      const post = await visitor.post(
        '/national/priorities/early_years/withdraw',
        {},
        { tokenFrom: '/national-priorities' },
      );
      expect(post.statusCode).toBe(403);
      expect((await visitor.get('/national-priorities')).statusCode).toBe(200);
    }
    expect((await priorityRow('early_years'))!.withdrawnOn).toBeNull();
    expect((await new Visitor(t.app).get('/national-priorities')).statusCode).toBe(303);
  }, 60_000);
});
