import { and, eq, inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../src/db/client.ts';
import {
  planActions,
  planOutlineActions,
  planOutlinePriorities,
  priorities,
  progressReviews,
  successCriteria,
  supportRequests,
} from '../src/db/schema/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHOOL, loadDemoData } from '../src/demo/demo-data.ts';
import { systemClock } from '../src/lib/clock.ts';
import { pdfLanguages } from '../test/support/pdf-languages.ts';
import { journeyTest } from './support/journey.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { OutputsPage } from './pages/outputs-pages.ts';

/**
 * The Welsh versions of what the demo school wrote in English and put in its plan, as the
 * headteacher would write them beside the originals before sharing the plan's summary.
 */
const WELSH: Record<string, string> = {
  'Reduce persistent absence in Years 3 to 6 to below 10%':
    'Lleihau absenoldeb parhaus ym Mlynyddoedd 3 i 6 i lai na 10%',
  'Persistently absent learners in Years 3 to 6 and their families':
    "Dysgwyr sy'n absennol yn barhaus ym Mlynyddoedd 3 i 6 a'u teuluoedd",
  'Persistent absence below 10% by the summer term (13.8% at October half-term)':
    'Absenoldeb parhaus o dan 10% erbyn tymor yr haf (13.8% yn hanner tymor mis Hydref)',
  'Persistent absence below 10% in the summer term': 'Absenoldeb parhaus o dan 10% yn nhymor yr haf',
  'Every family identified has a named contact and a plan': 'Mae gan bob teulu a nodwyd gyswllt penodol a chynllun',
  'Named contact and plan for every persistently absent learner’s family':
    "Cyswllt penodol a chynllun i deulu pob dysgwr sy'n absennol yn barhaus",
  'Morning routines club for identified families': 'Clwb arferion boreol i deuluoedd a nodwyd',
  'LA attendance officer: half a day a week': 'Swyddog presenoldeb yr awdurdod lleol: hanner diwrnod yr wythnos',
  'Keep persistent absence below 10%': 'Cadw absenoldeb parhaus o dan 10%',
  'Hand the morning routines club to the family engagement officer and keep the gains.':
    "Trosglwyddo'r clwb arferion boreol i'r swyddog ymgysylltu â theuluoedd a chadw'r enillion.",
  'Family engagement officer takes over the morning club':
    'Y swyddog ymgysylltu â theuluoedd yn cymryd y clwb boreol drosodd',
  'Review persistent absence with governors': "Adolygu absenoldeb parhaus gyda'r llywodraethwyr",
  'Oracy: talk for learning in the Foundation Learning years':
    'Llafaredd: siarad er mwyn dysgu ym mlynyddoedd y Dysgu Sylfaen',
  'Structured talk in every Foundation Learning class, with the cluster’s oracy lead.':
    'Siarad strwythuredig ym mhob dosbarth Dysgu Sylfaen, gydag arweinydd llafaredd y clwstwr.',
  'Audit of talk in Nursery to Year 2': "Archwiliad o siarad o'r Meithrin i Flwyddyn 2",
  'Talk partners and sentence stems in every class': 'Partneriaid siarad a dechreuadau brawddegau ym mhob dosbarth',
};

/** The Welsh versions of the fields named, for those of a record's texts that have one. */
function welshOf(record: Record<string, unknown>, fields: string[]): Record<string, string> {
  return Object.fromEntries(
    fields.flatMap((f) => (typeof record[f] === 'string' && WELSH[record[f]] ? [[f, WELSH[record[f]]!]] : [])),
  );
}

/** Writes the Welsh versions beside the demo school's English texts (other_language), as the page for them would. */
async function addWelshVersions(db: Db) {
  const english = await db
    .select()
    .from(priorities)
    .where(and(eq(priorities.schoolNumber, DEMO_SCHOOL), eq(priorities.language, 'en')));
  const ids = english.map((p) => p.id);
  for (const p of english)
    await db
      .update(priorities)
      .set({ otherLanguage: welshOf(p, ['title', 'learners', 'successMeasure']) })
      .where(eq(priorities.id, p.id));
  for (const c of await db.select().from(successCriteria).where(inArray(successCriteria.priorityId, ids)))
    await db
      .update(successCriteria)
      .set({ otherLanguage: welshOf(c, ['text']) })
      .where(eq(successCriteria.id, c.id));
  for (const a of await db.select().from(planActions).where(inArray(planActions.priorityId, ids)))
    await db
      .update(planActions)
      .set({ otherLanguage: welshOf(a, ['description', 'supportDetail']) })
      .where(eq(planActions.id, a.id));
  const outline = await db
    .select()
    .from(planOutlinePriorities)
    .where(and(eq(planOutlinePriorities.schoolNumber, DEMO_SCHOOL), eq(planOutlinePriorities.language, 'en')));
  for (const o of outline) {
    await db
      .update(planOutlinePriorities)
      .set({ otherLanguage: welshOf(o, ['title', 'summary']) })
      .where(eq(planOutlinePriorities.id, o.id));
    for (const a of await db.select().from(planOutlineActions).where(eq(planOutlineActions.outlinePriorityId, o.id)))
      await db
        .update(planOutlineActions)
        .set({ otherLanguage: welshOf(a, ['description']) })
        .where(eq(planOutlineActions.id, a.id));
  }
  // Progress reviews and requests for support have no other-language version yet (their tables
  // have no column for one): here the school wrote these two in Welsh in the first place.
  await db
    .update(progressReviews)
    .set({
      language: 'cy',
      comment:
        "Mae'r clwb boreol yn rhedeg dri diwrnod yr wythnos a gostyngodd absenoldeb parhaus i 12.9%, ond nid yw dau deulu wedi derbyn cynllun eto.",
    })
    .where(and(inArray(progressReviews.priorityId, ids), eq(progressReviews.language, 'en')));
  await db
    .update(supportRequests)
    .set({ language: 'cy', need: 'Swyddog presenoldeb a chlwb arferion boreol i deuluoedd a nodwyd' })
    .where(and(inArray(supportRequests.priorityId, ids), eq(supportRequests.language, 'en')));
}

/**
 * A governor who reads Welsh opens the school's documents in Welsh and downloads the plan's
 * summary: everything in it is in Welsh, the English the school wrote replaced by the Welsh
 * versions written beside it, and every passage is tagged Welsh for her screen reader.
 */
journeyTest(
  'a Welsh-reading governor downloads the SDP summary and reads it all in Welsh',
  { timeout: 120_000 },
  async ({ journey }) => {
    const db = journey.server.db;
    await loadDemoData(db, systemClock.now());
    await addWelshVersions(db);
    const account = DEMO_ACCOUNTS.find((a) => a.email === 'governor@demo.cydwella.cymru')!;

    const governor = await journey.arrive('cy');
    await governor.visit(`/schools/${DEMO_SCHOOL}/outputs`);
    await new SignInPage(governor).signIn(account.email, DEMO_PASSWORD);
    expect(governor.path()).toBe(`/schools/${DEMO_SCHOOL}/outputs`);
    const outputs = new OutputsPage(governor);
    await outputs.expectShown();
    // The links read in Welsh: no "PDF English" in the Welsh interface.
    const links = await governor.page.getByRole('main').getByRole('link').allInnerTexts();
    expect(links.some((l) => l.startsWith(governor.t('pages.outputs.formats.pdf.en')))).toBe(true);
    expect(links.join(' ')).not.toMatch(/PDF English|Word English/);

    const pdf = await outputs.download('sdp_summary', 'pdf', 'cy');
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.fileName).toBe(`${DEMO_SCHOOL}-sdp-summary-cy.pdf`);
    const { lang, passages } = await pdfLanguages(pdf.body);
    expect(lang).toBe('cy-GB');
    const text = passages.map((p) => p.text).join(' ');
    expect(text).toContain(governor.t('outputs.titles.sdp_summary'));
    expect(text).toContain('Lleihau absenoldeb parhaus ym Mlynyddoedd 3 i 6 i lai na 10%');
    expect(text).toContain('Clwb arferion boreol i deuluoedd a nodwyd');
    // All of it in Welsh: nothing tagged English, nothing marked as written in English.
    expect(passages.filter((p) => p.lang !== 'cy-GB')).toEqual([]);
    expect(text).not.toContain(governor.t('common.writtenIn.en'));
    for (const english of Object.keys(WELSH)) expect(text).not.toContain(english);

    // The bilingual edition: the same Welsh first, then the English as the school wrote it.
    const both = await outputs.download('sdp_summary', 'pdf', 'bilingual');
    expect(both.fileName).toBe(`${DEMO_SCHOOL}-sdp-summary-cy-en.pdf`);
    const bilingual = (await pdfLanguages(both.body)).passages;
    const at = (t: string) => bilingual.findIndex((p) => p.text.includes(t));
    expect(at('Lleihau absenoldeb parhaus')).toBeGreaterThanOrEqual(0);
    expect(at('Reduce persistent absence in Years 3 to 6')).toBeGreaterThan(at('Lleihau absenoldeb parhaus'));
    expect(bilingual[at('Reduce persistent absence in Years 3 to 6')]!.lang).toBe('en-GB');
  },
);
