import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentPlans, supportAgreements, supportRequests } from '../../db/schema/index.ts';
import { settableClock } from '../../lib/clock.ts';
import { sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { pdfLanguages } from '../../../test/support/pdf-languages.ts';
import { buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

// Issue 16: a request for support and the support received carry their other-language versions,
// written by the school from its support page, shown in the reader's language and used by the
// SDP summary and the support log in the document's language.
const clock = settableClock('2026-12-07T10:00:00Z');
const NEED = 'Modelled guided reading lessons';
const NEED_CY = 'Gwersi darllen dan arweiniad wedi eu modelu';
const WHAT = 'Two days of modelled reading lessons';
const WHAT_CY = 'Dau ddiwrnod o wersi darllen wedi eu modelu';
const IMPACT = 'Staff now model reading every week';
const IMPACT_CY = 'Mae staff yn modelu darllen bob wythnos';
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let requestId: string;
let agreementId: string;

const as = async (user: { id: string }, lang: 'en' | 'cy' = 'en') => {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id, clock.now()));
  if (lang === 'cy') await visitor.get('/?lang=cy');
  return visitor;
};
const page = (kind: string, id: string) => `/schools/${school.number}/other-language/${kind}/${id}`;
const request = async () =>
  (await t.database.db.select().from(supportRequests).where(eq(supportRequests.id, requestId)))[0]!;
const agreement = async () =>
  (await t.database.db.select().from(supportAgreements).where(eq(supportAgreements.id, agreementId)))[0]!;
const pdfText = async (url: string) => {
  const cookie = await sessionCookie(t.database.db, people.headteacher.id, clock.now());
  const res = await t.app.inject({ url: `/schools/${school.number}/outputs/${url}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return (await pdfLanguages(res.rawPayload)).passages;
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  const supporter = await buildSchool(db, { name: 'Ysgol Gefnogol' });
  const cycle = await buildCycle(db, school.number, 2026);
  await db.insert(developmentPlans).values({ schoolNumber: school.number, firstYear: 2026 });
  const priority = await buildPriority(db, cycle);
  const [r] = await db
    .insert(supportRequests)
    .values({ schoolNumber: school.number, priorityId: priority.id, need: NEED, status: 'matched' })
    .returning();
  requestId = r!.id;
  const [a] = await db
    .insert(supportAgreements)
    .values({
      requestId,
      supportingSchoolNumber: supporter.number,
      what: WHAT,
      impact: IMPACT,
      startsOn: '2027-01-10',
      endsOn: '2027-01-20',
    })
    .returning();
  agreementId = a!.id;
});
afterAll(() => t.close());

describe('support in the other language', () => {
  it('is written only by those who may edit the school, from links on its support page', async () => {
    const head = await (await as(people.headteacher)).get(`/schools/${school.number}/support`);
    expect(head.body).toContain(`href="${page('support-request', requestId)}">Add the Welsh version</a>`);
    expect(head.body).toContain(`href="${page('support-agreement', agreementId)}">Add the Welsh version</a>`);
    const practitioner = await as(people.practitioner);
    const seen = await practitioner.get(`/schools/${school.number}/support`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('/other-language/');
    expect((await practitioner.post(page('support-request', requestId), { version: '1', need: 'x' })).statusCode).toBe(
      403,
    );
    expect((await practitioner.get(page('support-agreement', agreementId))).statusCode).toBe(403);
    expect((await request()).otherLanguage).toEqual({});
  });

  it("does not open another school's request under this school, nor one that does not exist", async () => {
    const db = t.database.db;
    const other = await buildSchool(db);
    const theirs = await buildPriority(db, await buildCycle(db, other.number, 2026));
    const [r] = await db
      .insert(supportRequests)
      .values({ schoolNumber: other.number, priorityId: theirs.id, need: 'Theirs' })
      .returning();
    const head = await as(people.headteacher);
    expect((await head.get(page('support-request', r!.id))).statusCode).toBe(404);
    expect((await head.post(page('support-request', r!.id), { version: '1', need: 'Eu cais nhw' })).statusCode).toBe(
      404,
    );
    expect((await head.get(page('support-request', '00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    const [after] = await db.select().from(supportRequests).where(eq(supportRequests.id, r!.id));
    expect(after!.otherLanguage).toEqual({});
  });

  it('saves the Welsh versions and shows them to a Welsh reader of the support page', async () => {
    const head = await as(people.headteacher);
    const savedNeed = await head.post(page('support-request', requestId), { version: '1', need: NEED_CY });
    expect(savedNeed.statusCode).toBe(303);
    expect(savedNeed.headers.location).toBe(`/schools/${school.number}/support?translated=cy#request-${requestId}`);
    const tooLong = await head.post(page('support-agreement', agreementId), { version: '1', what: 'a'.repeat(2001) });
    expect(tooLong.statusCode).toBe(400);
    const saved = await head.post(page('support-agreement', agreementId), {
      version: '1',
      what: WHAT_CY,
      impact: IMPACT_CY,
    });
    expect(saved.statusCode).toBe(303);
    expect((await request()).otherLanguage).toEqual({ need: NEED_CY });
    expect((await agreement()).otherLanguage).toEqual({ what: WHAT_CY, impact: IMPACT_CY });

    const welsh = await (await as(people.headteacher, 'cy')).get(`/schools/${school.number}/support`);
    const text = pageText(welsh.body);
    for (const cy of [NEED_CY, WHAT_CY, IMPACT_CY]) expect(welsh.body).toMatch(new RegExp(`lang="cy"[^>]*>${cy}<`));
    for (const en of [NEED, WHAT, IMPACT]) expect(text).not.toContain(en);
  });

  it('gives the Welsh support log and SDP summary the Welsh versions, tagged Welsh', async () => {
    const log = await pdfText('support-log.pdf?language=cy');
    const logText = log.map((p) => p.text).join(' ');
    for (const cy of [WHAT_CY, IMPACT_CY])
      expect(log.filter((p) => p.text.includes(cy)).map((p) => p.lang)).toEqual(['cy-GB']);
    expect(logText).not.toContain(WHAT);
    expect(logText).not.toContain(IMPACT);
    const sdp = await pdfText('sdp-summary.pdf?language=cy');
    const sdpText = sdp.map((p) => p.text).join(' ');
    expect(sdpText).toContain(NEED_CY);
    expect(sdpText).toContain(WHAT_CY);
    expect(sdpText).not.toContain(NEED);
    const english = (await pdfText('support-log.pdf?language=en')).map((p) => p.text).join(' ');
    expect(english).toContain(WHAT);
    expect(english).not.toContain(WHAT_CY);
  });

  it('drops the versions when the impact is recorded again in Welsh, so they never stand for English', async () => {
    const head = await as(people.headteacher, 'cy');
    const version = (await agreement()).version;
    const saved = await head.post(`/schools/${school.number}/support/agreements/${agreementId}/impact`, {
      version: String(version),
      impact: 'Mae darllen yn well',
      language: 'cy',
    });
    expect(saved.statusCode).toBe(303);
    expect((await agreement()).otherLanguage).toEqual({});
  });
});
