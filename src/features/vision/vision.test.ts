import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildCycle, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { visions } from '../../db/schema/index.ts';
import { academicYearOf } from '../../reference/reference-data.ts';
import { outputItemId } from '../../sharing/share-repository.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let partner: TestUser;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
const schoolUrl = () => `/schools/${school.number}/vision`;
const laUrl = '/local-authorities/681/vision';
const versions = (type: 'school' | 'la', id: string) =>
  t.database.db
    .select()
    .from(visions)
    .where(and(eq(visions.ownerType, type), eq(visions.ownerId, id)))
    .orderBy(visions.number);
const form = (basedOn: number, overrides: Record<string, string> = {}) => ({
  basedOn: String(basedOn),
  text: 'Every learner reads, speaks and writes with confidence; we improve together with our cluster.',
  language: 'en',
  agreedWith: 'Staff, governors, the school council and families at a spring workshop',
  'agreedOn-day': '12',
  'agreedOn-month': '3',
  'agreedOn-year': '2025',
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database.db, { laCode: '681' });
  people = await buildSchoolPeople(t.database.db, school);
  partner = await buildUser(t.database.db, { role: 'improvement_partner', scopeId: '681' });
  await buildCycle(t.database.db, school.number);
});
afterAll(() => t.close());

describe('a school’s shared vision', () => {
  it('heads the plan once a leader writes it: each save a new version, audited, the history kept', async () => {
    const head = await as(people.headteacher);
    await head.post(
      `/schools/${school.number}/plan`,
      { firstYear: String(academicYearOf(new Date())) },
      { tokenFrom: `/schools/${school.number}/plan` },
    );
    expect(pageText((await head.get(`/schools/${school.number}/plan`)).body)).toContain(
      'No vision has been recorded yet.',
    );
    const first = await head.post(schoolUrl(), form(0), { tokenFrom: `${schoolUrl()}/edit` });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`${schoolUrl()}?done=saved`);
    const edit = await head.get(`${schoolUrl()}/edit`);
    expect(edit.body).toContain('name="basedOn" value="1"');
    const second = await head.post(
      schoolUrl(),
      form(1, { text: 'Ysgol hapus lle mae pawb yn dysgu gyda’i gilydd', language: 'cy' }),
      { tokenFrom: `${schoolUrl()}/edit` },
    );
    expect(second.statusCode).toBe(303);
    const rows = await versions('school', school.number);
    expect(rows.map((r) => [r.number, r.language])).toEqual([
      [1, 'en'],
      [2, 'cy'],
    ]);
    expect(await auditEntries(t.database.db, 'vision-save')).toHaveLength(2);
    const plan = await head.get(`/schools/${school.number}/plan`);
    expect(plan.body).toContain(
      '<p lang="cy" class="govuk-body-l cyd-answer">Ysgol hapus lle mae pawb yn dysgu gyda’i gilydd</p>',
    );
    const history = pageText((await head.get(schoolUrl())).body);
    expect(history).toContain('Version 2');
    expect(history).toContain('Version 1');
    expect(history).toContain('Every learner reads, speaks and writes with confidence');
    expect(history).toContain('Agreed on 12 March 2025 with:');
  });

  it('refuses to overwrite a version someone saved meanwhile, showing theirs beside yours', async () => {
    const post = await (
      await as(people.leader)
    ).post(schoolUrl(), form(1, { text: 'An older draft' }), { tokenFrom: `${schoolUrl()}/edit` });
    expect(post.statusCode).toBe(409);
    expect(pageText(post.body)).toContain('Ysgol hapus lle mae pawb yn dysgu');
    expect(post.body).toContain('name="basedOn" value="2"');
    expect(await versions('school', school.number)).toHaveLength(2);
  });

  it.each([
    ['no vision', { text: '' }, 'Enter the vision'],
    ['an overlong vision', { text: 'x'.repeat(5001) }, '5,000 characters or fewer'],
    ['an unknown language', { language: 'fr' }, 'Choose the language you wrote in'],
    ['no note of how it was agreed', { agreedWith: '' }, 'Enter who the vision was agreed with'],
    ['an overlong note', { agreedWith: 'x'.repeat(501) }, '500 characters or fewer'],
    ['an impossible date', { 'agreedOn-day': '30', 'agreedOn-month': '2' }, 'must be a real date'],
    ['a future date', { 'agreedOn-year': '2099' }, 'today or in the past'],
    ['a script', { text: '<script>alert(1)</script>'.repeat(300) }, '5,000 characters or fewer'],
  ])('refuses %s with a translated 400, adding nothing', async (_name, overrides, message) => {
    const post = await (
      await as(people.headteacher)
    ).post(schoolUrl(), form(2, overrides), { tokenFrom: `${schoolUrl()}/edit` });
    expect(post.statusCode).toBe(400);
    expect(post.body).toContain('govuk-error-summary');
    expect(pageText(post.body)).toContain(message);
    expect(post.body).not.toContain('<script>alert(1)</script>');
    expect(await versions('school', school.number)).toHaveLength(2);
  });

  it('refuses a basedOn or text beyond the schema with a 400', async () => {
    const head = await as(people.headteacher);
    for (const overrides of [{ basedOn: '-1' }, { basedOn: '1e309' }, { text: 'x'.repeat(20_001) }]) {
      expect(
        (await head.post(schoolUrl(), { ...form(2), ...overrides }, { tokenFrom: `${schoolUrl()}/edit` })).statusCode,
      ).toBe(400);
    }
  });

  it('is read by practitioners, governors and the LA’s staff, who cannot change it; strangers are told it does not exist', async () => {
    for (const user of [people.practitioner, people.governor, people.laOfficer, partner]) {
      const visitor = await as(user);
      const page = await visitor.get(schoolUrl());
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(`href="${schoolUrl()}/edit"`);
      expect((await visitor.get(`${schoolUrl()}/edit`)).statusCode).toBe(403);
      expect((await visitor.post(schoolUrl(), form(2), { tokenFrom: schoolUrl() })).statusCode).toBe(403);
    }
    for (const user of [people.otherHeadteacher, people.otherLaOfficer, people.otherGovernor]) {
      const visitor = await as(user);
      expect((await visitor.get(schoolUrl())).statusCode).toBe(404);
      expect((await visitor.post(schoolUrl(), form(2), { tokenFrom: '/account/password' })).statusCode).toBe(404);
    }
    expect(await versions('school', school.number)).toHaveLength(2);
  });

  it('is the first section of the SDP summary', async () => {
    await share(t.database.db, school.number, 'output', outputItemId(school.number, 'sdp_summary'), 'governors');
    const text = pageText(
      (await (await as(people.governor)).get(`/schools/${school.number}/outputs/sdp-summary`)).body,
    );
    const vision = text.indexOf('Our vision');
    expect(vision).toBeGreaterThan(-1);
    expect(vision).toBeLessThan(text.indexOf('About our plan'));
    expect(text).toContain('Ysgol hapus lle mae pawb yn dysgu');
  });
});

describe('an LA’s collective vision', () => {
  it('heads its self-evaluation once an officer writes it, each version kept and audited', async () => {
    const officer = await as(people.laOfficer);
    expect(pageText((await officer.get('/local-authorities/681/self-evaluation')).body)).toContain(
      'No vision has been recorded yet.',
    );
    for (const [basedOn, text] of [
      [0, 'Our schools improving together'],
      [1, 'Every school improving together, sharing responsibility for every learner'],
    ] as const) {
      const post = await officer.post(
        laUrl,
        form(basedOn, { text, agreedWith: 'Headteachers at the leadership conference' }),
        { tokenFrom: `${laUrl}/edit` },
      );
      expect(post.statusCode).toBe(303);
    }
    expect((await versions('la', '681')).map((v) => v.number)).toEqual([1, 2]);
    const se = pageText((await officer.get('/local-authorities/681/self-evaluation')).body);
    expect(se).toContain('Our collective vision');
    expect(se).toContain('Every school improving together, sharing responsibility for every learner');
    const history = pageText((await officer.get(laUrl)).body);
    expect(history).toContain('Version 1');
    expect(history).toContain('Our schools improving together');
    const [, second] = await versions('la', '681');
    expect(await auditEntries(t.database.db, 'vision-save', second!.id)).toHaveLength(1);
  });

  it('is read by the LA’s improvement partners, written by its officers only; other LAs and schools are refused', async () => {
    const ip = await as(partner);
    expect((await ip.get(laUrl)).statusCode).toBe(200);
    expect((await ip.get(`${laUrl}/edit`)).statusCode).toBe(403);
    expect((await ip.post(laUrl, form(2), { tokenFrom: laUrl })).statusCode).toBe(403);
    const otherOfficer = await as(people.otherLaOfficer);
    expect((await otherOfficer.get(laUrl)).statusCode).toBe(404);
    expect((await otherOfficer.post(laUrl, form(2), { tokenFrom: '/account/password' })).statusCode).toBe(404);
    const head = await as(people.headteacher);
    expect((await head.get(laUrl)).statusCode).toBe(403);
    expect((await head.post(laUrl, form(2), { tokenFrom: '/account/password' })).statusCode).toBe(403);
    const bad = await (await as(people.laOfficer)).post(laUrl, form(2, { text: '' }), { tokenFrom: `${laUrl}/edit` });
    expect(bad.statusCode).toBe(400);
    expect(await versions('la', '681')).toHaveLength(2);
  });
});
