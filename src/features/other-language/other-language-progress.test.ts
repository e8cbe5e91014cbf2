import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentPlans, progressReviews } from '../../db/schema/index.ts';
import { settableClock } from '../../lib/clock.ts';
import { sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { pdfLanguages } from '../../../test/support/pdf-languages.ts';
import { buildCycle, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { versionOfTexts } from './school-kinds-repository.ts';

// Issue 16: a progress review's comment carries its other-language version, written from the
// priority's page, shown in the reader's language and used by the SDP summary's latest review.
const clock = settableClock('2026-12-07T10:00:00Z');
const COMMENT = 'Reading ages are rising in every class.';
const COMMENT_CY = 'Mae oedrannau darllen yn codi ym mhob dosbarth.';
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let priorityId: string;
let reviewId: string;

const as = async (user: { id: string }, lang: 'en' | 'cy' = 'en') => {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id, clock.now()));
  if (lang === 'cy') await visitor.get('/?lang=cy');
  return visitor;
};
const page = () => `/schools/${school.number}/other-language/progress-review/${reviewId}`;
const review = async () =>
  (await t.database.db.select().from(progressReviews).where(eq(progressReviews.id, reviewId)))[0]!;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  const cycle = await buildCycle(db, school.number, 2026);
  await db.insert(developmentPlans).values({ schoolNumber: school.number, firstYear: 2026 });
  priorityId = (await buildPriority(db, cycle)).id;
  const [r] = await db
    .insert(progressReviews)
    .values({
      schoolNumber: school.number,
      priorityId,
      reviewedOn: '2026-11-20',
      rating: 'on_track',
      comment: COMMENT,
      createdBy: people.headteacher.id,
    })
    .returning();
  reviewId = r!.id;
});
afterAll(() => t.close());

describe('a progress review in the other language', () => {
  it('is offered beside the review only to those who may record reviews', async () => {
    const head = await (await as(people.headteacher)).get(`/schools/${school.number}/priorities/${priorityId}`);
    expect(head.body).toContain(`href="${page()}">Add the Welsh version</a>`);
    const practitioner = await as(people.practitioner);
    const seen = await practitioner.get(`/schools/${school.number}/priorities/${priorityId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain(COMMENT);
    expect(seen.body).not.toContain(page());
    expect((await practitioner.post(page(), { version: '1', comment: 'x' })).statusCode).toBe(403);
    expect((await review()).otherLanguage).toEqual({});
  });

  it('saves the Welsh comment; a Welsh reader of the priority sees it, an English one the original', async () => {
    const head = await as(people.headteacher);
    const version = versionOfTexts({});
    const saved = await head.post(page(), { version: String(version), comment: COMMENT_CY });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/schools/${school.number}/priorities/${priorityId}?translated=cy#progress`);
    expect((await review()).otherLanguage).toEqual({ comment: COMMENT_CY });
    const welsh = await (await as(people.headteacher, 'cy')).get(`/schools/${school.number}/priorities/${priorityId}`);
    expect(welsh.body).toMatch(/<p lang="cy" class="govuk-body cyd-answer[^"]*">Mae oedrannau darllen/);
    expect(pageText(welsh.body)).not.toContain(COMMENT);
    const english = await (await as(people.headteacher)).get(`/schools/${school.number}/priorities/${priorityId}`);
    expect(pageText(english.body)).toContain(COMMENT);
    expect(pageText(english.body)).not.toContain(COMMENT_CY);
  });

  it('refuses a save from a page opened before the last one, keeping what was saved', async () => {
    const head = await as(people.headteacher);
    const stale = versionOfTexts({});
    expect((await head.post(page(), { version: String(stale), comment: 'Hen' })).statusCode).toBe(409);
    expect((await review()).otherLanguage).toEqual({ comment: COMMENT_CY });
  });

  it('gives the Welsh SDP summary the Welsh comment, tagged Welsh', async () => {
    const cookie = await sessionCookie(t.database.db, people.headteacher.id, clock.now());
    const get = (language: string) =>
      t.app.inject({
        url: `/schools/${school.number}/outputs/sdp-summary.pdf?language=${language}`,
        headers: { cookie },
      });
    const cy = (await pdfLanguages((await get('cy')).rawPayload)).passages;
    expect(cy.filter((p) => p.text.includes(COMMENT_CY)).map((p) => p.lang)).toEqual(['cy-GB']);
    expect(cy.map((p) => p.text).join(' ')).not.toContain(COMMENT);
    const en = (await pdfLanguages((await get('en')).rawPayload)).passages;
    expect(en.filter((p) => p.text.includes(COMMENT)).map((p) => p.lang)).toEqual(['en-GB']);
  });
});
