import * as XLSX from '@e965/xlsx';
import { eq } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  developmentPlans,
  inspectionRecommendations,
  inspections,
  planActionCosts,
  planOutlineActions,
  planOutlinePriorities,
  planRevisions,
  progressReviews,
  recommendationPriorities,
  supportAgreements,
  supportRequests,
  users,
} from '../../db/schema/index.ts';
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
let planId: string;
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
    approvalMeeting: 'committee',
    approvalCommittee: 'Curriculum and Standards Committee',
    approvalMeetingOn: '2026-10-14',
    approvalMinute: '7.2',
    approvalResolution: 'Resolved that the school development plan be approved.',
  });
  planId = plan!.id;
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
  const training = await buildAction(db, reading.id, {
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
  const readers = await buildAction(db, reading.id, {
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
  await threeYearPlan(db, { cycle, reading, attendance, training, readers });
});

/**
 * What came with the three-year plan: cost lines by funding source, termly reviews, the outline of
 * years two and three, and Estyn's recommendations linked to priorities in the plan, to a draft of
 * this year nobody outside the school sees, and to last year's priorities (one shared with governors).
 */
async function threeYearPlan(
  db: TestApp['database']['db'],
  r: {
    cycle: { id: string; schoolNumber: string };
    reading: { id: string };
    attendance: { id: string };
    training: { id: string };
    readers: { id: string };
  },
) {
  // The training (£1,250.50) is part PDG, part school budget; the readers (£400) a named grant; the
  // 24 attendance steps (£240) have no split, so they count as not decided yet.
  await db.insert(planActionCosts).values([
    { actionId: r.training.id, line: 1, amountPence: 100000, source: 'pdg', grantName: '' },
    { actionId: r.training.id, line: 2, amountPence: 25050, source: 'school_budget', grantName: '' },
    {
      actionId: r.readers.id,
      line: 1,
      amountPence: 40000,
      source: 'other_grant',
      grantName: 'Ymddiriedolaeth Darllen',
    },
  ]);
  const review = { schoolNumber: school.number, priorityId: r.reading.id, createdBy: people.leader.id };
  await db.insert(progressReviews).values([
    { ...review, reviewedOn: '2026-07-10', rating: 'off_track', comment: 'Last year: not started' },
    { ...review, reviewedOn: '2026-10-20', rating: 'some_concerns', comment: 'Dechrau araf', language: 'cy' },
    { ...review, reviewedOn: '2026-12-01', rating: 'on_track', comment: 'Reading ages are rising' },
    { ...review, actionId: r.training.id, reviewedOn: '2026-11-02', rating: 'complete', comment: 'All staff trained' },
  ]);
  for (const [academicYear, title, actions] of [
    [
      2027,
      'Ysgrifennu estynedig',
      [
        ['spring', 'Hyfforddi staff mewn ysgrifennu'],
        ['autumn', 'Archwilio llyfrau'],
      ],
    ],
    [2028, 'Numeracy across the curriculum', [['year', 'Numeracy walks every half term']]],
  ] as const) {
    const [entry] = await db
      .insert(planOutlinePriorities)
      .values({
        planId,
        schoolNumber: school.number,
        academicYear,
        title,
        language: academicYear === 2027 ? 'cy' : 'en',
      })
      .returning();
    await db
      .insert(planOutlineActions)
      .values(
        actions.map(([term, description], position) => ({ outlinePriorityId: entry!.id, term, description, position })),
      );
  }
  const draft = await buildPriority(db, r.cycle, { title: 'A draft only the school sees', state: 'draft' });
  const lastCycle = await buildCycle(db, school.number, 2025);
  const sharedLastYear = await buildPriority(db, lastCycle, { title: 'Last year: oracy shared with governors' });
  const privateLastYear = await buildPriority(db, lastCycle, { title: 'Last year: staffing kept in school' });
  await share(db, school.number, 'priority', sharedLastYear.id, 'governors');
  const [inspection] = await db
    .insert(inspections)
    .values({ schoolNumber: school.number, inspectedOn: '2025-03-12' })
    .returning();
  const [r1, r2] = await db
    .insert(inspectionRecommendations)
    .values([
      { inspectionId: inspection!.id, number: 1, text: 'Raise standards of reading for eFSM learners' },
      { inspectionId: inspection!.id, number: 2, text: 'Gwella presenoldeb', language: 'cy' },
      { inspectionId: inspection!.id, number: 3, text: 'Strengthen self-evaluation' },
    ])
    .returning();
  await db.insert(recommendationPriorities).values([
    { recommendationId: r1!.id, priorityId: r.reading.id },
    { recommendationId: r1!.id, priorityId: draft.id },
    { recommendationId: r2!.id, priorityId: r.attendance.id },
    { recommendationId: r2!.id, priorityId: sharedLastYear.id },
    { recommendationId: r2!.id, priorityId: privateLastYear.id },
  ]);
}
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
    expect(text).toContain(
      'Hyfforddi staff mewn darllen dan arweiniad (written in Welsh) (Siân Prydderch, due 30 November 2026)',
    );
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
    expect(book.SheetNames).toEqual([
      'Priorities',
      'Actions',
      'Support',
      'Costs by source',
      'Progress reviews',
      'Years 2 and 3 outline',
    ]);
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
    expect(book.SheetNames).toEqual([
      'Blaenoriaethau',
      'Camau gweithredu',
      'Cymorth',
      'Costau fesul ffynhonnell',
      'Adolygiadau cynnydd',
      'Amlinelliad blynyddoedd 2 a 3',
    ]);
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

describe('the three-year plan in the documents', () => {
  const pdfText = async (user: { id: string }, url: string) =>
    (await pdfPages((await get(user, url)).rawPayload)).join(' ');

  it('gives each priority its latest review, its costs by source, and the plan totals by source and year (English)', async () => {
    const text = await pdfText(people.headteacher, 'sdp-summary.pdf?language=en');
    for (const expected of [
      'Latest progress review On track (1 December 2026)',
      'Reading ages are rising',
      'Latest progress review Not reviewed yet', // the attendance priority
      'Cost of this priority by funding source',
      'Pupil Development Grant (PDG) £1,000.00',
      'School budget (delegated budget) £250.50',
      'Another grant: Ymddiriedolaeth Darllen £400.00',
      'Cost of the plan by funding source',
      'Not decided yet £240.00', // 24 attendance steps of £10 with no split
      'Cost of the plan by school year',
      '2026–27 £1,890.50',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Dechrau araf'); // an earlier review: only the latest is in the summary
  });

  it('says which meeting approved the plan, its minute, its resolution and who recorded it', async () => {
    const text = await pdfText(people.headteacher, 'sdp-summary.pdf?language=en');
    expect(text).toContain('Meeting Curriculum and Standards Committee (a committee of the governing body)');
    expect(text).toContain('Date of the meeting 14 October 2026');
    expect(text).toContain('Minute reference 7.2');
    expect(text).toContain('Resolution Resolved that the school development plan be approved.');
    expect(text).toContain('Recorded by');
    const cy = await pdfText(people.headteacher, 'governors-report.pdf?language=cy');
    expect(cy).toContain("Cyfarfod Curriculum and Standards Committee (un o bwyllgorau'r corff llywodraethu)");
    expect(cy).toContain('Dyddiad y cyfarfod 14 Hydref 2026');
    expect(cy).toContain('Cyfeirnod y cofnod 7.2');
  });

  it('lists years two and three in outline, by term, and the Estyn recommendations with the priorities addressing them', async () => {
    const text = await pdfText(people.headteacher, 'sdp-summary.pdf?language=en');
    for (const expected of [
      'Years two and three (outline)',
      'Year 2 of the plan: 2027–28',
      'Ysgrifennu estynedig',
      'Autumn term: Archwilio llyfrau',
      'Spring term: Hyfforddi staff mewn ysgrifennu',
      'Year 3 of the plan: 2028–29',
      'Whole year: Numeracy walks every half term',
      'Estyn inspection recommendations',
      'From the inspection on 12 March 2025.',
      'R1: Raise standards of reading for eFSM learners',
      'Priority 1: Gwella darllen dysgwyr eFSM',
      'A draft only the school sees (2026–27)', // staff see every linked priority
      'Last year: staffing kept in school (2025–26)',
      'R3: Strengthen self-evaluation',
      'No priority addresses this recommendation yet.',
    ])
      expect(text).toContain(expected);
    // Autumn comes before spring, whatever order they were written in.
    expect(text.indexOf('Autumn term: Archwilio llyfrau')).toBeLessThan(text.indexOf('Spring term: Hyfforddi'));
  });

  it('is all in Welsh too, as a PDF and a Word document, with what the school wrote in its own language', async () => {
    const text = await pdfText(people.headteacher, 'sdp-summary.pdf?language=cy');
    for (const expected of [
      'Adolygiad cynnydd diweddaraf Ar y trywydd iawn (1 Rhagfyr 2026)',
      'Cost y flaenoriaeth hon fesul ffynhonnell cyllid',
      'Grant Datblygu Disgyblion (GDD) £1,000.00',
      'Grant arall: Ymddiriedolaeth Darllen £400.00',
      'Heb benderfynu eto £240.00',
      'Cost y cynllun fesul blwyddyn ysgol',
      'Blynyddoedd dau a thri (amlinelliad)',
      'Blwyddyn 2 y cynllun: 2027–28',
      'Tymor yr hydref: Archwilio llyfrau',
      'Y flwyddyn gyfan: Numeracy walks every half term',
      'Argymhellion arolygiad Estyn',
      "O'r arolygiad ar 12 Mawrth 2025.",
      'A2: Gwella presenoldeb',
      'Blaenoriaeth 2: Reduce persistent absence',
    ])
      expect(text).toContain(expected);
    const body = zipEntry(
      (await get(people.headteacher, 'sdp-summary.docx?language=cy')).rawPayload,
      'word/document.xml',
    );
    expect(xmlText(body)).toContain('Penderfyniad');
    expect(xmlText(body)).toContain('Resolved that the school development plan be approved.');
    expect(xmlText(body)).toContain('Tymor y gwanwyn: Hyfforddi staff mewn ysgrifennu');
    // The review's comment was written in English: it keeps its language in the Welsh document.
    expect(body).toMatch(/<w:lang w:val="en-GB"\/><\/w:rPr><w:t[^>]*>Reading ages are rising</);
  });

  it("gives governors the year's review history, the costs and the linked priorities they may see, and nothing else", async () => {
    const report = await pdfText(people.governor, 'governors-report.pdf?language=en');
    expect(report).toContain('Progress reviews of this priority this year, the oldest first');
    expect(report).toContain('20 October 2026 Some concerns');
    expect(report).toContain('1 December 2026 On track');
    expect(report.indexOf('20 October 2026 Some concerns')).toBeLessThan(report.indexOf('1 December 2026 On track'));
    expect(report).not.toContain('10 July 2026'); // last school year's review
    expect(report).toContain('Minute reference 7.2');
    expect(report).toContain('Pupil Development Grant (PDG) £1,000.00');
    expect(report).toContain('Not decided yet £240.00');
    expect(report).toContain('Last year: oracy shared with governors (2025–26)');
    const sdp = await pdfText(people.governor, 'sdp-summary.pdf?language=en');
    expect(sdp).toContain('Years two and three (outline)'); // governors approve all three years
    expect(sdp).toContain('Numeracy walks every half term');
    for (const text of [report, sdp]) {
      expect(text).toContain('Priority 1: Gwella darllen dysgwyr eFSM');
      expect(text).not.toContain('A draft only the school sees');
      expect(text).not.toContain('Last year: staffing kept in school');
    }
    const welsh = await pdfText(people.governor, 'governors-report.pdf?language=cy');
    expect(welsh).toContain("Adolygiadau cynnydd o'r flaenoriaeth hon eleni, yr hynaf yn gyntaf");
    expect(welsh).toContain('20 Hydref 2026 Rhai pryderon');
    expect(welsh).not.toContain('A draft only the school sees');
    const book = XLSX.read((await get(people.governor, 'sdp-summary.xlsx?language=en')).rawPayload, {
      type: 'buffer',
    });
    expect(book.SheetNames).toContain('Years 2 and 3 outline');
  });

  it('adds sheets of costs by source (lines, then totals that add up), progress reviews and the outline', async () => {
    const res = await get(people.headteacher, 'sdp-summary.xlsx?language=en');
    const book = XLSX.read(res.rawPayload, { type: 'buffer', cellDates: true, cellNF: true });
    const costs = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Costs by source']!, { defval: '' });
    const lines = costs.filter((r) => r.Priority !== 'Total');
    const totals = costs.filter((r) => r.Priority === 'Total');
    expect(lines).toHaveLength(3 + 24);
    expect(lines.find((l) => l['Funding source'] === 'Pupil Development Grant (PDG)')).toMatchObject({
      Number: 1,
      Action: 'Hyfforddi staff mewn darllen dan arweiniad',
      'School year': '2026–27',
      'Funding source': 'Pupil Development Grant (PDG)',
      'Cost (£)': 1000,
    });
    expect(totals.map((r) => [r['Funding source'], r['Name of the grant'], r['Cost (£)']])).toEqual([
      ['Pupil Development Grant (PDG)', '', 1000],
      ['School budget (delegated budget)', '', 250.5],
      ['Another grant', 'Ymddiriedolaeth Darllen', 400],
      ['Not decided yet', '', 240],
    ]);
    for (const total of totals) {
      const sum = lines
        .filter((l) => l['Funding source'] === total['Funding source'])
        .reduce((n, l) => n + Math.round(Number(l['Cost (£)']) * 100), 0);
      expect(sum).toBe(Math.round(Number(total['Cost (£)']) * 100));
    }
    const reviews = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Progress reviews']!, { defval: '' });
    expect(reviews.map((r) => [r.Action, r.Rating, r.Comment])).toEqual([
      ['', 'Off track', 'Last year: not started'],
      ['', 'Some concerns', 'Dechrau araf'],
      ['Hyfforddi staff mewn darllen dan arweiniad', 'Complete', 'All staff trained'],
      ['', 'On track', 'Reading ages are rising'],
    ]);
    expect(book.Sheets['Progress reviews']!.D2!.t).toBe('d');
    const outline = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Years 2 and 3 outline']!);
    expect(outline).toEqual([
      expect.objectContaining({ 'Year of the plan': 2, Priority: 'Ysgrifennu estynedig', When: 'Autumn term' }),
      expect.objectContaining({ 'Year of the plan': 2, When: 'Spring term' }),
      expect.objectContaining({
        'Year of the plan': 3,
        'School year': '2028–29',
        When: 'Whole year',
        'Intended action': 'Numeracy walks every half term',
      }),
    ]);
    const cy = XLSX.read((await get(people.headteacher, 'sdp-summary.xlsx?language=cy')).rawPayload, {
      type: 'buffer',
    });
    const cyCosts = XLSX.utils.sheet_to_json<Record<string, unknown>>(cy.Sheets['Costau fesul ffynhonnell']!);
    expect(cyCosts.at(-1)).toMatchObject({ Blaenoriaeth: 'Cyfanswm', 'Ffynhonnell cyllid': 'Heb benderfynu eto' });
  });

  it('says an approval recorded before meetings were is without its meeting, in either language', async () => {
    // Approved revisions cannot change, so this is another school's plan, approved before meetings were recorded.
    const db = t.database.db;
    const older = await buildSchool(db, { name: 'Ysgol yr Hen Gymeradwyaeth' });
    const olderPeople = await buildSchoolPeople(db, older);
    const cycle = await buildCycle(db, older.number, 2026);
    await buildPriority(db, cycle, { title: 'Improve attendance' });
    const [plan] = await db
      .insert(developmentPlans)
      .values({ schoolNumber: older.number, firstYear: 2026 })
      .returning();
    await db.insert(planRevisions).values({
      planId: plan!.id,
      number: 1,
      academicYear: 2026,
      snapshot: {},
      approvedBy: olderPeople.headteacher.id,
      approvedAt: new Date('2026-09-20T18:00:00Z'),
    });
    const cookie = await sessionCookie(db, olderPeople.headteacher.id, clock.now());
    const read = async (lang: string) => {
      const res = await t.app.inject({
        url: `/schools/${older.number}/outputs/sdp-summary.pdf?language=${lang}`,
        headers: { cookie },
      });
      return (await pdfPages(res.rawPayload)).join(' ');
    };
    const en = await read('en');
    expect(en).toContain('Meeting Meeting not recorded (approved before meetings were recorded)');
    expect(en).not.toContain('Minute reference');
    expect(en).not.toContain('Years two and three (outline) Year 2 of the plan: 2027–28 Ysgrifennu'); // not another school's
    expect(en).toContain('No priorities outlined for this year yet.');
    expect(en).not.toContain('Estyn inspection recommendations'); // no inspection recorded
    expect(await read('cy')).toContain('Cyfarfod Ni chofnodwyd y cyfarfod');
  });

  it('leaves the outline and priorities not shared with them out of a copy shared with the LA', async () => {
    await share(t.database.db, school.number, 'output', outputItemId(school.number, 'sdp_summary'), 'la');
    const text = await pdfText(people.laOfficer, 'sdp-summary.pdf?language=en');
    expect(text).toContain('Estyn inspection recommendations');
    expect(text).toContain('Priority 1: Gwella darllen dysgwyr eFSM');
    expect(text).not.toContain('Years two and three (outline)');
    expect(text).not.toContain('Ysgrifennu estynedig');
    expect(text).not.toContain('A draft only the school sees');
    expect(text).not.toContain('Last year: oracy shared with governors');
    const book = XLSX.read((await get(people.laOfficer, 'sdp-summary.xlsx?language=en')).rawPayload, {
      type: 'buffer',
    });
    expect(book.SheetNames).not.toContain('Years 2 and 3 outline');
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
