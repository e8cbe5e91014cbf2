import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enquiryFollowUps,
  enquiryReviewers,
  evidence,
  peerEnquiries,
  planActions,
  planActionSupport,
  supportRequests,
} from '../../db/schema/index.ts';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { pageText } from '../../../test/support/http.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  agreement,
  buildEnquiryWorld,
  propose,
  versionOn,
  visitorFor,
  type EnquiryWorld,
} from '../../../test/support/enquiry-factories.ts';

let t: TestApp;
let w: EnquiryWorld;
const enquiryRow = async (id: string) =>
  (await t.database.db.select().from(peerEnquiries).where(eq(peerEnquiries.id, id)))[0]!;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildEnquiryWorld(t.database.db, '669');
});
afterAll(() => t.close());

describe('a peer enquiry from proposal to closed', () => {
  it('runs the whole cycle through the pages, in English and Welsh, audited at every step', async () => {
    const db = t.database.db;
    const base = `/collaboratives/${w.collaborative.id}/enquiries`;
    const head = await visitorFor(t, w.people.hostHead);
    const leader = await visitorFor(t, w.people.hostLeader);
    const facilitator = await visitorFor(t, w.people.facilitator);
    const reviewer = await visitorFor(t, w.people.reviewer);
    const lead = await visitorFor(t, w.people.lead);

    // Proposed from the host's finding.
    const form = await head.get(`${base}/new?finding=${w.finding.id}`);
    expect(form.statusCode).toBe(200);
    expect(pageText(form.body)).toContain('Learners rarely talk about their reading progress');
    const id = await propose(t, w);
    const page = `${base}/${id}`;
    let row = await enquiryRow(id);
    expect(row).toMatchObject({
      state: 'proposed',
      hostSchoolNumber: w.host.number,
      findingId: w.finding.id,
      visitStart: '2026-03-10',
      visitEnd: '2026-03-11',
      language: 'en',
    });
    expect(row.nifThemes).toEqual(['curriculum_teaching', 'wellbeing_equity']);
    expect(await auditEntries(db, 'enquiry-propose', id)).toHaveLength(1);
    const list = await lead.get(base);
    expect(pageText(list.body)).toContain('How well do our learners talk about their progress in reading?');
    expect(pageText(list.body)).toContain('Proposed');
    expect(pageText((await lead.get(`${base}?lang=cy`)).body)).toContain('Cynigiwyd');

    // Agreed by a convenor: the confidentiality default is offered in the reader's language.
    const agreeForm = await lead.get(`${page}/agree?lang=cy`);
    expect(pageText(agreeForm.body)).toContain("Mae'r hyn a welwn ac a glywn yn aros o fewn tîm yr ymholiad");
    const agreeEn = await lead.get(`${page}/agree?lang=en`);
    expect(pageText(agreeEn.body)).toContain('Ysgol Gynradd y Wern');
    expect(pageText(agreeEn.body)).not.toContain(`value="${w.people.hostLeader.id}"`);
    const agreed = await lead.post(`${page}/agree`, agreement(w, row.version), { tokenFrom: `${page}/agree` });
    expect(agreed.statusCode, agreed.body.slice(0, 300)).toBe(303);
    row = await enquiryRow(id);
    expect(row).toMatchObject({ state: 'agreed', facilitatorId: w.people.facilitator.id });
    expect(await db.select().from(enquiryReviewers).where(eq(enquiryReviewers.enquiryId, id))).toEqual([
      { enquiryId: id, userId: w.people.reviewer.id, schoolNumber: w.partner.number },
    ]);
    const agreedPage = pageText((await head.get(page)).body);
    expect(agreedPage).toContain('The report belongs to Ysgol Gynradd y Wern');
    expect(agreedPage).toContain('Ysgol Bro Dulais');

    // The headteacher puts items in the pack; the reviewer reads them.
    const packForm = await head.get(`${page}/pack/edit`);
    expect(pageText(packForm.body)).toContain('Reading survey of Year 4');
    const packed = await head.post(
      `${page}/pack/edit`,
      { items: [`evidence:${w.evidence.id}`, `finding:${w.finding.id}`] },
      { tokenFrom: `${page}/pack/edit` },
    );
    expect(packed.statusCode).toBe(303);
    expect(await auditEntries(db, 'enquiry-pack-add', id)).toHaveLength(1);
    const pack = pageText((await reviewer.get(`${page}/pack`)).body);
    expect(pack).toContain('Reading survey of Year 4');
    expect(pack).toContain('Most learners say they enjoy reading at home.');
    expect(pack).not.toContain('Talk about reading progress');

    // Preparing (host leader), on site (facilitator).
    const move = async (who: typeof head, to: string) => {
      const before = await who.get(page);
      const response = await who.post(`${page}/state`, { to, version: versionOn(before.body) }, { tokenFrom: page });
      expect(response.statusCode, `${to}: ${response.body.slice(0, 300)}`).toBe(303);
      expect((await enquiryRow(id)).state).toBe(to);
    };
    await move(leader, 'preparing');
    await move(facilitator, 'on_site');

    // Notes on site, each naming the host colleague.
    const note = await reviewer.post(
      `${page}/notes/new`,
      {
        'observedOn-day': '10',
        'observedOn-month': '3',
        'observedOn-year': '2026',
        activity: 'listening_to_learners',
        hostColleague: 'Mrs Rhian Davies (deputy head)',
        body: 'Year 4 learners described the books they chose and why.',
      },
      { tokenFrom: `${page}/notes/new` },
    );
    expect(note.statusCode, note.body.slice(0, 300)).toBe(303);
    expect(await auditEntries(db, 'enquiry-note-create')).not.toHaveLength(0);
    const withNote = pageText((await head.get(page)).body);
    expect(withNote).toContain('Year 4 learners described the books they chose and why.');
    expect(withNote).toContain('Mrs Rhian Davies (deputy head)');
    expect(pageText((await head.get(`${page}?lang=cy`)).body)).toContain('Gwrando ar ddysgwyr');

    // Making sense: findings by the team and the host, then the report.
    await move(facilitator, 'making_sense');
    const finding = await reviewer.post(
      `${page}/findings/new`,
      { kind: 'strength', text: 'Learners talk with enthusiasm about choosing books.' },
      { tokenFrom: `${page}/findings/new` },
    );
    expect(finding.statusCode).toBe(303);
    const question = await leader.post(
      `${page}/findings/new`,
      { kind: 'question', text: 'How do learners know what to improve next?' },
      { tokenFrom: `${page}/findings/new` },
    );
    expect(question.statusCode).toBe(303);
    expect(pageText((await head.get(`${page}?lang=cy`)).body)).toContain("Cwestiwn i'r ysgol letyol");
    const emptyDraft = await facilitator.post(
      `${page}/state`,
      { to: 'report_drafted', version: String((await enquiryRow(id)).version) },
      { tokenFrom: page },
    );
    expect(emptyDraft.statusCode).toBe(400);
    expect(pageText(emptyDraft.body)).toContain('Write the report before marking it drafted');
    const report = 'Learners enjoy reading and talk about choosing books. They are less sure how to improve.';
    const saved = await facilitator.post(
      `${page}/report`,
      { report, version: String((await enquiryRow(id)).version) },
      { tokenFrom: `${page}/report` },
    );
    expect(saved.statusCode).toBe(303);
    await move(facilitator, 'report_drafted');
    expect(pageText((await reviewer.get(page)).body)).toContain(report);

    // A leader sends it back with a comment; it is drafted again; only the headteacher agrees it.
    const back = await leader.post(
      `${page}/send-back`,
      { reason: 'Say more about what learners said.', version: String((await enquiryRow(id)).version) },
      { tokenFrom: `${page}/send-back` },
    );
    expect(back.statusCode).toBe(303);
    expect((await enquiryRow(id)).state).toBe('making_sense');
    expect(pageText((await head.get(page)).body)).toContain('Say more about what learners said.');
    await move(leader, 'report_drafted');
    const leaderAgrees = await leader.post(
      `${page}/state`,
      { to: 'report_agreed', version: String((await enquiryRow(id)).version) },
      { tokenFrom: page },
    );
    expect(leaderAgrees.statusCode).toBe(403);
    await move(head, 'report_agreed');

    // The agreed report is first-hand evidence from beyond the school in the host's cycle.
    row = await enquiryRow(id);
    expect(row.evidenceId).toBeTruthy();
    const [item] = await db.select().from(evidence).where(eq(evidence.id, row.evidenceId!));
    expect(item).toMatchObject({
      schoolNumber: w.host.number,
      cycleId: w.cycle.id,
      source: 'peer_enquiry',
      firstHand: true,
      fromBeyond: true,
      curated: true,
      body: report,
      title: 'Peer enquiry: How well do our learners talk about their progress in reading?',
    });
    expect(item!.nifThemes).toEqual(['curriculum_teaching', 'wellbeing_equity']);
    expect(await auditEntries(db, 'evidence-create', item!.id)).toHaveLength(1);
    const stateEntries = await auditEntries(db, 'enquiry-state', id);
    expect(stateEntries.at(-1)!.before).toMatchObject({ state: 'report_drafted' });
    expect(stateEntries.at(-1)!.after).toMatchObject({ state: 'report_agreed', evidenceId: item!.id });
    expect((await head.get(page)).body).toContain(`/schools/${w.host.number}/evidence/${item!.id}`);

    // Follow-up support becomes an action in the host's plan.
    await move(leader, 'follow_up');
    const missing = await leader.post(
      `${page}/follow-ups/new`,
      { description: '', supportingSchool: w.partner.number, priorityId: w.priority.id, owner: '' },
      { tokenFrom: `${page}/follow-ups/new` },
    );
    expect(missing.statusCode).toBe(400);
    expect(pageText(missing.body)).toContain('Enter what support will be given');
    const followUp = await leader.post(
      `${page}/follow-ups/new`,
      {
        description: 'Ysgol Bro Dulais shares its reading conferences',
        supportingSchool: w.partner.number,
        priorityId: w.priority.id,
        owner: 'Reading lead',
        'dueOn-day': '1',
        'dueOn-month': '7',
        'dueOn-year': '2026',
      },
      { tokenFrom: `${page}/follow-ups/new` },
    );
    expect(followUp.statusCode, followUp.body.slice(0, 300)).toBe(303);
    const [saved2] = await db.select().from(enquiryFollowUps).where(eq(enquiryFollowUps.enquiryId, id));
    const [action] = await db.select().from(planActions).where(eq(planActions.id, saved2!.planActionId!));
    expect(action).toMatchObject({
      priorityId: w.priority.id,
      supportFrom: 'collaborative',
      supportDetail: 'Peer enquiry follow-up with Ysgol Bro Dulais',
      owner: 'Reading lead',
      dueOn: '2026-07-01',
    });
    expect(await auditEntries(db, 'plan-action-create', action!.id)).toHaveLength(1);
    expect(await auditEntries(db, 'enquiry-follow-up-create', saved2!.id)).toHaveLength(1);
    // The support it asks becomes a request the enquiry's collaborative brokers (issue 15).
    const [link] = await db.select().from(planActionSupport).where(eq(planActionSupport.actionId, action!.id));
    const [asked] = await db.select().from(supportRequests).where(eq(supportRequests.id, link!.requestId));
    expect(asked).toMatchObject({
      priorityId: w.priority.id,
      status: 'open',
      brokerCollaborativeId: (await enquiryRow(id)).collaborativeId,
    });
    expect((await leader.get(page)).body).toContain(`/schools/${w.host.number}/plan/actions/${action!.id}/edit`);

    // Closed: the reviewer's access to the pack ends; their notes remain, as do the host's.
    await move(facilitator, 'closed');
    expect((await enquiryRow(id)).closedAt).toBeTruthy();
    const ended = await reviewer.get(`${page}/pack`);
    expect(ended.statusCode).toBe(403);
    expect(pageText(ended.body)).toContain('your access to its pack has ended too');
    const reviewerPage = pageText((await reviewer.get(page)).body);
    expect(reviewerPage).toContain('Year 4 learners described the books they chose and why.');
    expect(reviewerPage).not.toContain(report);
    expect(pageText((await reviewer.get(`${page}/pack?lang=cy`)).body)).toContain(
      'mae eich mynediad at ei becyn wedi dod i ben',
    );
    expect((await head.get(`${page}/pack`)).statusCode).toBe(200);
    expect(pageText((await head.get(page)).body)).toContain(report);
    const welsh = pageText((await head.get(`${page}?lang=cy`)).body);
    expect(welsh).toContain('Wedi cau');
    expect(welsh).toContain('Ymholiad cymheiriaid a gynhelir gan Ysgol Gynradd y Wern');
    // Nothing moves a closed enquiry.
    const reopen = await head.post(
      `${page}/cancel`,
      { reason: 'Too late', version: String((await enquiryRow(id)).version) },
      { tokenFrom: page },
    );
    expect(reopen.statusCode).toBe(403);
    const states = (await auditEntries(db, 'enquiry-state', id)).map((e) => (e.after as { state: string }).state);
    expect(states).toEqual([
      'preparing',
      'on_site',
      'making_sense',
      'report_drafted',
      'making_sense',
      'report_drafted',
      'report_agreed',
      'follow_up',
      'closed',
    ]);
    const grades = (
      (await db.execute(sql`select count(*)::int as n from enquiry_findings where enquiry_id = ${id}`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n;
    expect(grades).toBe(2);
  });
});
