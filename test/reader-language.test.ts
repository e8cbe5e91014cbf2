/**
 * Issue 16: lists and pages show a reader the version of a user-written text in their language
 * when there is one, and otherwise the original with `lang` set and marked "written in Welsh",
 * never silently mixed. Each kind below has a text written in Welsh with its English version
 * (seen in English by an English reader, in Welsh by a Welsh one) and a text without its other
 * version (seen as written, marked, by a reader of the other language).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollaborative } from '../test/support/collaboration-factories.ts';
import { buildEnquiry } from '../test/support/enquiry-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../test/support/factories.ts';
import { pageText, Visitor } from '../test/support/http.ts';
import { buildCycle, buildEvidence, buildPriority, buildCriteria } from '../test/support/plan-factories.ts';
import { buildSchool } from '../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../test/support/test-app.ts';
import {
  caseStudies,
  enquiryFindings,
  peerEnquiries,
  progressionSessions,
  findings,
  laCycles,
  laPriorities,
  laPriorityActions,
  meetingActions,
  meetings,
  shares,
} from '../src/db/schema/index.ts';
import { academicYearOf } from '../src/reference/reference-data.ts';

let t: TestApp;
const LA = '670';
type School = Awaited<ReturnType<typeof buildSchool>>;
let school: School;
let head: TestUser;
let laOfficer: TestUser;
let collaborative: { id: string };
const ids = {} as Record<string, string>;

const MARK = {
  en: { cy: 'written in Welsh', en: 'written in English' },
  cy: { cy: "wedi'i ysgrifennu yn Gymraeg", en: "wedi'i ysgrifennu yn Saesneg" },
};

/** The page as `who` reads it in `lang`. */
async function read(who: TestUser, url: string, lang: 'en' | 'cy') {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, who.id));
  const res = await visitor.get(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
  expect(res.statusCode, url).toBe(200);
  return pageText(res.body);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `text` shown in an element with lang="`lang`". */
function shows(html: string, text: string, lang: 'en' | 'cy') {
  expect(html, `${text} with lang=${lang}`).toMatch(
    new RegExp(`<[a-z0-9]+\\b[^>]*\\blang="${lang}"[^>]*>\\s*${escape(text)}\\s*</`),
  );
}
/** `text` shown with lang="`lang`" and marked as written in that language, for a `reader`. */
function showsMarked(html: string, text: string, lang: 'en' | 'cy', reader: 'en' | 'cy') {
  shows(html, text, lang);
  expect(html, `${text} marked`).toMatch(
    new RegExp(
      `${escape(text)}\\s*</[a-z0-9]+>\\s*<(span|p) class="govuk-body-s app-written-in">\\(${escape(MARK[reader][lang])}\\)`,
    ),
  );
}
function unmarked(html: string, text: string) {
  expect(html).not.toMatch(
    new RegExp(`${escape(text)}\\s*</[a-z0-9]+>\\s*<(span|p) class="govuk-body-s app-written-in">`),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  school = await buildSchool(db, { laCode: LA, name: 'Ysgol y Bryn' });
  head = await buildUser(db, { role: 'headteacher', scopeId: school.number });
  collaborative = await buildCollaborative(db, { laCode: LA, members: [school] });
  const cycle = await buildCycle(db, school.number);
  const priority = await buildPriority(db, cycle, {
    title: 'Gwella presenoldeb',
    description: 'Disgrifiad y flaenoriaeth',
    learners: 'Dysgwyr blwyddyn 7',
    successMeasure: 'Presenoldeb yn codi',
    language: 'cy',
    otherLanguage: { title: 'Improve attendance', description: 'The priority described' },
  });
  await buildCriteria(db, priority.id, ['Mae presenoldeb yn 95%']);
  const plain = await buildPriority(db, cycle, { title: 'Reading for pleasure', language: 'en' });
  const evidence = await buildEvidence(db, cycle, {
    title: 'Taith ddysgu: darllen',
    body: 'Roedd y plant yn darllen yn frwd.',
    language: 'cy',
    otherLanguage: { title: 'Learning walk: reading', body: 'The children read keenly.' },
  });
  const [finding] = await db
    .insert(findings)
    .values({
      schoolNumber: school.number,
      cycleId: cycle.id,
      kind: 'strength',
      title: 'Darllen yn gryf',
      body: 'Corff y canfyddiad',
      language: 'cy',
    })
    .returning();
  Object.assign(ids, { priority: priority.id, plain: plain.id, evidence: evidence.id, finding: finding!.id });
  laOfficer = await buildUser(db, { role: 'la_officer', scopeId: LA });
  const [study] = await db
    .insert(caseStudies)
    .values({
      schoolNumber: school.number,
      title: 'Amser darllen',
      summary: 'Darllen bob dydd.',
      whatWeDid: 'Fe wnaethon ni ddarllen.',
      status: 'published',
      publishedAt: new Date('2026-02-01T12:00:00Z'),
      language: 'cy',
      otherLanguage: { title: 'Reading time', summary: 'Reading every day.' },
    })
    .returning();
  const [meeting] = await db
    .insert(meetings)
    .values({
      collaborativeId: collaborative.id,
      title: 'Cyfarfod y clwstwr',
      meetsOn: '2026-01-20',
      agenda: 'Agenda yn Gymraeg',
      notes: 'Nodiadau’r cyfarfod',
      language: 'cy',
      otherLanguage: { title: 'Cluster meeting', notes: 'The meeting’s notes' },
    })
    .returning();
  await db
    .insert(meetingActions)
    .values({ meetingId: meeting!.id, description: 'Rhannu’r cynllun', owner: 'Pennaeth', language: 'cy' });
  const [laCycle] = await db
    .insert(laCycles)
    .values({ laCode: LA, academicYear: academicYearOf(new Date()) })
    .returning();
  const [laPriority] = await db
    .insert(laPriorities)
    .values({
      cycleId: laCycle!.id,
      title: 'Lles dysgwyr',
      description: 'Disgrifiad lles',
      language: 'cy',
      otherLanguage: { title: 'Learner wellbeing', description: 'Wellbeing described' },
    })
    .returning();
  await db
    .insert(laPriorityActions)
    .values({ priorityId: laPriority!.id, description: 'Hyfforddi staff', language: 'cy' });
  Object.assign(ids, { study: study!.id, meeting: meeting!.id, laPriority: laPriority!.id });
  const enquiry = await buildEnquiry(db, {
    collaborativeId: collaborative.id,
    hostSchoolNumber: school.number,
    state: 'report_agreed',
    question: 'Sut mae dysgwyr yn siarad am ddarllen?',
  });
  await db
    .update(peerEnquiries)
    .set({
      language: 'cy',
      report: 'Adroddiad yr ymholiad',
      otherLanguage: { question: 'How do learners talk about reading?', report: 'The enquiry’s report' },
    })
    .where(eq(peerEnquiries.id, enquiry.id));
  await db
    .insert(enquiryFindings)
    .values({ enquiryId: enquiry.id, kind: 'strength', text: 'Mae’r dysgwyr yn hyderus', language: 'cy' });
  const [session] = await db
    .insert(progressionSessions)
    .values({
      collaborativeId: collaborative.id,
      heldOn: '2026-02-02',
      area: 'humanities',
      progressionStep: 2,
      focus: 'Ysgrifennu estynedig',
      samples: 'Samplau o waith',
      expectations: 'Disgwyliadau cyffredin',
      language: 'cy',
      otherLanguage: { focus: 'Extended writing', expectations: 'Shared expectations' },
    })
    .returning();
  Object.assign(ids, { enquiry: enquiry.id, session: session!.id });
  let minute = 0;
  for (const [itemType, itemId] of [
    ['priority', priority.id],
    ['priority', plain.id],
    ['evidence', evidence.id],
    ['finding', finding!.id],
  ] as const)
    await db.insert(shares).values({
      itemType,
      itemId,
      schoolNumber: school.number,
      audience: 'collaborative',
      audienceId: collaborative.id,
      sharedBy: head.id,
      sharedAt: new Date(Date.UTC(2026, 0, 10, 9, ++minute)),
    });
});

afterAll(async () => {
  await t?.close();
});

describe('the collaborative shared space', () => {
  it('lists each shared item in the reader’s language when written, otherwise marked', async () => {
    const en = await read(head, `/collaboratives/${collaborative.id}/shared`, 'en');
    shows(en, 'Improve attendance', 'en');
    unmarked(en, 'Improve attendance');
    shows(en, 'Learning walk: reading', 'en');
    showsMarked(en, 'Darllen yn gryf', 'cy', 'en');
    expect(en).not.toContain('Gwella presenoldeb');
    const cy = await read(head, `/collaboratives/${collaborative.id}/shared`, 'cy');
    shows(cy, 'Gwella presenoldeb', 'cy');
    unmarked(cy, 'Gwella presenoldeb');
    showsMarked(cy, 'Reading for pleasure', 'en', 'cy');
    expect(cy).not.toContain('Improve attendance');
  });

  it('shows a shared priority and evidence item in the reader’s language, marking what has no version', async () => {
    const base = `/collaboratives/${collaborative.id}/shared`;
    const en = await read(head, `${base}/priority/${ids.priority}`, 'en');
    shows(en, 'Improve attendance', 'en');
    shows(en, 'The priority described', 'en');
    showsMarked(en, 'Dysgwyr blwyddyn 7', 'cy', 'en');
    showsMarked(en, 'Mae presenoldeb yn 95%', 'cy', 'en');
    const cy = await read(head, `${base}/priority/${ids.priority}`, 'cy');
    shows(cy, 'Gwella presenoldeb', 'cy');
    shows(cy, 'Disgrifiad y flaenoriaeth', 'cy');
    unmarked(cy, 'Dysgwyr blwyddyn 7');
    const evidenceEn = await read(head, `${base}/evidence/${ids.evidence}`, 'en');
    shows(evidenceEn, 'Learning walk: reading', 'en');
    shows(evidenceEn, 'The children read keenly.', 'en');
    const findingEn = await read(head, `${base}/finding/${ids.finding}`, 'en');
    showsMarked(findingEn, 'Darllen yn gryf', 'cy', 'en');
    showsMarked(findingEn, 'Corff y canfyddiad', 'cy', 'en');
  });

  it('shows the common ground’s priorities in the reader’s language', async () => {
    const en = await read(head, `/collaboratives/${collaborative.id}/common-ground`, 'en');
    shows(en, 'Improve attendance', 'en');
    showsMarked(
      await read(head, `/collaboratives/${collaborative.id}/common-ground`, 'cy'),
      'Reading for pleasure',
      'en',
      'cy',
    );
  });
});

describe('the school’s own pages', () => {
  const base = () => `/schools/${school.number}`;

  it('shows a priority in the reader’s language, and the original marked where there is no version', async () => {
    const en = await read(head, `${base()}/priorities/${ids.priority}`, 'en');
    shows(en, 'Improve attendance', 'en');
    unmarked(en, 'Improve attendance');
    shows(en, 'The priority described', 'en');
    showsMarked(en, 'Presenoldeb yn codi', 'cy', 'en');
    const cy = await read(head, `${base()}/priorities/${ids.priority}`, 'cy');
    shows(cy, 'Gwella presenoldeb', 'cy');
    unmarked(cy, 'Presenoldeb yn codi');
    const list = await read(head, `${base()}/priorities`, 'cy');
    shows(list, 'Gwella presenoldeb', 'cy');
    showsMarked(list, 'Reading for pleasure', 'en', 'cy');
  });

  it('shows a finding written only in Welsh marked for an English reader, and unmarked for a Welsh one', async () => {
    const en = await read(head, `${base()}/findings/${ids.finding}`, 'en');
    showsMarked(en, 'Darllen yn gryf', 'cy', 'en');
    showsMarked(en, 'Corff y canfyddiad', 'cy', 'en');
    const cy = await read(head, `${base()}/findings/${ids.finding}`, 'cy');
    shows(cy, 'Darllen yn gryf', 'cy');
    unmarked(cy, 'Darllen yn gryf');
    showsMarked(await read(head, `${base()}/findings`, 'en'), 'Darllen yn gryf', 'cy', 'en');
  });

  it('shows evidence in the reader’s language in the list and on its page', async () => {
    const list = await read(head, `${base()}/evidence`, 'en');
    shows(list, 'Learning walk: reading', 'en');
    shows(list, 'The children read keenly.', 'en');
    expect(list).not.toContain('Taith ddysgu: darllen');
    const cy = await read(head, `${base()}/evidence/${ids.evidence}`, 'cy');
    shows(cy, 'Taith ddysgu: darllen', 'cy');
    shows(cy, 'Roedd y plant yn darllen yn frwd.', 'cy');
    unmarked(cy, 'Taith ddysgu: darllen');
  });
});

describe('what leaves the school', () => {
  it('shows a case study in the reader’s language, its untranslated parts marked', async () => {
    const en = await read(head, `/good-practice/${ids.study}`, 'en');
    shows(en, 'Reading time', 'en');
    shows(en, 'Reading every day.', 'en');
    showsMarked(en, 'Fe wnaethon ni ddarllen.', 'cy', 'en');
    const cy = await read(head, `/good-practice/${ids.study}`, 'cy');
    shows(cy, 'Amser darllen', 'cy');
    unmarked(cy, 'Fe wnaethon ni ddarllen.');
    const search = await read(laOfficer, '/good-practice', 'en');
    shows(search, 'Reading time', 'en');
    shows(search, 'Reading every day.', 'en');
  });

  it('shows a collaborative meeting’s notes and actions in the reader’s language, or marked', async () => {
    const url = `/collaboratives/${collaborative.id}/meetings/${ids.meeting}`;
    const en = await read(head, url, 'en');
    shows(en, 'Cluster meeting', 'en');
    shows(en, 'The meeting’s notes', 'en');
    showsMarked(en, 'Agenda yn Gymraeg', 'cy', 'en');
    showsMarked(en, 'Rhannu’r cynllun', 'cy', 'en');
    const cy = await read(head, url, 'cy');
    shows(cy, 'Nodiadau’r cyfarfod', 'cy');
    unmarked(cy, 'Rhannu’r cynllun');
    shows(await read(head, `/collaboratives/${collaborative.id}/meetings`, 'en'), 'Cluster meeting', 'en');
  });

  it('shows an LA priority and its actions in the reader’s language, or marked', async () => {
    const base = `/local-authorities/${LA}/self-evaluation`;
    const en = await read(laOfficer, `${base}/priorities/${ids.laPriority}`, 'en');
    shows(en, 'Learner wellbeing', 'en');
    shows(en, 'Wellbeing described', 'en');
    showsMarked(en, 'Hyfforddi staff', 'cy', 'en');
    const cy = await read(laOfficer, `${base}/priorities/${ids.laPriority}`, 'cy');
    shows(cy, 'Lles dysgwyr', 'cy');
    unmarked(cy, 'Hyfforddi staff');
    shows(await read(laOfficer, `${base}/priorities`, 'en'), 'Learner wellbeing', 'en');
    showsMarked(await read(laOfficer, base, 'en'), 'Hyfforddi staff', 'cy', 'en');
  });
});

describe('collaborative work', () => {
  it('shows a peer enquiry’s question, report and findings in the reader’s language, or marked', async () => {
    const url = `/collaboratives/${collaborative.id}/enquiries/${ids.enquiry}`;
    const en = await read(head, url, 'en');
    shows(en, 'How do learners talk about reading?', 'en');
    shows(en, 'The enquiry’s report', 'en');
    showsMarked(en, 'Mae’r dysgwyr yn hyderus', 'cy', 'en');
    const cy = await read(head, url, 'cy');
    shows(cy, 'Adroddiad yr ymholiad', 'cy');
    unmarked(cy, 'Mae’r dysgwyr yn hyderus');
    shows(
      await read(head, `/collaboratives/${collaborative.id}/enquiries`, 'en'),
      'How do learners talk about reading?',
      'en',
    );
  });

  it('shows a progression session in the reader’s language, or marked', async () => {
    const url = `/collaboratives/${collaborative.id}/progression/${ids.session}`;
    const en = await read(head, url, 'en');
    shows(en, 'Extended writing', 'en');
    shows(en, 'Shared expectations', 'en');
    showsMarked(en, 'Samplau o waith', 'cy', 'en');
    const cy = await read(head, url, 'cy');
    shows(cy, 'Ysgrifennu estynedig', 'cy');
    unmarked(cy, 'Samplau o waith');
    shows(await read(head, `/collaboratives/${collaborative.id}/progression`, 'en'), 'Extended writing', 'en');
  });
});
