import * as XLSX from '@e965/xlsx';
import { eq } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentPlans, planRevisions, supportAgreements, supportRequests, users } from '../../db/schema/index.ts';
import { settableClock } from '../../lib/clock.ts';
import { outputItemId } from '../../sharing/share-repository.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { sessionCookie } from '../../../test/support/factories.ts';
import { buildAction, buildCriteria, buildCycle, buildPriority, share } from '../../../test/support/plan-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';

// The SDP summary, the governors' report and the plan as a spreadsheet, opened and read back in both languages.
const clock = settableClock('2026-12-07T10:00:00Z');
let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
const SCHOOL_NAME = 'Ysgol Gynradd Maes-y-Wên';

async function get(user: { id: string }, url: string) {
  const cookie = await sessionCookie(t.database.db, user.id, clock.now());
  return t.app.inject({ url: `/schools/${school.number}/outputs${url && `/${url}`}`, headers: { cookie } });
}

/** Each page's text, words joined by single spaces (table cells wrap across lines). */
async function pdfPages(buffer: Buffer): Promise<string[]> {
  const result = await new PDFParse({ data: buffer }).getText();
  return result.pages.map((p) => p.text.replace(/\s+/g, ' '));
}

/** Lines of text a page holds besides its running header and footer. */
async function pdfBodyLines(buffer: Buffer): Promise<number[]> {
  const result = await new PDFParse({ data: buffer }).getText();
  return result.pages.map((p) => p.text.split('\n').filter((line) => line.trim()).length - 2);
}

function zipEntry(buffer: Buffer, name: string): string {
  const zip = XLSX.CFB.read(buffer, { type: 'buffer' });
  const entry = zip.FileIndex[zip.FullPaths.findIndex((path: string) => path.endsWith(`/${name}`))];
  if (!entry) throw new Error(`${name} is missing`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}
const xmlText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  school = await buildSchool(db, { name: SCHOOL_NAME });
  people = await buildSchoolPeople(db, school);
  const supporter = await buildSchool(db, { name: 'Ysgol Gefnogol' });
  await db.update(users).set({ displayName: 'Siân Prydderch' }).where(eq(users.id, people.leader.id));
  const cycle = await buildCycle(db, school.number, 2026);
  const [plan] = await db
    .insert(developmentPlans)
    .values({ schoolNumber: school.number, firstYear: 2026, summary: 'Our plan for reading and attendance.' })
    .returning();
  await db.insert(planRevisions).values({
    planId: plan!.id,
    number: 2,
    academicYear: 2026,
    snapshot: {},
    createdAt: new Date('2026-10-01T09:00:00Z'),
    approvedBy: people.headteacher.id,
    approvedAt: new Date('2026-10-15T18:00:00Z'),
  });
  const reading = await buildPriority(db, cycle, {
    title: 'Gwella darllen dysgwyr eFSM',
    language: 'cy',
    learners: 'Dysgwyr eFSM ym Mlynyddoedd 3 i 6',
    successMeasure: 'Oedran darllen yn codi chwe mis',
  });
  await buildCriteria(db, reading.id, [
    'Mae 85% yn darllen yn rhugl erbyn yr haf',
    'Mae pob dysgwr yn darllen gartref',
  ]);
  await buildAction(db, reading.id, {
    description: 'Hyfforddi staff mewn darllen dan arweiniad',
    ownerUserId: people.leader.id,
    startOn: '2026-09-05',
    dueOn: '2026-11-30',
    status: 'in_progress',
    costPence: 125050,
    supportFrom: 'la',
    supportDetail: 'Ymgynghorydd llythrennedd yr awdurdod lleol',
    language: 'cy',
  });
  await buildAction(db, reading.id, {
    description: 'Buy levelled readers',
    owner: 'Literacy lead',
    startOn: '2026-09-01',
    dueOn: '2026-10-01',
    status: 'done',
    costPence: 40000,
  });
  await buildAction(db, reading.id, { description: 'Reading cafés for families', dueOn: '2027-03-31' });
  const [matched] = await db
    .insert(supportRequests)
    .values([
      {
        schoolNumber: school.number,
        priorityId: reading.id,
        need: 'Modelled guided reading lessons',
        status: 'matched',
      },
      { schoolNumber: school.number, priorityId: reading.id, need: 'Help assessing reading ages', status: 'open' },
    ])
    .returning();
  await db.insert(supportAgreements).values({
    requestId: matched!.id,
    supportingSchoolNumber: supporter.number,
    what: 'Two days of modelled reading lessons',
    days: '2.0',
    costPence: 30000,
    startsOn: '2027-01-10',
    endsOn: '2027-01-20',
  });
  // A long priority: enough actions that the documents run over several pages.
  const attendance = await buildPriority(db, cycle, {
    title: 'Reduce persistent absence',
    nifTheme: 'wellbeing_equity',
  });
  for (let i = 1; i <= 24; i++)
    await buildAction(db, attendance.id, {
      description: `Attendance step ${i}: a named contact and a plan agreed with each family that needs one`,
      owner: 'Attendance lead',
      startOn: '2026-09-01',
      dueOn: `2027-0${1 + (i % 6)}-15`,
      status: i % 3 === 0 ? 'done' : 'not_started',
      costPence: 1000,
    });
  await share(db, school.number, 'output', outputItemId(school.number, 'sdp_summary'), 'governors');
});
afterAll(() => t.close());

describe('the SDP summary', () => {
  it('shows, per priority, who it is for, how we will know, leads, dated actions with progress, support and costs (English PDF)', async () => {
    const res = await get(people.headteacher, 'sdp-summary.pdf?language=en');
    expect(res.statusCode).toBe(200);
    const pages = await pdfPages(res.rawPayload);
    const text = pages.join(' ');
    for (const expected of [
      'Dysgwyr eFSM ym Mlynyddoedd 3 i 6',
      'Oedran darllen yn codi chwe mis',
      'Success criteria',
      'Mae 85% yn darllen yn rhugl erbyn yr haf',
      'Siân Prydderch', // the lead's name from their account
      'Literacy lead', // a lead typed in
      '5 Sept 2026',
      '30 Nov 2026',
      'In progress, overdue',
      '£1,250.50',
      '£1,650.50', // the priority's total
      '£1,890.50', // the plan's total (1,650.50 + 24 × 10.00)
      'Ymgynghorydd llythrennedd yr awdurdod lleol',
      'Modelled guided reading lessons',
      'Ysgol Gefnogol: Two days of modelled reading lessons',
      'Help assessing reading ages',
      'Waiting for a match',
      'Revision 2, saved on 1 October 2026',
      'The governing body approved this plan on 15 October 2026',
    ])
      expect(text).toContain(expected);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`${SCHOOL_NAME} · 7 December 2026`);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('is in Welsh, with the document language set, and no nearly empty last page (Welsh PDF)', async () => {
    const res = await get(people.headteacher, 'sdp-summary.pdf?language=cy');
    const pages = await pdfPages(res.rawPayload);
    const text = pages.join(' ');
    expect(text).toContain('Meini prawf llwyddiant');
    expect(text).toContain("Pwy sy'n arwain");
    expect(text).toContain('Ar waith, yn hwyr');
    expect(text).toContain('Drwy frocera');
    expect(text).toContain('Cyfanswm cost y cynllun £1,890.50');
    expect(text).toContain('Fersiwn 2');
    pages.forEach((page, i) => {
      expect(page).toContain(`${SCHOOL_NAME} · 7 Rhagfyr 2026`);
      expect(page).toContain(`Tudalen ${i + 1} o ${pages.length}`);
    });
    expect(res.rawPayload.toString('latin1')).toContain('/Lang (cy-GB)');
    const lines = await pdfBodyLines(res.rawPayload);
    expect(lines.at(-1)).toBeGreaterThan(5);
  });

  it('is a Word document in either language, with the language, school and date on every page', async () => {
    for (const [lang, code, pageWord, approved] of [
      ['en', 'en-GB', 'Page ', 'The governing body approved this plan on 15 October 2026'],
      ['cy', 'cy-GB', 'Tudalen ', "Cymeradwyodd y corff llywodraethu'r cynllun hwn ar 15 Hydref 2026"],
    ] as const) {
      const res = await get(people.headteacher, `sdp-summary.docx?language=${lang}`);
      expect(res.headers['content-disposition']).toContain(`${school.number}-sdp-summary-${lang}.docx`);
      const body = zipEntry(res.rawPayload, 'word/document.xml');
      const text = xmlText(body);
      const pdf = await get(people.headteacher, `sdp-summary.pdf?language=${lang}`);
      expect(pdf.rawPayload.toString('latin1')).toContain(`/Lang (${code})`);
      expect(text).toContain(approved);
      expect(text).toContain('Siân Prydderch');
      expect(text).toContain('Ysgol Gefnogol: Two days of modelled reading lessons');
      expect(body).toContain(`<w:lang w:val="${code}"/>`);
      expect(zipEntry(res.rawPayload, 'word/styles.xml')).toContain(`w:val="${code}"`);
      const header = xmlText(zipEntry(res.rawPayload, 'word/header1.xml'));
      expect(header).toContain(`${SCHOOL_NAME}  ·  ${lang === 'cy' ? '7 Rhagfyr 2026' : '7 December 2026'}`);
      const footer = zipEntry(res.rawPayload, 'word/footer1.xml');
      expect(xmlText(footer)).toContain(pageWord);
      expect(footer).toContain('NUMPAGES');
    }
  });
});

describe("the governors' report on progress", () => {
  it('counts actions, lists what is overdue, and shows spending and support received, in English', async () => {
    const res = await get(people.headteacher, 'governors-report.pdf?language=en');
    const text = (await pdfPages(res.rawPayload)).join(' ');
    expect(text).toContain('Report to governors on progress');
    expect(text).toContain('1 done, 1 in progress and 1 not started, out of 3');
    expect(text).toContain('Hyfforddi staff mewn darllen dan arweiniad (Siân Prydderch, due 30 November 2026)');
    expect(text).not.toContain('Buy levelled readers (Literacy lead'); // done: not overdue
    expect(text).toContain('Spent (actions done) £400.00');
    expect(text).toContain('Committed (actions in progress or not started) £1,250.50');
    expect(text).toContain('From the local authority: Ymgynghorydd llythrennedd yr awdurdod lleol');
    expect(text).toContain('Ysgol Gefnogol: Two days of modelled reading lessons');
    expect(text).toContain('8 done, 0 in progress and 16 not started, out of 24');
  });

  it('is in Welsh as a PDF and a Word document', async () => {
    const pdf = (await pdfPages((await get(people.headteacher, 'governors-report.pdf?language=cy')).rawPayload)).join(
      ' ',
    );
    expect(pdf).toContain("Adroddiad i'r llywodraethwyr ar gynnydd");
    expect(pdf).toContain("1 wedi'u gwneud, 1 ar waith a 1 heb ddechrau, allan o 3");
    expect(pdf).toContain("Wedi'i wario (camau gweithredu wedi'u gwneud) £400.00");
    const docx = await get(people.headteacher, 'governors-report.docx?language=cy');
    const body = zipEntry(docx.rawPayload, 'word/document.xml');
    expect(xmlText(body)).toContain('Camau gweithredu sy');
    expect(xmlText(body)).toContain('erbyn 30 Tachwedd 2026');
    expect(body).toContain('<w:lang w:val="cy-GB"/>');
  });

  it('reads as a page, with its downloads', async () => {
    const page = (await get(people.headteacher, 'governors-report?lang=cy')).body;
    expect(page).toContain('<h3 class="govuk-heading-s govuk-!-margin-bottom-1">Camau gweithredu sy&#39;n hwyr</h3>');
    expect(page).toContain(`/schools/${school.number}/outputs/governors-report.docx?language=cy`);
    expect(page).not.toContain('governors-report.xlsx');
    const sdp = (await get(people.headteacher, 'sdp-summary?lang=en')).body;
    expect(sdp).toContain(`/schools/${school.number}/outputs/sdp-summary.xlsx?language=en`);
  });

  it('is not shown to governors until the school shares it', async () => {
    expect((await get(people.governor, 'governors-report.pdf')).statusCode).toBe(404);
    expect((await get(people.governor, 'sdp-summary.pdf')).statusCode).toBe(200);
    await share(t.database.db, school.number, 'output', outputItemId(school.number, 'governors_report'), 'governors');
    expect((await get(people.governor, 'governors-report.docx?language=cy')).statusCode).toBe(200);
  });
});

describe('the plan as a spreadsheet', () => {
  it('has a sheet of priorities, actions and support with translated headers, real dates and money as numbers', async () => {
    const res = await get(people.headteacher, 'sdp-summary.xlsx?language=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`${school.number}-sdp-summary-en.xlsx`);
    const book = XLSX.read(res.rawPayload, { type: 'buffer', cellDates: true, cellNF: true });
    expect(book.SheetNames).toEqual(['Priorities', 'Actions', 'Support']);
    const priorities = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Priorities!);
    expect(priorities[0]).toMatchObject({
      Number: 1,
      Priority: 'Gwella darllen dysgwyr eFSM',
      'Who it is for': 'Dysgwyr eFSM ym Mlynyddoedd 3 i 6',
      'Cost (£)': 1650.5,
    });
    expect(priorities[0]!['Success criteria']).toContain('Mae pob dysgwr yn darllen gartref');
    // Actions come in order of their due date: the training (due 30 November) is the second row of data.
    const actions = book.Sheets.Actions!;
    expect(actions.A1!.v).toBe('Number');
    expect(actions.C2!.v).toBe('Buy levelled readers');
    expect(actions.C3!.v).toBe('Hyfforddi staff mewn darllen dan arweiniad');
    expect(actions.D3!.v).toBe('Siân Prydderch');
    expect(actions.E3!.t).toBe('d');
    expect((actions.F3!.v as Date).toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(actions.H3!.v).toBe('Yes'); // overdue
    expect(actions.H2!.v).toBe(''); // done, so not overdue
    expect(actions.I3!.t).toBe('n');
    expect(actions.I3!.v).toBe(1250.5);
    expect(actions.I3!.z).toContain('£');
    expect(actions.J3!.v).toBe('From the local authority');
    const support = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Support!);
    expect(support).toHaveLength(2);
    expect(support[0]).toMatchObject({ 'Supporting school': 'Ysgol Gefnogol', Days: 2, 'Cost (£)': 300 });
    expect(support[1]).toMatchObject({ 'Support asked for': 'Help assessing reading ages' });
  });

  it('is in Welsh when asked', async () => {
    const res = await get(people.headteacher, 'sdp-summary.xlsx?language=cy');
    const book = XLSX.read(res.rawPayload, { type: 'buffer', cellDates: true, cellNF: true });
    expect(book.SheetNames).toEqual(['Blaenoriaethau', 'Camau gweithredu', 'Cymorth']);
    const actions = book.Sheets['Camau gweithredu']!;
    expect(actions.C1!.v).toBe('Cam gweithredu');
    expect(actions.G3!.v).toBe('Ar waith');
    expect(actions.H3!.v).toBe('Ydy');
  });

  it('is offered beside the SDP downloads, with the same access as the plan document', async () => {
    const list = (await get(people.headteacher, '')).body;
    expect(list).toContain(`/schools/${school.number}/outputs/sdp-summary.xlsx?language=cy`);
    expect(list).not.toContain('self-evaluation.xlsx');
    expect((await get(people.headteacher, 'self-evaluation.xlsx')).statusCode).toBe(404);
    expect((await get(people.governor, 'sdp-summary.xlsx')).statusCode).toBe(200);
    expect((await get(people.laOfficer, 'sdp-summary.xlsx')).statusCode).toBe(404); // not shared with the LA
    expect((await get(people.otherHeadteacher, 'sdp-summary.xlsx')).statusCode).toBe(404);
    expect((await get(people.otherGovernor, 'sdp-summary.pdf')).statusCode).toBe(404);
  });
});

describe('page layout', () => {
  it('leaves no page nearly empty in a long plan, in either language', async () => {
    for (const url of ['sdp-summary.pdf?language=en', 'governors-report.pdf?language=cy']) {
      const lines = await pdfBodyLines((await get(people.headteacher, url)).rawPayload);
      expect(lines.length).toBeGreaterThan(1);
      for (const n of lines) expect(n).toBeGreaterThan(5);
    }
  });
});
