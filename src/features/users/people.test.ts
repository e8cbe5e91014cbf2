// The people pages of a school, an LA and Wales, through the app: who opens them, what each may
// grant, hostile ids and forms, the CSV upload's refusals, and that an ended role stops counting.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, peopleUploads, roleAssignments, users } from '../../db/schema/index.ts';
import { settableClock } from '../../lib/clock.ts';
import { jobDefinition } from '../../jobs/job-table.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, countRows, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { postMultipart } from '../../../test/support/multipart.ts';

const clock = settableClock('2026-12-07T10:00:00Z');
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let otherSchool: Awaited<ReturnType<typeof buildSchool>>;
let p: SchoolPeople;
let wg: TestUser;
let sequence = 0;

beforeAll(async () => {
  t = await createTestApp({ clock });
  school = await buildSchool(t.database.db, { laCode: '681' });
  otherSchool = await buildSchool(t.database.db, { laCode: '681' });
  p = await buildSchoolPeople(t.database.db, school);
  wg = await buildUser(t.database.db, { role: 'wg_official', scopeId: null });
});
afterAll(() => t.close());

async function as(user: TestUser, lang: 'en' | 'cy' = 'en') {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id, clock.now()));
  if (lang === 'cy') await visitor.get('/?lang=cy');
  return visitor;
}
const base = () => `/schools/${school.number}/people`;
const email = () => `person${++sequence}-${Date.now()}@example.test`;
const form = (overrides: Record<string, string> = {}) => ({
  email: email(),
  displayName: `Person ${sequence}`,
  role: 'practitioner',
  preferredLanguage: 'en',
  'endsOn-day': '',
  'endsOn-month': '',
  'endsOn-year': '',
  ...overrides,
});
async function rolesOf(address: string) {
  const [user] = await t.database.db.select().from(users).where(eq(users.email, address));
  if (!user) return [];
  return t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, user.id));
}
const csv = (text: string | Buffer) => ({
  field: 'file',
  fileName: 'people.csv',
  content: Buffer.isBuffer(text) ? text : Buffer.from(text),
  contentType: 'text/csv',
});

describe('who opens a school’s people page', () => {
  it('is its headteacher; its other staff are refused, strangers told it does not exist', async () => {
    expect((await (await as(p.headteacher)).get(base())).statusCode).toBe(200);
    expect((await (await as(p.leader)).get(base())).statusCode).toBe(403);
    expect((await (await as(p.governor)).get(base())).statusCode).toBe(403);
    expect((await (await as(p.otherHeadteacher)).get(base())).statusCode).toBe(404);
    expect((await (await as(p.headteacher)).get(`/schools/${otherSchool.number}/people`)).statusCode).toBe(404);
  });

  it('is linked from the school’s home for the headteacher only', async () => {
    expect((await (await as(p.headteacher)).get(`/schools/${school.number}/home`)).body).toContain(`href="${base()}"`);
    expect((await (await as(p.leader)).get(`/schools/${school.number}/home`)).body).not.toContain(`href="${base()}"`);
  });
});

describe('a headteacher adds a person', () => {
  it('makes a new account with the role, emails a set-password link, and audits both', async () => {
    const f = form();
    const mails = t.sentMail.length;
    const response = await (await as(p.headteacher)).post(base(), f);
    expect(response.statusCode).toBe(303);
    const roles = await rolesOf(f.email);
    expect(roles.map((r) => [r.role, r.scopeId])).toEqual([['practitioner', school.number]]);
    expect(t.sentMail.length).toBe(mails + 1);
    expect(t.sentMail.at(-1)!.to).toBe(f.email);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, roles[0]!.userId));
    expect(audits.map((a) => a.action).sort()).toEqual(['role-assign', 'user-create']);
  });

  it('adds the role to an existing account, never a second account, and shows none of its other roles', async () => {
    const existing = await buildUser(t.database.db, { role: 'la_officer', scopeId: '660' });
    const visitor = await as(p.headteacher);
    const response = await visitor.post(
      base(),
      form({ email: existing.email.toUpperCase(), displayName: '', role: 'governor' }),
    );
    expect(response.statusCode).toBe(303);
    const sameEmail = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${existing.email.toLowerCase()}`);
    expect(sameEmail).toHaveLength(1);
    expect((await rolesOf(existing.email)).map((r) => r.role).sort()).toEqual(['governor', 'la_officer']);
    const page = await visitor.get(`${base()}/${existing.id}`);
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('Governor');
    expect(pageText(page.body)).not.toContain('officer');
  });

  it.each([
    ['a headteacher role', { role: 'headteacher' }],
    ['an LA role', { role: 'la_officer' }],
    ['the chair of governors', { role: 'chair_of_governors' }],
    ['the clerk to the governing body', { role: 'clerk' }],
    ['an unknown role', { role: 'emperor' }],
  ])('refuses %s with a translated 400 and changes nothing', async (_name, overrides) => {
    const f = form(overrides);
    const response = await (await as(p.headteacher, 'cy')).post(base(), f);
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toMatch(/Dewiswch rôl|Ni allwch roi'r rôl hon yma/);
    expect(await rolesOf(f.email)).toEqual([]);
  });

  it('refuses the same form from a school leader, and from another school’s headteacher', async () => {
    const f = form();
    expect(
      (await (await as(p.leader)).post(base(), f, { tokenFrom: `/schools/${school.number}/home` })).statusCode,
    ).toBe(403);
    expect((await (await as(p.otherHeadteacher)).post(base(), f, { tokenFrom: '/account/password' })).statusCode).toBe(
      404,
    );
    expect(await rolesOf(f.email)).toEqual([]);
  });

  it('refuses an end date in the past and a date that does not exist', async () => {
    const v = await as(p.headteacher);
    expect(
      (await v.post(base(), form({ 'endsOn-day': '1', 'endsOn-month': '1', 'endsOn-year': '2020' }))).statusCode,
    ).toBe(400);
    expect(
      (await v.post(base(), form({ 'endsOn-day': '31', 'endsOn-month': '2', 'endsOn-year': '2027' }))).statusCode,
    ).toBe(400);
  });
});

describe('changing and removing a role', () => {
  async function newPractitioner() {
    const person = await buildUser(t.database.db, { role: 'practitioner', scopeId: school.number });
    const [a] = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, person.id));
    return { person, assignment: a! };
  }

  it('sets an end date; the role counts through that day and not after it', async () => {
    const { person, assignment } = await newPractitioner();
    const v = await as(p.headteacher);
    const url = `${base()}/${person.id}/roles/${assignment.id}/end-date`;
    const response = await v.post(
      url,
      { 'endsOn-day': '8', 'endsOn-month': '12', 'endsOn-year': '2026' },
      { tokenFrom: `${base()}/${person.id}` },
    );
    expect(response.statusCode).toBe(303);
    const [after] = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.id, assignment.id));
    expect(after!.endsOn).toBe('2026-12-08');
    expect((await (await as(person)).get(`/schools/${school.number}/evidence`)).statusCode).toBe(200);
    clock.set('2026-12-08T23:30:00Z'); // still the 8th in Wales (GMT)
    try {
      expect((await (await as(person)).get(`/schools/${school.number}/evidence`)).statusCode).toBe(200);
      clock.set('2026-12-09T00:30:00Z');
      // The day after the role ended: the school is no longer theirs to know of.
      expect((await (await as(person)).get(`/schools/${school.number}/evidence`)).statusCode).toBe(404);
    } finally {
      clock.set('2026-12-07T10:00:00Z');
    }
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, person.id), eq(auditLog.action, 'role-end-date')));
    expect(audit).toHaveLength(1);
  });

  it('takes an ended role out of the table the night after, by the daily job, audited', async () => {
    const { person, assignment } = await newPractitioner();
    const { assignment: later } = await newPractitioner();
    await t.database.db
      .update(roleAssignments)
      .set({ endsOn: '2026-12-06' })
      .where(eq(roleAssignments.id, assignment.id));
    await t.database.db.update(roleAssignments).set({ endsOn: '2026-12-07' }).where(eq(roleAssignments.id, later.id));
    const job = jobDefinition('end-roles');
    // Run as on the 7th: the role that ended on the 6th goes; the one ending today stays all day.
    const result = await job.handler({ database: t.database, clock } as never, {}, {} as never);
    expect(result).toMatchObject({ ended: expect.any(Number) });
    const left = await t.database.db
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(sql`${roleAssignments.id} in (${assignment.id}, ${later.id})`);
    expect(left.map((r) => r.id)).toEqual([later.id]);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, person.id), eq(auditLog.action, 'role-ended')));
    expect(entry).toMatchObject({ actorId: null, before: { role: 'practitioner', endsOn: '2026-12-06' } });
    expect(await t.database.db.select({ id: users.id }).from(users).where(eq(users.id, person.id))).toHaveLength(1);
  });

  it('removes a role, keeping the account and audited', async () => {
    const { person, assignment } = await newPractitioner();
    const v = await as(p.headteacher);
    const response = await v.post(
      `${base()}/${person.id}/roles/${assignment.id}/remove`,
      {},
      { tokenFrom: `${base()}/${person.id}` },
    );
    expect(response.statusCode).toBe(303);
    expect(await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.id, assignment.id))).toEqual([]);
    expect(await t.database.db.select().from(users).where(eq(users.id, person.id))).toHaveLength(1);
    expect(
      await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, person.id), eq(auditLog.action, 'role-remove'))),
    ).toHaveLength(1);
  });

  it('is a 404 for a forged assignment id, an assignment at another school, or one belonging to someone else', async () => {
    const { person, assignment } = await newPractitioner();
    const elsewhere = await buildUser(t.database.db, { role: 'practitioner', scopeId: otherSchool.number });
    const [theirs] = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, elsewhere.id));
    const v = await as(p.headteacher);
    const token = await v.csrfToken(base());
    for (const url of [
      `${base()}/${person.id}/roles/00000000-0000-4000-8000-000000000000/remove`,
      `${base()}/${elsewhere.id}/roles/${theirs!.id}/remove`,
      `${base()}/${p.leader.id}/roles/${assignment.id}/remove`,
    ])
      expect((await v.post(url, {}, { csrf: token })).statusCode).toBe(404);
    expect([400, 404]).toContain((await v.post(`${base()}/not-a-uuid/roles/x/remove`, {}, { csrf: token })).statusCode);
    expect((await v.get(`${base()}/${elsewhere.id}`)).statusCode).toBe(404);
    expect(await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.id, theirs!.id))).toHaveLength(
      1,
    );
  });
});

describe('an LA’s and Wales’s people pages', () => {
  const laBase = '/local-authorities/681/people';
  it('lets the LA officer add a headteacher at a school it maintains, not at another LA’s', async () => {
    const v = await as(p.laOfficer);
    const ok = form({ role: 'headteacher', school: otherSchool.number });
    expect((await v.post(laBase, ok, { tokenFrom: laBase })).statusCode).toBe(303);
    expect((await rolesOf(ok.email)).map((r) => [r.role, r.scopeId])).toEqual([['headteacher', otherSchool.number]]);
    const far = await buildSchool(t.database.db, { laCode: '660' });
    const refused = form({ role: 'headteacher', school: far.number });
    expect((await v.post(laBase, refused, { tokenFrom: laBase })).statusCode).toBe(400);
    expect(await rolesOf(refused.email)).toEqual([]);
  });

  it('refuses another LA’s officer (404), an improvement partner of the LA (403) and a headteacher (403)', async () => {
    expect((await (await as(p.otherLaOfficer)).get(laBase)).statusCode).toBe(404);
    expect((await (await as(p.headteacher)).get(laBase)).statusCode).toBe(403);
    const partner = await buildUser(t.database.db, { role: 'improvement_partner', scopeId: '681' });
    expect((await (await as(partner)).get(laBase)).statusCode).toBe(403);
  });

  it('lets a WG official add a WG official, and no one else open the page', async () => {
    const v = await as(wg);
    const f = form({ role: 'wg_official' });
    expect((await v.post('/national/people', f, { tokenFrom: '/national/people' })).statusCode).toBe(303);
    expect((await rolesOf(f.email)).map((r) => r.role)).toEqual(['wg_official']);
    expect((await (await as(p.laOfficer)).get('/national/people')).statusCode).toBe(403);
  });
});

describe('adding people from a CSV file', () => {
  const upload = async (v: Visitor, content: string | Buffer) =>
    postMultipart(t.app, v, `${base()}/upload`, {}, [csv(content)], { tokenFrom: `${base()}/upload` });

  it('previews, then applies every row in one go, with the upload kept on the server', async () => {
    const v = await as(p.headteacher);
    const a = email();
    const b = email();
    const preview = await upload(
      v,
      `email,name,role,ends_on\r\n${a},Siân Ŵyn,practitioner,2027-08-31\r\n${b},Bob,governor,\r\n`,
    );
    expect(preview.statusCode).toBe(200);
    expect(pageText(preview.body)).toContain('Siân Ŵyn');
    expect(await rolesOf(a)).toEqual([]);
    const uploadId = /upload\/([0-9a-f-]{36})\/apply/.exec(preview.body)![1]!;
    // Another person cannot apply it, even at the same school.
    const leaderTry = await (
      await as(p.otherHeadteacher)
    ).post(`${base()}/upload/${uploadId}/apply`, {}, { tokenFrom: '/account/password' });
    expect(leaderTry.statusCode).toBe(404);
    const applied = await v.post(`${base()}/upload/${uploadId}/apply`, {}, { tokenFrom: `${base()}/upload` });
    expect(applied.statusCode).toBe(303);
    expect((await rolesOf(a)).map((r) => [r.role, r.endsOn])).toEqual([['practitioner', '2027-08-31']]);
    expect((await rolesOf(b)).map((r) => [r.role, r.scopeId])).toEqual([['governor', school.governingBodyId]]);
    expect(await t.database.db.select().from(peopleUploads).where(eq(peopleUploads.id, uploadId))).toEqual([]);
    // Applied once: a second apply finds nothing.
    expect((await v.post(`${base()}/upload/${uploadId}/apply`, {}, { tokenFrom: `${base()}/upload` })).statusCode).toBe(
      404,
    );
  });

  it('names every problem by line and column, in Welsh, and offers no apply', async () => {
    const v = await as(p.headteacher, 'cy');
    const a = email();
    const content = [
      'email,name,role',
      `${a},Ann,practitioner`,
      `${a},Ann again,practitioner`,
      `=HYPERLINK("http://evil"),Eve,practitioner`,
      `${email()},@SUM(1),practitioner`,
      `${email()},Hal,headteacher`,
      `not-an-email,Ian,practitioner`,
    ].join('\n');
    const response = await upload(v, content);
    expect(response.statusCode).toBe(200);
    const text = pageText(response.body);
    expect(text).toContain("Yr un person a'r un rôl â llinell 2");
    expect(text).toMatch(/fformiwla/);
    expect(text).toContain("Ni allwch roi'r rôl hon yma");
    expect(text).toContain('Problemau yn y ffeil: 5');
    expect(response.body).not.toMatch(/\/apply"/);
    const lines = [
      ...response.body.matchAll(
        /<tr class="govuk-table__row"><td class="govuk-table__cell">(\d+)<\/td><td class="govuk-table__cell"><code>(\w+)<\/code>/g,
      ),
    ].map((m) => `${m[1]}:${m[2]}`);
    expect(lines).toEqual(['3:email', '4:email', '5:name', '6:role', '7:email']);
    expect(await rolesOf(a)).toEqual([]);
  });

  it('refuses a file not in UTF-8, with a translated error', async () => {
    const v = await as(p.headteacher, 'cy');
    const latin1 = Buffer.from(`email,name,role\n${email()},Si\xe2n,practitioner\n`, 'latin1');
    const response = await upload(v, latin1);
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain("Nid yw'r ffeil wedi'i chadw fel UTF-8");
  });

  it('refuses 10,000 rows quickly, with a translated error, storing nothing', async () => {
    const v = await as(p.headteacher);
    const rows = Array.from({ length: 10_000 }, (_, i) => `bulk${i}@example.test,Bulk ${i},practitioner`);
    const before = await countRows(t.database.db, 'people_uploads');
    const started = performance.now();
    const response = await upload(v, `email,name,role\n${rows.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain('more than 1000 people');
    expect(await countRows(t.database.db, 'people_uploads')).toBe(before);
  });

  it('refuses a file over the size limit with a 413, never a 500', async () => {
    const v = await as(p.headteacher);
    const response = await upload(v, `email,name,role\n${'x'.repeat(600 * 1024)}\n`);
    // Refused while the body is read, by the app's translated "too large" page.
    expect(response.statusCode).toBe(413);
  });

  it('refuses a file without the columns, and no file at all', async () => {
    const v = await as(p.headteacher);
    expect((await upload(v, 'mail,who\nx,y\n')).statusCode).toBe(400);
    const none = await postMultipart(t.app, v, `${base()}/upload`, {}, [], { tokenFrom: `${base()}/upload` });
    expect(none.statusCode).toBe(400);
  });

  it('is refused to a school leader, and its apply to a forged upload id', async () => {
    expect((await upload(await as(p.leader), 'email,name,role\n')).statusCode).toBe(403);
    const v = await as(p.headteacher);
    expect(
      (
        await v.post(
          `${base()}/upload/00000000-0000-4000-8000-000000000000/apply`,
          {},
          { tokenFrom: `${base()}/upload` },
        )
      ).statusCode,
    ).toBe(404);
  });
});
