// Issue 16, part 4: searching evidence, good practice and the directory finds Welsh words in their
// mutated forms and without their accents, in either interface language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStudies } from '../src/db/schema/index.ts';
import { searchTextOf } from '../src/features/good-practice/case-study-service.ts';
import { buildUser, sessionCookie } from './support/factories.ts';
import { buildCycle, buildEvidence } from './support/evidence-factories.ts';
import { pageText, Visitor } from './support/http.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from './support/school-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let reader: Visitor;
const LANGS = ['en', 'cy'] as const;

/** The link texts of a page whose links start with `prefix`, in order. */
const linkTexts = (html: string, prefix: string) =>
  [...html.matchAll(new RegExp(`<a class="govuk-link[^"]*" href="${prefix}[^"]*"[^>]*>([^<]+)</a>`, 'g'))].map((m) =>
    pageText(m[1]!).trim(),
  );
async function titles(visitor: Visitor, url: string, prefix: string) {
  const response = await visitor.get(url);
  expect(response.statusCode, url).toBe(200);
  return linkTexts(response.body, prefix);
}

// Unique to this file, so other files' rows in a shared database never match.
const MARK = 'Pwllgwyngyll';
const EVIDENCE = {
  soft: 'Siarad yn Gymraeg yn y dosbarth',
  nasal: 'Fy Nghymraeg i: llais y dysgwr',
  radical: 'Clwb Cymraeg amser cinio',
  aspirate: 'Gemau gyda phlant y dosbarth derbyn',
  plant: 'Plant yn arwain gwasanaeth',
  accents: 'Gŵyl Ddewi a’r eisteddfod',
  english: 'Reading with parents',
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db);
  people = await buildSchoolPeople(db, school);
  const cycle = await buildCycle(db, school.number);
  await buildEvidence(
    db,
    school.number,
    cycle.id,
    Object.values(EVIDENCE).map((title, i) => ({ title, body: `Nodyn ${i}`, observedOn: `2026-10-${10 + i}` })),
  );
  await buildEvidence(db, school.number, cycle.id, [
    { title: 'Ffair haf', body: 'Roedd y plant yn gwerthu bara a chacennau.', observedOn: '2026-10-01' },
    { title: 'Sioe Nadolig', body: 'Paratoi at y sioe gyda’r teuluoedd.', observedOn: '2026-09-30' },
  ]);
  // Published case studies, search text built as the service builds it.
  const studies = [
    { title: `${MARK}: dysgu yn Gymraeg`, summary: 'Gwersi awyr agored.' },
    { title: `${MARK}: rhieni a’u plant`, summary: 'Gweithdai i deuluoedd a’u phlant.' },
    { title: `${MARK}: Côr yr ysgol`, summary: 'Canu mewn gŵyl.' },
    { title: `${MARK}: times tables`, summary: 'Short daily practice.' },
  ];
  for (const s of studies)
    await db.insert(caseStudies).values({
      schoolNumber: school.number,
      ...s,
      status: 'published',
      publishedAt: new Date('2026-02-01T12:00:00Z'),
      searchText: searchTextOf({ ...s, whatWeDid: '', learners: '', impact: '' }, [school.name]),
    });
  await buildSchool(db, { laCode: '668', name: `Ysgol Gymraeg ${MARK}` });
  await buildSchool(db, { laCode: '681', name: `Ysgol ${MARK} Caerdydd` });
  await buildSchool(db, { laCode: '660', name: `Ysgol Gynradd ${MARK} Mônwen` });
  reader = new Visitor(t.app).withCookie(await sessionCookie(db, (await buildUser(db)).id));
});
afterAll(() => t.close());

describe.each(LANGS)('evidence search (%s interface)', (lang) => {
  const find = async (q: string) =>
    titles(
      new Visitor(t.app).withCookie(await sessionCookie(t.database.db, people.headteacher.id)),
      `/schools/${school.number}/evidence?q=${encodeURIComponent(q)}&lang=${lang}`,
      `/schools/${school.number}/evidence/`,
    );

  it('finds every form of "Cymraeg" whichever form is searched', async () => {
    const all = [EVIDENCE.soft, EVIDENCE.nasal, EVIDENCE.radical].sort();
    for (const q of ['Cymraeg', 'Gymraeg', 'Nghymraeg', 'CYMRAEG']) expect((await find(q)).sort(), q).toEqual(all);
  });

  it('finds "phlant" for "plant" and "plant" for "phlant", not words that merely contain the letters', async () => {
    expect((await find('plant')).sort()).toEqual([EVIDENCE.aspirate, 'Ffair haf', EVIDENCE.plant].sort());
    expect((await find('phlant')).sort()).toEqual([EVIDENCE.aspirate, 'Ffair haf', EVIDENCE.plant].sort());
    // "bara" could be a soft form of "para", but not of "paratoi": guessed forms match whole words only.
    expect(await find('bara')).toEqual(['Ffair haf']);
  });

  it('finds accented words without their accents and the other way round', async () => {
    expect(await find('gwyl ddewi')).toEqual([EVIDENCE.accents]);
    expect(await find('Gŵyl')).toEqual([EVIDENCE.accents]);
    expect(await find('dewi')).toEqual([EVIDENCE.accents]); // "Ddewi", the soft form
  });

  it('still needs every word, and finds nothing for a word no item holds in any form', async () => {
    expect(await find('Cymraeg clwb')).toEqual([EVIDENCE.radical]);
    expect(await find('Saesneg')).toEqual([]);
  });
});

describe.each(LANGS)('good-practice search (%s interface)', (lang) => {
  const find = async (q: string) =>
    (await titles(reader, `/good-practice?q=${encodeURIComponent(`${MARK} ${q}`)}&lang=${lang}`, '/good-practice/'))
      .map((title) => title.replace(`${MARK}: `, ''))
      .sort();

  it('finds "yn Gymraeg" for "Cymraeg", "phlant" for "plant", "gŵyl" for "gwyl"', async () => {
    expect(await find('Cymraeg')).toEqual(['dysgu yn Gymraeg']);
    expect(await find('Nghymraeg')).toEqual(['dysgu yn Gymraeg']);
    expect(await find('phlant')).toEqual(['rhieni a’u plant']);
    expect(await find('plant')).toEqual(['rhieni a’u plant']);
    expect(await find('gwyl')).toEqual(['Côr yr ysgol']);
    expect(await find('cor')).toEqual(['Côr yr ysgol']);
    expect(await find('Saesneg')).toEqual([]);
  });
});

describe.each(LANGS)('directory search (%s interface)', (lang) => {
  const find = async (q: string) =>
    (await titles(reader, `/schools?q=${encodeURIComponent(q)}&lang=${lang}`, '/schools/')).filter((name) =>
      name.includes(MARK),
    );

  it('finds "Ysgol Gymraeg" for "Cymraeg" and a Cardiff school for "Nghaerdydd"', async () => {
    expect(await find(`Cymraeg ${MARK}`)).toEqual([`Ysgol Gymraeg ${MARK}`]);
    expect(await find(`${MARK} Nghaerdydd`)).toEqual([`Ysgol ${MARK} Caerdydd`]);
    expect(await find(`${MARK} Gaerdydd`)).toEqual([`Ysgol ${MARK} Caerdydd`]);
  });

  it('finds a school by its accented name typed without accents', async () => {
    expect(await find(`${MARK} monwen`)).toEqual([`Ysgol Gynradd ${MARK} Mônwen`]);
    expect(await find(`${MARK} Fônwen`)).toEqual([`Ysgol Gynradd ${MARK} Mônwen`]);
  });

  it("matches a mutated form of a local authority's name (Sir Benfro for Penfro)", async () => {
    // LA 668 is Pembrokeshire, Sir Benfro in Welsh; the school's own name does not say so.
    expect(await find(`${MARK} Penfro`)).toEqual([`Ysgol Gymraeg ${MARK}`]);
  });
});

describe('choosing the evidence behind a finding', () => {
  it('narrows the list to every form of the word searched', async () => {
    const head = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, people.headteacher.id));
    const response = await head.post(`/schools/${school.number}/findings`, {
      intent: 'filter',
      kind: 'strength',
      title: 'Hyder yn y Gymraeg',
      body: '',
      nifTheme: 'curriculum_teaching',
      language: 'cy',
      q: 'Nghymraeg',
    });
    expect(response.statusCode).toBe(200);
    const text = pageText(response.body);
    for (const title of [EVIDENCE.soft, EVIDENCE.nasal, EVIDENCE.radical]) expect(text).toContain(title);
    expect(text).not.toContain(EVIDENCE.english);
    expect(text).not.toContain(EVIDENCE.plant);
  });
});
