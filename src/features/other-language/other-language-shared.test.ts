import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseStudies,
  enquiryFindings,
  enquiryFollowUps,
  laCycles,
  laPlanAnswers,
  laPriorities,
  laPriorityActions,
  meetingActions,
  meetings,
  peerEnquiries,
  planTemplateSections,
  progressionSessions,
  supportOffers,
  visions,
} from '../../db/schema/index.ts';
import { sessionCookie } from '../../../test/support/factories.ts';
import { pageText, Visitor } from '../../../test/support/http.ts';
import { buildEnquiry, buildEnquiryWorld, type EnquiryWorld } from '../../../test/support/enquiry-factories.ts';
import { buildCaseStudy, buildLaPlan, buildRound } from '../../../test/support/la-factories.ts';
import { buildSchool, buildSchoolPeople, type SchoolPeople } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let school: Awaited<ReturnType<typeof buildSchool>>;
let people: SchoolPeople;
let w: EnquiryWorld;

const as = async (user: { id: string }, lang: 'en' | 'cy' = 'en') => {
  const visitor = new Visitor(t.app).withCookie(await sessionCookie(t.database.db, user.id));
  if (lang === 'cy') await visitor.get('/?lang=cy');
  return visitor;
};

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database.db);
  people = await buildSchoolPeople(t.database.db, school);
  w = await buildEnquiryWorld(t.database.db, school.laCode);
});
afterAll(() => t.close());

describe('good practice', () => {
  it('is told before publishing what lacks Welsh, saves the Welsh version, and search finds it', async () => {
    const cs = await buildCaseStudy(t.database.db, { schoolNumber: school.number, title: 'Reading for pleasure' });
    const head = await as(people.headteacher);
    const page = `/good-practice/${cs.id}`;
    const before = await head.get(page);
    expect(pageText(before.body)).toContain(
      'When you publish this, readers of Welsh will see it only as written in English',
    );
    const url = `/good-practice/${cs.id}/other-language/case-study/${cs.id}`;
    expect(before.body).toContain(`href="${url}"`);
    const saved = await head.post(url, {
      version: '1',
      title: 'Darllen er pleser',
      summary: 'Amser darllen i’r ysgol gyfan',
    });
    expect(saved.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(caseStudies).where(eq(caseStudies.id, cs.id));
    expect(row!.otherLanguage).toEqual({ title: 'Darllen er pleser', summary: 'Amser darllen i’r ysgol gyfan' });
    expect(row!.searchText).toContain('darllen er pleser');
    expect(row!.searchText).toContain('reading for pleasure');
    expect(row!.searchText).toContain(school.name.toLowerCase().split(' ')[0]);
    // Publishing still goes ahead: the warning never blocks.
    const published = await head.post(`/good-practice/${cs.id}/publish`, { version: String(row!.version) });
    expect(published.statusCode).toBe(303);
    expect((await t.database.db.select().from(caseStudies).where(eq(caseStudies.id, cs.id)))[0]!.status).toBe(
      'published',
    );
    // A reader who may only read it is refused the page and sees no link.
    const reader = await as(people.otherHeadteacher);
    expect((await reader.get(url)).statusCode).toBe(403);
    expect((await reader.get(page)).body).not.toContain('/other-language/');
  });
});

describe('a collaborative’s meetings and progression sessions', () => {
  it('saves a meeting’s notes and its agreed actions, for those who record; not for a member who only reads', async () => {
    const [meeting] = await t.database.db
      .insert(meetings)
      .values({
        collaborativeId: w.collaborative.id,
        title: 'Cluster meeting',
        meetsOn: '2026-03-01',
        notes: 'We agreed to share.',
      })
      .returning();
    const [action] = await t.database.db
      .insert(meetingActions)
      .values({ meetingId: meeting!.id, description: 'Share reading plans', owner: 'Heads' })
      .returning();
    const url = `/collaboratives/${w.collaborative.id}/other-language/meeting/${meeting!.id}`;
    const lead = await as(w.people.lead);
    const meetingPage = await lead.get(`/collaboratives/${w.collaborative.id}/meetings/${meeting!.id}`);
    expect(meetingPage.body).toContain(`href="${url}"`);
    expect(pageText(meetingPage.body)).toContain('Add the Welsh version');
    const form = await lead.get(url);
    expect(form.statusCode).toBe(200);
    expect(pageText(form.body)).toContain('Welsh version of ‘Agreed action 1’');
    const response = await lead.post(url, {
      version: '1',
      notes: 'Cytunwyd i rannu.',
      partId: [action!.id],
      part: ['Rhannu cynlluniau darllen'],
    });
    expect(response.statusCode).toBe(303);
    expect((await t.database.db.select().from(meetings).where(eq(meetings.id, meeting!.id)))[0]!.otherLanguage).toEqual(
      { notes: 'Cytunwyd i rannu.' },
    );
    expect(
      (await t.database.db.select().from(meetingActions).where(eq(meetingActions.id, action!.id)))[0]!.otherLanguage,
    ).toEqual({
      description: 'Rhannu cynlluniau darllen',
    });
    // An action added since the page was opened: the save is refused as a conflict, nothing changes.
    await t.database.db
      .insert(meetingActions)
      .values({ meetingId: meeting!.id, description: 'Another', owner: 'Heads' });
    const stale = await lead.post(url, { version: '2', notes: 'Newydd', partId: [action!.id], part: ['x'] });
    expect(stale.statusCode).toBe(409);
    expect((await t.database.db.select().from(meetings).where(eq(meetings.id, meeting!.id)))[0]!.otherLanguage).toEqual(
      { notes: 'Cytunwyd i rannu.' },
    );
    const outsider = await as(people.otherHeadteacher);
    expect([403, 404]).toContain((await outsider.post(url, { version: '2', notes: 'x' })).statusCode);
  });

  it('saves a progression session', async () => {
    const [session] = await t.database.db
      .insert(progressionSessions)
      .values({
        collaborativeId: w.collaborative.id,
        heldOn: '2026-03-02',
        area: 'languages',
        progressionStep: 2,
        focus: 'Writing',
      })
      .returning();
    const url = `/collaboratives/${w.collaborative.id}/other-language/progression-session/${session!.id}`;
    const response = await (await as(w.people.lead)).post(url, { version: '1', focus: 'Ysgrifennu' });
    expect(response.statusCode).toBe(303);
    expect(
      (await t.database.db.select().from(progressionSessions).where(eq(progressionSessions.id, session!.id)))[0]!
        .otherLanguage,
    ).toEqual({
      focus: 'Ysgrifennu',
    });
  });
});

describe('a peer enquiry, its findings and follow-ups', () => {
  it('is written by the host school’s leaders, not by a reviewer', async () => {
    const enquiry = await buildEnquiry(t.database.db, {
      collaborativeId: w.collaborative.id,
      hostSchoolNumber: w.host.number,
      state: 'follow_up',
      reviewers: [{ userId: w.people.reviewer.id, schoolNumber: w.partner.number }],
    });
    const [finding] = await t.database.db
      .insert(enquiryFindings)
      .values({ enquiryId: enquiry.id, kind: 'strength', text: 'Learners talk well' })
      .returning();
    const [followUp] = await t.database.db
      .insert(enquiryFollowUps)
      .values({ enquiryId: enquiry.id, description: 'Visit the partner school' })
      .returning();
    const url = `/collaboratives/${w.collaborative.id}/enquiries/${enquiry.id}/other-language/peer-enquiry/${enquiry.id}`;
    expect([403, 404]).toContain((await (await as(w.people.reviewer)).get(url)).statusCode);
    const host = await as(w.people.hostLeader);
    expect((await host.get(`/collaboratives/${w.collaborative.id}/enquiries/${enquiry.id}`)).body).toContain(
      `href="${url}"`,
    );
    expect(
      (await (await as(w.people.reviewer)).get(`/collaboratives/${w.collaborative.id}/enquiries/${enquiry.id}`)).body,
    ).not.toContain('/other-language/');
    const form = await host.get(url);
    expect(pageText(form.body)).toContain('Enquiry finding 1');
    expect(pageText(form.body)).toContain('Follow-up 1');
    const response = await host.post(url, {
      version: String(enquiry.version),
      question: 'Pa mor dda mae ein dysgwyr yn siarad am eu darllen?',
      partId: [finding!.id, followUp!.id],
      part: ['Mae dysgwyr yn siarad yn dda', 'Ymweld â’r ysgol bartner'],
    });
    expect(response.statusCode).toBe(303);
    expect(
      (await t.database.db.select().from(peerEnquiries).where(eq(peerEnquiries.id, enquiry.id)))[0]!.otherLanguage
        .question,
    ).toContain('Pa mor dda');
    expect(
      (await t.database.db.select().from(enquiryFindings).where(eq(enquiryFindings.id, finding!.id)))[0]!.otherLanguage,
    ).toEqual({
      text: 'Mae dysgwyr yn siarad yn dda',
    });
    expect(
      (await t.database.db.select().from(enquiryFollowUps).where(eq(enquiryFollowUps.id, followUp!.id)))[0]!
        .otherLanguage,
    ).toEqual({
      description: 'Ymweld â’r ysgol bartner',
    });
  });
});

describe('a school’s offer of support', () => {
  it('is written by the headteacher who offers it, not by a leader', async () => {
    const [offer] = await t.database.db
      .insert(supportOffers)
      .values({ schoolNumber: school.number, title: 'Reading recovery', description: 'We can show you.' })
      .returning();
    const url = `/schools/${school.number}/other-language/support-offer/${offer!.id}`;
    expect((await (await as(people.leader)).post(url, { version: '1', title: 'x' })).statusCode).toBe(403);
    expect((await (await as(people.headteacher)).get(`/schools/${school.number}/support`)).body).toContain(
      `href="${url}"`,
    );
    expect((await (await as(people.leader)).get(`/schools/${school.number}/support`)).body).not.toContain(
      '/other-language/',
    );
    const response = await (await as(people.headteacher)).post(url, { version: '1', title: 'Adfer darllen' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/schools/${school.number}/support?translated=cy#offer-${offer!.id}`);
    expect(
      (await t.database.db.select().from(supportOffers).where(eq(supportOffers.id, offer!.id)))[0]!.otherLanguage,
    ).toEqual({
      title: 'Adfer darllen',
    });
  });
});

describe('an LA’s priorities and its plan', () => {
  it('saves an LA priority with its actions, for its officers only', async () => {
    const [cycle] = await t.database.db
      .insert(laCycles)
      .values({ laCode: school.laCode, academicYear: 2026 })
      .returning();
    const [priority] = await t.database.db
      .insert(laPriorities)
      .values({ cycleId: cycle!.id, title: 'Attendance' })
      .returning();
    const [action] = await t.database.db
      .insert(laPriorityActions)
      .values({ priorityId: priority!.id, description: 'Visit schools' })
      .returning();
    const url = `/local-authorities/${school.laCode}/other-language/la-priority/${priority!.id}`;
    expect([403, 404]).toContain((await (await as(people.otherLaOfficer)).get(url)).statusCode);
    expect([403, 404]).toContain((await (await as(people.headteacher)).get(url)).statusCode);
    const officer = await as(people.laOfficer);
    const response = await officer.post(url, {
      version: '1',
      title: 'Presenoldeb',
      partId: [action!.id],
      part: ['Ymweld ag ysgolion'],
    });
    expect(response.statusCode).toBe(303);
    expect(
      (await t.database.db.select().from(laPriorities).where(eq(laPriorities.id, priority!.id)))[0]!.otherLanguage,
    ).toEqual({
      title: 'Presenoldeb',
    });
    expect(
      (await t.database.db.select().from(laPriorityActions).where(eq(laPriorityActions.id, action!.id)))[0]!
        .otherLanguage,
    ).toEqual({
      description: 'Ymweld ag ysgolion',
    });
  });

  it('saves the LA’s vision, linked from its page for its officers', async () => {
    const [vision] = await t.database.db
      .insert(visions)
      .values({
        ownerType: 'la',
        ownerId: school.laCode,
        number: 1,
        text: 'Every school improving',
        agreedWith: 'Heads',
        agreedOn: '2025-09-01',
      })
      .returning();
    const url = `/local-authorities/${school.laCode}/other-language/vision/${vision!.id}`;
    const officer = await as(people.laOfficer);
    expect((await officer.get(`/local-authorities/${school.laCode}/vision`)).body).toContain(`href="${url}"`);
    expect((await officer.post(url, { version: '1', text: 'Pob ysgol yn gwella' })).statusCode).toBe(303);
    expect((await t.database.db.select().from(visions).where(eq(visions.id, vision!.id)))[0]!.otherLanguage).toEqual({
      text: 'Pob ysgol yn gwella',
    });
    expect([403, 404]).toContain(
      (await (await as(people.otherLaOfficer)).post(url, { version: '1', text: 'x' })).statusCode,
    );
  });

  it('tells the LA before submitting its plan which answers lack the other language, and lets it write them', async () => {
    const round = await buildRound(t.database.db);
    const plan = await buildLaPlan(t.database.db, { roundId: round.id, laCode: school.laCode });
    const [section] = await t.database.db
      .insert(planTemplateSections)
      .values({ roundId: round.id, position: 1, titleEn: 'Starting point', titleCy: 'Man cychwyn' })
      .returning();
    await t.database.db
      .insert(laPlanAnswers)
      .values({ planId: plan.id, sectionId: section!.id, body: 'We start from strength.' });
    const officer = await as(people.laOfficer);
    const confirm = pageText((await officer.get(`/plans/${plan.id}/submit`)).body);
    expect(confirm).toContain('Answers with no version in the other language');
    const url = `/plans/${plan.id}/other-language/la-plan-answer/${section!.id}`;
    expect((await officer.get(`/plans/${plan.id}/sections/${section!.id}`)).body).toContain(`href="${url}"`);
    expect((await officer.post(url, { version: '1', answer: 'x'.repeat(20_001) })).statusCode).toBe(400);
    expect((await officer.post(url, { version: '7', answer: 'Hen fersiwn' })).statusCode).toBe(409);
    expect(
      (await t.database.db.select().from(laPlanAnswers).where(eq(laPlanAnswers.planId, plan.id)))[0]!.otherLanguage,
    ).toEqual({});
    const response = await officer.post(url, { version: '1', answer: 'Rydym yn dechrau o gryfder.' });
    expect(response.statusCode).toBe(303);
    const [answer] = await t.database.db.select().from(laPlanAnswers).where(eq(laPlanAnswers.planId, plan.id));
    expect(answer!.otherLanguage).toEqual({ body: 'Rydym yn dechrau o gryfder.' });
    expect(pageText((await officer.get(`/plans/${plan.id}/submit`)).body)).not.toContain(
      'Answers with no version in the other language',
    );
    expect([403, 404]).toContain(
      (await (await as(people.otherLaOfficer)).post(url, { version: '2', answer: 'x' })).statusCode,
    );
  });
});
