import * as XLSX from '@e965/xlsx';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  developmentPlans,
  findings,
  laPlanAnswers,
  planTemplateSections,
  priorities,
  successCriteria,
} from '../../db/schema/index.ts';
import { settableClock } from '../../lib/clock.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildUser, sessionCookie } from '../../../test/support/factories.ts';
import { pageText } from '../../../test/support/http.ts';
import { buildLaPlan, buildRound } from '../../../test/support/la-factories.ts';
import { pdfLanguages, type TaggedPassage } from '../../../test/support/pdf-languages.ts';
import { outputItemId } from '../../sharing/share-repository.ts';
import { buildAction, buildCriteria, buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';

// Issue 16 part 3: each document in Welsh or English from the texts in that language, what has no
// version in it shown as written and marked, a bilingual edition, and every passage's language
// carried in the PDF (tagged) and in Word (w:lang on each run).
const clock = settableClock('2026-12-07T10:00:00Z');
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;

async function get(user: { id: string }, url: string) {
  const cookie = await sessionCookie(t.database.db, user.id, clock.now());
  return t.app.inject({ url, headers: { cookie } });
}
const outputs = (path: string) => `/schools/${school.number}/outputs/${path}`;

/** The passages whose text contains `text`. */
const find = (passages: TaggedPassage[], text: string) => passages.filter((p) => p.text.includes(text));
/** The language every passage containing `text` is tagged with (there must be some, all alike). */
const langOf = (passages: TaggedPassage[], text: string) => {
  const langs = [...new Set(find(passages, text).map((p) => p.lang))];
  expect(langs, text).toHaveLength(1);
  return langs[0];
};
const only = (passages: TaggedPassage[], text: string) => {
  const found = find(passages, text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

function documentXml(buffer: Buffer): string {
  const zip = XLSX.CFB.read(buffer, { type: 'buffer' });
  const entry = zip.FileIndex[zip.FullPaths.findIndex((path: string) => path.endsWith('/word/document.xml'))];
  return Buffer.from(entry!.content as Uint8Array).toString('utf8');
}
/** Each Word run's text and the language it is marked with (w:lang). */
const wordRuns = (xml: string) =>
  [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => ({
    lang: /<w:lang w:val="([^"]+)"/.exec(m[1]!)?.[1] ?? '',
    text: [...m[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((x) => x[1])
      .join('')
      .replace(/&apos;/g, "'"),
  }));

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  school = await buildSchool(db, { name: 'Ysgol y Ddwy Iaith' });
  people = await buildSchoolPeople(db, school);
  const cycle = await buildCycle(db, school.number, 2026);
  await db
    .insert(developmentPlans)
    .values({ schoolNumber: school.number, firstYear: 2026, summary: 'Our plan for reading.' });
  // Written in English, with a Welsh version of its title and of one criterion, none of its measure.
  const reading = await buildPriority(db, cycle, {
    title: 'Improve reading for eFSM learners',
    language: 'en',
    learners: 'eFSM learners in Years 3 to 6',
    successMeasure: 'Reading ages rise by six months',
    otherLanguage: { title: 'Gwella darllen dysgwyr eFSM', learners: 'Dysgwyr eFSM ym Mlynyddoedd 3 i 6' },
  });
  await buildCriteria(db, reading.id, ['85% read fluently by the summer', 'Every learner reads at home']);
  await db
    .update(successCriteria)
    .set({ otherLanguage: { text: 'Mae 85% yn darllen yn rhugl erbyn yr haf' } })
    .where(eq(successCriteria.text, '85% read fluently by the summer'));
  await buildAction(db, reading.id, {
    description: 'Train staff in guided reading',
    otherLanguage: { description: 'Hyfforddi staff mewn darllen dan arweiniad' },
  });
  // Written in Welsh, with no English version of anything.
  await buildPriority(db, cycle, {
    title: 'Gwella presenoldeb',
    language: 'cy',
    learners: 'Dysgwyr Blwyddyn 5',
    successMeasure: 'Presenoldeb dros 95%',
  });
  await db.insert(findings).values({
    cycleId: cycle.id,
    schoolNumber: school.number,
    kind: 'strength',
    title: 'Strong relationships with families',
    language: 'en',
    otherLanguage: { title: "Perthynas gref â'r teuluoedd" },
  });
  await share(db, school.number, 'output', outputItemId(school.number, 'sdp_summary'), 'governors');
  expect((await db.select().from(priorities).where(eq(priorities.cycleId, cycle.id))).length).toBe(2);
});
afterAll(() => t.close());

describe('school documents in each language', () => {
  it('builds the Welsh SDP summary from the Welsh versions, and marks and tags what has none', async () => {
    const res = await get(people.headteacher, outputs('sdp-summary.pdf?language=cy'));
    expect(res.statusCode).toBe(200);
    const { lang, passages } = await pdfLanguages(res.rawPayload);
    expect(lang).toBe('cy-GB');
    const all = passages.map((p) => p.text).join(' ');
    // The Welsh versions, not the English originals they translate.
    expect(langOf(passages, 'Gwella darllen dysgwyr eFSM')).toBe('cy-GB');
    expect(only(passages, 'Dysgwyr eFSM ym Mlynyddoedd 3 i 6').lang).toBe('cy-GB');
    expect(only(passages, 'Mae 85% yn darllen yn rhugl').lang).toBe('cy-GB');
    expect(only(passages, 'Hyfforddi staff mewn darllen dan arweiniad').lang).toBe('cy-GB');
    expect(all).not.toContain('Improve reading for eFSM learners');
    expect(all).not.toContain('Train staff in guided reading');
    // No Welsh version: the English as written, tagged English, then a Welsh note saying so.
    const measure = only(passages, 'Reading ages rise by six months');
    expect(measure.lang).toBe('en-GB');
    expect(passages[passages.indexOf(measure) + 1]).toEqual(
      expect.objectContaining({ text: "(wedi'i ysgrifennu yn Saesneg)", lang: 'cy-GB' }),
    );
    expect(only(passages, 'Every learner reads at home').lang).toBe('en-GB');
    // What was written in Welsh stays Welsh and unmarked in the Welsh document.
    expect(langOf(passages, 'Gwella presenoldeb')).toBe('cy-GB');
    expect(all).not.toContain("Gwella presenoldeb (wedi'i ysgrifennu");
    // The interface text is Welsh, tagged as the document's language.
    expect(find(passages, 'Ar gyfer pwy')[0]!.lang).toBe('cy-GB');
  });

  it('builds the English one the other way round: Welsh with no English version marked "written in Welsh"', async () => {
    const { lang, passages } = await pdfLanguages(
      (await get(people.headteacher, outputs('sdp-summary.pdf?language=en'))).rawPayload,
    );
    expect(lang).toBe('en-GB');
    expect(langOf(passages, 'Improve reading for eFSM learners')).toBe('en-GB');
    const welsh = find(passages, 'Presenoldeb dros 95%')[0]!;
    expect(welsh.lang).toBe('cy-GB');
    expect(passages[passages.indexOf(welsh) + 1]).toEqual(
      expect.objectContaining({ text: '(written in Welsh)', lang: 'en-GB' }),
    );
    expect(passages.map((p) => p.text).join(' ')).not.toContain('Hyfforddi staff');
  });

  it('uses the other-language versions in the self-evaluation summary too', async () => {
    const { passages } = await pdfLanguages(
      (await get(people.headteacher, outputs('self-evaluation.pdf?language=cy'))).rawPayload,
    );
    expect(only(passages, "Perthynas gref â'r teuluoedd").lang).toBe('cy-GB');
    expect(passages.map((p) => p.text).join(' ')).not.toContain('Strong relationships');
  });

  it('marks every Word run with its language', async () => {
    const res = await get(people.headteacher, outputs('sdp-summary.docx?language=cy'));
    expect(res.statusCode).toBe(200);
    const runs = wordRuns(documentXml(res.rawPayload));
    const run = (text: string) => runs.find((r) => r.text.includes(text));
    expect(run('Gwella darllen dysgwyr eFSM')?.lang).toBe('cy-GB');
    expect(run('Reading ages rise by six months')?.lang).toBe('en-GB');
    expect(run("(wedi'i ysgrifennu yn Saesneg)")?.lang).toBe('cy-GB');
    expect(run('Ar gyfer pwy')?.lang).toBe('cy-GB');
    expect(runs.filter((r) => r.text && !r.lang)).toEqual([]);
    expect(runs.map((r) => r.text).join(' ')).not.toContain('Improve reading');
  });

  it('offers a bilingual edition: the Welsh document, then the English one, each passage tagged', async () => {
    const res = await get(people.governor, outputs('sdp-summary.pdf?language=bilingual'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`${school.number}-sdp-summary-cy-en.pdf`);
    const { lang, passages } = await pdfLanguages(res.rawPayload);
    expect(lang).toBe('cy-GB');
    const at = (text: string) => passages.findIndex((p) => p.text === text);
    const cyTitle = at('Cynllun datblygu ysgol: crynodeb');
    const enTitle = at('School development plan: summary');
    expect(cyTitle).toBeGreaterThanOrEqual(0);
    expect(enTitle).toBeGreaterThan(cyTitle);
    expect(passages[enTitle]!.lang).toBe('en-GB');
    const welshPart = passages.slice(0, enTitle);
    const englishPart = passages.slice(enTitle);
    expect(langOf(welshPart, 'Gwella darllen dysgwyr eFSM')).toBe('cy-GB');
    expect(langOf(englishPart, 'Improve reading for eFSM learners')).toBe('en-GB');
    expect(find(englishPart, 'Presenoldeb dros 95%')[0]!.lang).toBe('cy-GB');
    expect(find(englishPart, 'How we will know it has worked')[0]!.lang).toBe('en-GB');
    const word = await get(people.governor, outputs('sdp-summary.docx?language=bilingual'));
    const xml = documentXml(word.rawPayload);
    // Two Word sections, each starting on a new page, Welsh first.
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);
    const runs = wordRuns(xml).map((r) => r.text);
    expect(runs.indexOf('Cynllun datblygu ysgol: crynodeb')).toBeLessThan(
      runs.indexOf('School development plan: summary'),
    );
  });

  it("labels the downloads in the reader's language, and refuses a language it does not know", async () => {
    const cy = pageText((await get(people.headteacher, `/schools/${school.number}/outputs?lang=cy`)).body);
    expect(cy).toContain('PDF yn Saesneg');
    expect(cy).toContain('PDF dwyieithog (Cymraeg a Saesneg)');
    expect(cy).toContain('Dogfen Word yn Gymraeg');
    expect(cy).not.toContain('PDF English');
    const en = pageText((await get(people.headteacher, `/schools/${school.number}/outputs?lang=en`)).body);
    expect(en).toContain('PDF in Welsh');
    expect(en).toContain('Bilingual Word document (Welsh and English)');
    const bad = await get(people.headteacher, outputs('sdp-summary.pdf?language=fr'));
    expect(bad.statusCode).toBe(400);
  });

  it('shows the page with each passage in its language and the note beside what has no version', async () => {
    const res = await get(people.headteacher, `${outputs('sdp-summary')}?lang=cy`);
    expect(res.body).toContain('<span lang="cy">Gwella darllen dysgwyr eFSM</span>');
    expect(res.body).toContain(
      '<span lang="en">Reading ages rise by six months</span><span class="app-written-in"> (wedi&#39;i ysgrifennu yn Saesneg)</span>',
    );
  });
});

describe('the LA plan in each language', () => {
  it('exports the answers in Welsh where the LA wrote them in Welsh, marks the rest, and bilingual', async () => {
    const db = t.database.db;
    const round = await buildRound(db);
    const plan = await buildLaPlan(db, { roundId: round.id, laCode: '681', state: 'submitted' });
    const [start, equity] = await db
      .insert(planTemplateSections)
      .values([
        { roundId: round.id, position: 1, titleEn: 'Our starting point', titleCy: 'Ein man cychwyn' },
        { roundId: round.id, position: 2, titleEn: 'Equity', titleCy: 'Tegwch' },
      ])
      .returning();
    await db.insert(laPlanAnswers).values([
      {
        planId: plan.id,
        sectionId: start!.id,
        body: 'We start from twelve clusters.\n\nOur schools already work in pairs.',
        language: 'en',
        otherLanguage: {
          body: 'Rydym yn dechrau o ddeuddeg clwstwr.\n\nMae ein hysgolion eisoes yn gweithio mewn parau.',
        },
      },
      { planId: plan.id, sectionId: equity!.id, body: 'Every learner matters.', language: 'en' },
    ]);
    const officer = await buildUser(db, { role: 'la_officer', scopeId: '681' });
    const cy = await get(officer, `/plans/${plan.id}/plan.pdf?language=cy`);
    expect(cy.statusCode).toBe(200);
    const { lang, passages } = await pdfLanguages(cy.rawPayload);
    expect(lang).toBe('cy-GB');
    expect(only(passages, 'Rydym yn dechrau o ddeuddeg clwstwr.').lang).toBe('cy-GB');
    expect(only(passages, 'Mae ein hysgolion eisoes yn gweithio mewn parau.').lang).toBe('cy-GB');
    expect(passages.map((p) => p.text).join(' ')).not.toContain('twelve clusters');
    const missing = only(passages, 'Every learner matters.');
    expect(missing.lang).toBe('en-GB');
    // The note comes before the answer it describes, in the document's language.
    expect(passages[passages.indexOf(missing) - 1]).toEqual(
      expect.objectContaining({ text: "(wedi'i ysgrifennu yn Saesneg)", lang: 'cy-GB' }),
    );

    const both = await get(officer, `/plans/${plan.id}/plan.pdf?language=bilingual`);
    expect(both.headers['content-disposition']).toContain('caerdydd-cynllun-cy-en.pdf');
    const bilingual = (await pdfLanguages(both.rawPayload)).passages;
    const english = bilingual.findIndex((p) => p.text === 'Local authority plan');
    expect(bilingual.findIndex((p) => p.text === 'Cynllun awdurdod lleol')).toBeLessThan(english);
    expect(only(bilingual.slice(0, english), 'Rydym yn dechrau').lang).toBe('cy-GB');
    expect(only(bilingual.slice(english), 'We start from twelve clusters.').lang).toBe('en-GB');
    expect(find(bilingual.slice(english), 'Our starting point')[0]!.lang).toBe('en-GB');

    const word = await get(officer, `/plans/${plan.id}/plan.docx?language=cy`);
    const runs = wordRuns(documentXml(word.rawPayload));
    expect(runs.find((r) => r.text.includes('Rydym yn dechrau'))?.lang).toBe('cy-GB');
    expect(runs.find((r) => r.text.includes('Every learner matters.'))?.lang).toBe('en-GB');
    expect((await get(officer, `/plans/${plan.id}/plan.pdf?language=xx`)).statusCode).toBe(400);
  });
});
