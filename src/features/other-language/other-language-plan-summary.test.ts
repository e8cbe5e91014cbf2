import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, developmentPlans } from '../../db/schema/index.ts';
import { settableClock } from '../../lib/clock.ts';
import { sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { pdfLanguages } from '../../../test/support/pdf-languages.ts';
import { buildCycle } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

// Issue 16: the plan's summary carries its other-language version, written from the plan page,
// shown to each reader in their language and used by the SDP summary in the document's language.
const clock = settableClock('2026-12-07T10:00:00Z');
const ENGLISH = 'Our plan puts reading first.';
const WELSH = 'Mae ein cynllun yn rhoi darllen yn gyntaf.';
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let planId: string;

const as = async (user: { id: string }, lang: 'en' | 'cy' = 'en') => {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id, clock.now()));
  if (lang === 'cy') await visitor.get('/?lang=cy');
  return visitor;
};
const page = () => `/schools/${school.number}/other-language/plan-summary/${planId}`;
const plan = async () =>
  (await t.database.db.select().from(developmentPlans).where(eq(developmentPlans.id, planId)))[0]!;

beforeAll(async () => {
  t = await createTestApp({ clock });
  school = await buildSchool(t.database.db);
  people = await buildSchoolPeople(t.database.db, school);
  await buildCycle(t.database.db, school.number, 2026);
  const [row] = await t.database.db
    .insert(developmentPlans)
    .values({ schoolNumber: school.number, firstYear: 2026, summary: ENGLISH, language: 'en' })
    .returning();
  planId = row!.id;
});
afterAll(() => t.close());

describe('the plan summary in the other language', () => {
  it('is offered on the plan page only to those who may edit the summary', async () => {
    const head = await (await as(people.headteacher)).get(`/schools/${school.number}/plan`);
    expect(head.body).toContain(`href="${page()}">Add the Welsh version</a>`);
    const practitioner = await (await as(people.practitioner)).get(`/schools/${school.number}/plan`);
    expect(practitioner.statusCode).toBe(200);
    expect(practitioner.body).not.toContain(page());
    expect((await (await as(people.practitioner)).get(page())).statusCode).toBe(403);
    expect(
      (await (await as(people.practitioner)).post(page(), { version: String((await plan()).version), summary: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await plan()).otherLanguage).toEqual({});
  });

  it('refuses a summary longer than the original may be, changing nothing', async () => {
    const head = await as(people.headteacher);
    const response = await head.post(page(), { version: String((await plan()).version), summary: 'a'.repeat(5001) });
    expect(response.statusCode).toBe(400);
    expect((await plan()).otherLanguage).toEqual({});
  });

  it('saves the Welsh version written through the page, and the plan page shows each reader their own', async () => {
    const head = await as(people.headteacher);
    const form = await head.get(page());
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(new RegExp(`<div class="govuk-inset-text[^"]*" lang="en">${ENGLISH}</div>`));
    const before = (await plan()).version;
    const saved = await head.post(page(), { version: String(before), summary: `  ${WELSH}  ` });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/schools/${school.number}/plan?translated=cy#summary`);
    const after = await plan();
    expect(after.otherLanguage).toEqual({ summary: WELSH });
    expect(after.version).toBe(before + 1);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, planId), eq(auditLog.action, 'other-language-save')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entityType).toBe('development_plan');

    const welsh = await (await as(people.headteacher, 'cy')).get(`/schools/${school.number}/plan`);
    expect(welsh.body).toContain(`<p lang="cy" class="govuk-body cyd-answer">${WELSH}</p>`);
    expect(pageText(welsh.body)).not.toContain(ENGLISH);
    expect(welsh.body).toContain(`href="${page()}">Golygu&#39;r fersiwn Gymraeg</a>`);
    const english = await (await as(people.headteacher)).get(`/schools/${school.number}/plan`);
    expect(english.body).toContain(`<p lang="en" class="govuk-body cyd-answer">${ENGLISH}</p>`);
    expect(pageText(english.body)).not.toContain(WELSH);
  });

  it('refuses a stale version as a conflict, keeping what was saved', async () => {
    const head = await as(people.headteacher);
    const stale = (await plan()).version - 1;
    expect((await head.post(page(), { version: String(stale), summary: 'Hen' })).statusCode).toBe(409);
    expect((await plan()).otherLanguage).toEqual({ summary: WELSH });
  });

  it('gives the Welsh SDP summary the Welsh version, tagged Welsh, and the English one the original', async () => {
    const cookie = await sessionCookie(t.database.db, people.headteacher.id, clock.now());
    const get = (url: string) => t.app.inject({ url: `/schools/${school.number}/outputs/${url}`, headers: { cookie } });
    const cy = await pdfLanguages((await get('sdp-summary.pdf?language=cy')).rawPayload);
    const cyText = cy.passages.map((p) => p.text).join(' ');
    expect(cyText).toContain(WELSH);
    expect(cyText).not.toContain(ENGLISH);
    expect(cyText).not.toContain("wedi'i ysgrifennu yn Saesneg");
    expect(cy.passages.filter((p) => p.text.includes(WELSH)).map((p) => p.lang)).toEqual(['cy-GB']);
    const en = await pdfLanguages((await get('sdp-summary.pdf?language=en')).rawPayload);
    expect(en.passages.filter((p) => p.text.includes(ENGLISH)).map((p) => p.lang)).toEqual(['en-GB']);
    expect(en.passages.map((p) => p.text).join(' ')).not.toContain(WELSH);
    const web = await get('sdp-summary?language=cy');
    expect(web.statusCode).toBe(200);
    expect(web.body).toContain(WELSH);
    expect(pageText(web.body)).not.toContain(ENGLISH);
  });

  it('drops the Welsh version when the summary is written over in Welsh, so it never stands for English', async () => {
    const head = await as(people.headteacher, 'cy');
    const version = (await plan()).version;
    const saved = await head.post(`/schools/${school.number}/plan/summary`, {
      version: String(version),
      summary: 'Darllen sy gyntaf.',
    });
    expect(saved.statusCode).toBe(303);
    const after = await plan();
    expect(after.language).toBe('cy');
    expect(after.otherLanguage).toEqual({});
  });
});
