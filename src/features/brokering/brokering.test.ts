import { eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/support/audit-helpers.ts';
import { buildCollaborative, makeLead } from '../../../test/support/collaboration-factories.ts';
import { buildUser, sessionCookie, type TestUser } from '../../../test/support/factories.ts';
import { pageText, visibleText, Visitor } from '../../../test/support/http.ts';
import { buildCycle, buildEvidence, buildPriority } from '../../../test/support/plan-factories.ts';
import { buildSchool } from '../../../test/support/school-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  caseStudies,
  concernCases,
  findingEvidence,
  findings,
  schoolProfiles,
  schools,
  supportAgreements,
  supportOffers,
  supportRequests,
} from '../../db/schema/index.ts';

let t: TestApp;
const A = '672';
const B = '670';
type School = Awaited<ReturnType<typeof buildSchool>>;
let requester: School, near: School, far: School, concern: School, offTopic: School, stranger: School;
let headR: TestUser,
  leaderR: TestUser,
  practitionerR: TestUser,
  headNear: TestUser,
  leaderNear: TestUser,
  officerA: TestUser,
  partnerA: TestUser,
  officerB: TestUser,
  headStranger: TestUser,
  lead: TestUser;
let priorityId: string, draftPriorityId: string, strengthId: string, collaborativeId: string;
const db = () => t.database.db;
const as = async (user: { id: string }) => new Visitor(t.app).withCookie(await sessionCookie(db(), user.id));
const today = new Date().toISOString().slice(0, 10);
const [year, month, day] = today.split('-').map(Number) as [number, number, number];

async function school(laCode: string, name: string, facts: Partial<typeof schools.$inferInsert>) {
  const s = await buildSchool(db(), { laCode, name });
  if (Object.keys(facts).length) await db().update(schools).set(facts).where(eq(schools.number, s.number));
  return s;
}

/** A strength of this year's cycle, resting on `evidenceCount` items, offered with the given theme. */
async function strength(s: School, title: string, evidenceCount: number, theme = 'curriculum_teaching', offer = true) {
  const cycle = await buildCycle(db(), s.number);
  const [finding] = await db()
    .insert(findings)
    .values({
      schoolNumber: s.number,
      cycleId: cycle.id,
      kind: 'strength',
      title,
      body: `${title}: the detail`,
      nifTheme: theme,
    })
    .returning();
  for (let i = 0; i < evidenceCount; i++) {
    const item = await buildEvidence(db(), cycle, {
      title: `Private evidence ${title} ${i}`,
      areas: ['mathematics_numeracy'],
    });
    await db().insert(findingEvidence).values({ findingId: finding!.id, evidenceId: item.id });
  }
  if (offer)
    await db()
      .insert(supportOffers)
      .values({ schoolNumber: s.number, findingId: finding!.id, title: `Offer: ${title}`, nifTheme: theme });
  return { cycle, finding: finding! };
}

beforeAll(async () => {
  t = await createTestApp();
  requester = await school(A, 'Requesting Primary', { pupils: 300, wmCode: 'EM' });
  near = await school(A, 'Nearby Primary', { pupils: 320, wmCode: 'EM' });
  far = await school(B, 'Faraway High', { sector: 'secondary', pupils: 1100, wmCode: 'WM' });
  concern = await school(A, 'Concern Primary', { pupils: 300, wmCode: 'EM' });
  offTopic = await school(A, 'Offtopic Primary', { pupils: 300 });
  stranger = await school(B, 'Stranger Primary', {});
  await db()
    .insert(schoolProfiles)
    .values([
      { schoolNumber: requester.number, efsmThreeYear: '18.2' },
      { schoolNumber: near.number, efsmThreeYear: '21.0', context: 'A community school' },
    ]);
  // Nearby's strength is not offered yet: its headteacher offers it below.
  strengthId = (await strength(near, 'Reasoning in mathematics', 2, 'curriculum_teaching', false)).finding.id;
  await strength(far, 'Numeracy across the curriculum', 0);
  await strength(concern, 'Reasoning at Concern', 5);
  await strength(offTopic, 'Wellbeing at lunchtime', 5, 'wellbeing_equity');
  await db().insert(concernCases).values({
    schoolNumber: concern.number,
    laCode: A,
    source: 'la_intelligence',
    summary: 'Private',
    openedOn: today,
  });
  const cycle = await buildCycle(db(), requester.number);
  priorityId = (await buildPriority(db(), cycle, { title: 'Secret priority title', nationalPriorities: [] })).id;
  draftPriorityId = (await buildPriority(db(), cycle, { title: 'Draft one', state: 'draft' })).id;
  collaborativeId = (await buildCollaborative(db(), { laCode: A, members: [requester, near] })).id;
  [headR, leaderR, practitionerR, headNear, leaderNear] = [
    await buildUser(db(), { role: 'headteacher', scopeId: requester.number }),
    await buildUser(db(), { role: 'school_leader', scopeId: requester.number }),
    await buildUser(db(), { role: 'practitioner', scopeId: requester.number }),
    await buildUser(db(), { role: 'headteacher', scopeId: near.number }),
    await buildUser(db(), { role: 'school_leader', scopeId: near.number }),
  ];
  officerA = await buildUser(db(), { role: 'la_officer', scopeId: A });
  partnerA = await buildUser(db(), { role: 'improvement_partner', scopeId: A });
  officerB = await buildUser(db(), { role: 'la_officer', scopeId: B });
  headStranger = await buildUser(db(), { role: 'headteacher', scopeId: stranger.number });
  lead = await buildUser(db());
  await makeLead(db(), collaborativeId, lead);
});
afterAll(() => t.close());

const support = (s: School) => `/schools/${s.number}/support`;
const laPage = `/local-authorities/${A}/brokering`;

describe('the school profile', () => {
  const url = () => `/schools/${requester.number}/profile`;

  it('is read by staff and edited by leaders, with translated errors and nothing saved on a mistake', async () => {
    const practitioner = await as(practitionerR);
    const read = await practitioner.get(url());
    expect(read.statusCode).toBe(200);
    expect(pageText(read.body)).toContain('18.2%');
    expect(read.body).not.toContain('name="efsmThreeYear"');
    expect((await practitioner.post(url(), { efsmThreeYear: '20' }, { tokenFrom: url() })).statusCode).toBe(403);
    const leader = await as(leaderR);
    const form = await leader.get(url());
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const bad = await leader.post(
      url(),
      { efsmThreeYear: '101', alnPercent: '12.55', ealPercent: 'four', context: 'x', version },
      { tokenFrom: url() },
    );
    expect(bad.statusCode).toBe(400);
    const text = pageText(bad.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Enter the eFSM figure as a percentage from 0 to 100');
    expect(text).toContain('Enter the ALN figure');
    expect(bad.body).toContain('value="101"');
    const cy = await leader.post(`${url()}?lang=cy`, { efsmThreeYear: '101', version }, { tokenFrom: url() });
    expect(pageText(cy.body)).toContain('Rhowch y ffigur eFSM fel canran');
    expect(
      (await db().select().from(schoolProfiles).where(eq(schoolProfiles.schoolNumber, requester.number)))[0]!
        .efsmThreeYear,
    ).toBe('18.2');
  });

  it('saves, audits, and refuses a stale version with both versions shown', async () => {
    const leader = await as(leaderR);
    const version = /name="version" value="(\d+)"/.exec((await leader.get(url())).body)![1]!;
    const saved = await leader.post(
      url(),
      {
        efsmThreeYear: '18.2',
        alnPercent: '12.5',
        ealPercent: '4',
        context: 'An urban primary',
        language: 'en',
        version,
      },
      { tokenFrom: url() },
    );
    expect(saved.statusCode).toBe(303);
    const [row] = await db().select().from(schoolProfiles).where(eq(schoolProfiles.schoolNumber, requester.number));
    expect([row!.alnPercent, row!.ealPercent, row!.context]).toEqual(['12.5', '4.0', 'An urban primary']);
    expect(await auditEntries(db(), 'school-profile-update', requester.number)).toHaveLength(1);
    const stale = await leader.post(url(), { efsmThreeYear: '19', version }, { tokenFrom: url() });
    expect(stale.statusCode).toBe(409);
    expect(pageText(stale.body)).toContain('Someone else saved changes');
    expect(pageText(stale.body)).toContain('An urban primary');
  });

  it('is not for governors, the LA or other schools', async () => {
    expect((await (await as(officerA)).get(url())).statusCode).toBe(403);
    expect((await (await as(headStranger)).get(url())).statusCode).toBe(404);
  });
});

describe('offering a strength', () => {
  it('is the headteacher’s deliberate act, pre-filled from the finding and audited', async () => {
    expect((await (await as(leaderNear)).get(`${support(near)}/offers/new`)).statusCode).toBe(403);
    const head = await as(headNear);
    const choose = await head.get(`${support(near)}/offers/new`);
    expect(pageText(choose.body)).toContain('Reasoning in mathematics');
    expect(pageText(choose.body)).toContain('Backed by 2 pieces of evidence');
    const form = await head.get(`${support(near)}/offers/new?finding=${strengthId}`);
    expect(form.body).toContain('value="Reasoning in mathematics"');
    expect(form.body).toMatch(/value="mathematics_numeracy" checked/);
    const bad = await head.post(
      `${support(near)}/offers`,
      { findingId: strengthId, title: '', nifTheme: 'curriculum_teaching' },
      { tokenFrom: `${support(near)}/offers/new?finding=${strengthId}` },
    );
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Enter a title for the offer');
    const ok = await head.post(
      `${support(near)}/offers`,
      {
        findingId: strengthId,
        title: 'Reasoning in maths, Years 3 and 4',
        description: 'Visits and coaching',
        nifTheme: 'curriculum_teaching',
        areas: 'mathematics_numeracy',
        language: 'en',
      },
      { tokenFrom: `${support(near)}/offers/new?finding=${strengthId}` },
    );
    expect(ok.statusCode).toBe(303);
    const [offer] = await db().select().from(supportOffers).where(eq(supportOffers.schoolNumber, near.number));
    expect(offer).toMatchObject({ findingId: strengthId, status: 'active', areas: ['mathematics_numeracy'] });
    expect(await auditEntries(db(), 'support-offer-create', offer!.id)).toHaveLength(1);
    const page = pageText((await head.get(support(near))).body);
    expect(page).toContain('Reasoning in maths, Years 3 and 4');
    // Counted for this offer's finding only, not every link in the table.
    expect(page).toContain('Backed by 2 pieces of evidence');
  });

  it('refuses a finding of another school', async () => {
    const { finding } = await strength(stranger, 'Not yours', 0, 'curriculum_teaching', false);
    const head = await as(headNear);
    const response = await head.post(
      `${support(near)}/offers`,
      { findingId: finding.id, title: 'Stolen', nifTheme: 'curriculum_teaching' },
      { tokenFrom: `${support(near)}/offers/new` },
    );
    expect(response.statusCode).toBe(400);
    expect(pageText(response.body)).toContain("Choose a strength from this year's findings");
  });
});

describe('asking for support with a priority', () => {
  const url = () => `/schools/${requester.number}/priorities/${priorityId}/support-request`;

  it('is linked from the priority page for leaders only', async () => {
    const priorityPage = `/schools/${requester.number}/priorities/${priorityId}`;
    expect((await (await as(leaderR)).get(priorityPage)).body).toContain(url());
    expect((await (await as(practitionerR)).get(priorityPage)).body).not.toContain(url());
  });

  it('refuses practitioners, other schools, and priorities not yet agreed', async () => {
    expect((await (await as(practitionerR)).get(url())).statusCode).toBe(403);
    expect((await (await as(headStranger)).get(url())).statusCode).toBe(404);
    expect(
      (await (await as(headR)).get(`/schools/${requester.number}/priorities/${draftPriorityId}/support-request`))
        .statusCode,
    ).toBe(404);
  });

  it('validates, then records an open request for the LA to broker, audited', async () => {
    const head = await as(headR);
    const form = await head.get(url());
    expect(pageText(form.body)).toContain('Our local authority');
    const bad = await head.post(url(), { need: '', broker: 'la' }, { tokenFrom: url() });
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Describe the support you need');
    const wrongBroker = await head.post(
      url(),
      { need: 'Help', broker: '00000000-0000-4000-8000-000000000000' },
      { tokenFrom: url() },
    );
    expect(pageText(wrongBroker.body)).toContain('Choose your local authority or one of your collaboratives');
    const cy = await head.post(`${url()}?lang=cy`, { need: '' }, { tokenFrom: url() });
    expect(pageText(cy.body)).toContain('Disgrifiwch y cymorth sydd ei angen arnoch');
    expect(await db().select().from(supportRequests)).toHaveLength(0);
    const ok = await head.post(
      url(),
      { need: 'We want to see reasoning taught well in Years 3 and 4', broker: 'la', language: 'en' },
      { tokenFrom: url() },
    );
    expect(ok.statusCode).toBe(303);
    const [request] = await db().select().from(supportRequests);
    expect(request).toMatchObject({
      schoolNumber: requester.number,
      priorityId,
      status: 'open',
      brokerCollaborativeId: null,
    });
    expect(await auditEntries(db(), 'support-request-create', request!.id)).toHaveLength(1);
    expect(pageText((await head.get(`${support(requester)}?lang=en`)).body)).toContain('Waiting for a match');
  });
});

let requestId: string;
describe('the LA’s brokering page', () => {
  beforeAll(async () => {
    requestId = (await db().select().from(supportRequests))[0]!.id;
  });

  it('suggests evidenced, similar schools first, with reasons, and never the requester, a school causing concern or an unrelated offer', async () => {
    const response = await (await as(officerA)).get(laPage);
    expect(response.statusCode).toBe(200);
    const text = pageText(response.body);
    expect(text).toContain('Requesting Primary');
    expect(text).toContain('We want to see reasoning taught well');
    expect(text).toContain('eFSM (3-year): 18.2%');
    expect(text.indexOf('Nearby Primary')).toBeLessThan(text.indexOf('Faraway High'));
    expect(text).toContain('Similar 3-year eFSM: 21.0% (yours 18.2%)');
    expect(text).toContain('The strength is backed by 2 pieces of evidence');
    expect(text).toContain('Same phase: Primary');
    expect(text).toContain('Similar size: 320 learners (yours 300)');
    expect(text).toContain('In a collaborative with you');
    expect(text).toContain('Offers a strength in the same theme');
    for (const hidden of ['Concern Primary', 'Offtopic Primary', 'Secret priority title', 'Private evidence'])
      expect(text).not.toContain(hidden);
  });

  it('links a suggested school’s published case studies on the theme, and never its drafts', async () => {
    await db()
      .insert(caseStudies)
      .values([
        {
          schoolNumber: near.number,
          title: 'Talking maths: reasoning aloud in Years 3 and 4',
          nifThemes: ['curriculum_teaching'],
          status: 'published',
          publishedAt: new Date(),
        },
        {
          schoolNumber: near.number,
          title: 'Unfinished draft on reasoning',
          nifThemes: ['curriculum_teaching'],
          status: 'draft',
        },
        {
          schoolNumber: near.number,
          title: 'Nurture at lunchtime',
          nifThemes: ['wellbeing_equity'],
          status: 'published',
          publishedAt: new Date(),
        },
      ]);
    const response = await (await as(officerA)).get(laPage);
    const text = pageText(response.body);
    expect(text).toMatch(
      /Their published case studies on this theme:\s*<a class="govuk-link" href="\/good-practice\/[0-9a-f-]{36}" lang="en">Talking maths: reasoning aloud in Years 3 and 4<\/a>/,
    );
    expect(text).not.toContain('Unfinished draft on reasoning');
    expect(text).not.toContain('Nurture at lunchtime');
  });

  it('speaks Welsh', async () => {
    const text = pageText((await (await as(partnerA)).get(`${laPage}?lang=cy`)).body);
    expect(text).toContain('Brocera cymorth rhwng ysgolion');
    expect(text).toContain('eFSM 3 blynedd tebyg: 21.0% (eich ysgol chi 18.2%)');
    expect(text).toContain('Awgrymwyd oherwydd:');
  });

  it('is a 404 to another LA and refused to school staff', async () => {
    expect((await (await as(officerB)).get(laPage)).statusCode).toBe(404);
    expect((await (await as(officerB)).get(`${laPage}/${requestId}/agree`)).statusCode).toBe(404);
    expect((await (await as(headR)).get(laPage)).statusCode).toBe(403);
    expect((await (await as(officerA)).get(`/local-authorities/${B}/brokering`)).statusCode).toBe(404);
  });
});

describe('agreeing a match', () => {
  const url = () => `${laPage}/${requestId}/agree`;
  const dates = {
    'startsOn-day': String(day),
    'startsOn-month': String(month),
    'startsOn-year': String(year),
    'endsOn-day': String(day),
    'endsOn-month': String(month),
    'endsOn-year': String(year),
  };

  it('validates what was agreed and who gives it', async () => {
    const officer = await as(officerA);
    const form = await officer.get(url());
    expect(form.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const bad = await officer.post(
      url(),
      { version, days: 'two', cost: '£4.555', 'endsOn-day': '40', 'endsOn-month': '1', 'endsOn-year': '2026' },
      { tokenFrom: url() },
    );
    expect(bad.statusCode).toBe(400);
    const text = pageText(bad.body);
    for (const message of [
      'Choose the school that will give the support',
      'Describe the support that has been agreed',
      'Enter the days as a number',
      'Enter the cost in pounds',
      'Enter a real date',
    ])
      expect(text).toContain(message);
    const self = await officer.post(
      url(),
      { version, supporter: 'other', otherSchool: requester.number, what: 'Self help' },
      { tokenFrom: url() },
    );
    expect(self.statusCode).toBe(400);
    const withConcern = await officer.post(
      url(),
      { version, supporter: 'other', otherSchool: concern.number, what: 'Help' },
      { tokenFrom: url() },
    );
    expect(pageText(withConcern.body)).toContain(
      'Enter the number of an open school other than the one asking for support',
    );
    expect(await db().select().from(supportAgreements)).toHaveLength(0);
  });

  it('records who, what, days and cost with the reasons, and matches the request', async () => {
    const officer = await as(officerA);
    const version = /name="version" value="(\d+)"/.exec((await officer.get(url())).body)![1]!;
    const ok = await officer.post(
      url(),
      {
        version,
        supporter: near.number,
        what: 'Two lesson visits and three coaching sessions',
        days: '2.5',
        cost: '£450.50',
        language: 'en',
        ...dates,
      },
      { tokenFrom: url() },
    );
    expect(ok.statusCode).toBe(303);
    const [agreement] = await db().select().from(supportAgreements);
    expect(agreement).toMatchObject({
      supportingSchoolNumber: near.number,
      days: '2.5',
      costPence: 45050,
      startsOn: today,
      agreedBy: officerA.id,
      status: 'agreed',
    });
    expect(agreement!.reasons.map((r) => JSON.parse(r).code)).toContain('efsm_close');
    expect((await db().select().from(supportRequests).where(eq(supportRequests.id, requestId)))[0]!.status).toBe(
      'matched',
    );
    expect(await auditEntries(db(), 'support-agreement-create', agreement!.id)).toHaveLength(1);
    const list = pageText((await officer.get(laPage)).body);
    expect(list).toContain('Two lesson visits and three coaching sessions');
    expect(list).toContain('There are no requests waiting for a match.');
    // A second broker working from the same form is told it has already been matched.
    const again = await officer.post(url(), { version, supporter: far.number, what: 'Also' }, { tokenFrom: laPage });
    expect(again.statusCode).toBe(409);
    expect(await db().select().from(supportAgreements)).toHaveLength(1);
  });

  it('shows both schools the agreement, and no other school', async () => {
    const received = pageText((await (await as(practitionerR)).get(support(requester))).body);
    expect(received).toContain('Support agreed');
    expect(received).toContain('Nearby Primary');
    expect(received).toContain('Two lesson visits and three coaching sessions');
    expect(received).toContain('£450.50');
    const given = pageText((await (await as(leaderNear)).get(support(near))).body);
    expect(given).toContain('Support we give');
    expect(given).toContain('Requesting Primary');
    expect(given).toContain('We want to see reasoning taught well');
    expect(given).not.toContain('Secret priority title');
    const cy = pageText((await (await as(headNear)).get(`${support(near)}?lang=cy`)).body);
    expect(cy).toContain('Cymorth rydym yn ei roi');
    expect((await (await as(headStranger)).get(support(requester))).statusCode).toBe(404);
  });

  it('lists it in the support log of both schools, in both languages', async () => {
    const received = pageText(
      (await (await as(headR)).get(`/schools/${requester.number}/outputs/support-log?lang=en`)).body,
    );
    expect(received).toContain('Support received through brokering');
    expect(received).toContain('Nearby Primary');
    expect(received).toContain('Two lesson visits and three coaching sessions');
    const given = pageText(
      (await (await as(headNear)).get(`/schools/${near.number}/outputs/support-log?lang=cy`)).body,
    );
    expect(given).toContain('Cymorth a roddwyd drwy frocera');
    expect(given).toContain('Requesting Primary');
    const head = await as(headNear);
    const cookie = Object.entries(head.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const docx = await t.app.inject({
      url: `/schools/${near.number}/outputs/support-log.docx?language=en`,
      headers: { cookie },
    });
    const words = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(words).toContain('Support given through brokering');
    expect(words).toContain('Two lesson visits and three coaching sessions');
    expect(words).toContain('£450.50');
  });
});

describe('recording the impact', () => {
  let agreementId: string;
  const url = () => `${support(requester)}/agreements/${agreementId}/impact`;
  beforeAll(async () => {
    agreementId = (await db().select().from(supportAgreements))[0]!.id;
  });

  it('is for the requesting school’s leaders only', async () => {
    expect((await (await as(practitionerR)).get(url())).statusCode).toBe(403);
    expect((await (await as(headNear)).get(`${support(near)}/agreements/${agreementId}/impact`)).statusCode).toBe(404);
  });

  it('closes the request, and the supporting school sees it', async () => {
    const leader = await as(leaderR);
    const version = /name="version" value="(\d+)"/.exec((await leader.get(url())).body)![1]!;
    const bad = await leader.post(url(), { impact: ' ', version }, { tokenFrom: url() });
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Describe the difference the support made');
    const ok = await leader.post(
      url(),
      { impact: 'Most learners now explain their reasoning in writing.', language: 'en', version },
      { tokenFrom: url() },
    );
    expect(ok.statusCode).toBe(303);
    expect((await db().select().from(supportRequests).where(eq(supportRequests.id, requestId)))[0]!.status).toBe(
      'closed',
    );
    expect((await db().select().from(supportAgreements))[0]).toMatchObject({
      status: 'completed',
      impact: 'Most learners now explain their reasoning in writing.',
    });
    expect(await auditEntries(db(), 'support-impact-record', agreementId)).toHaveLength(1);
    expect(pageText((await (await as(headNear)).get(support(near))).body)).toContain(
      'Most learners now explain their reasoning in writing.',
    );
    const stale = await leader.post(url(), { impact: 'Changed', version }, { tokenFrom: url() });
    expect(stale.statusCode).toBe(409);
  });
});

describe('brokering by a collaborative, and withdrawing', () => {
  it('shows the collaborative’s convenors its requests, not the LA, and lets the school withdraw', async () => {
    const head = await as(headR);
    const url = `/schools/${requester.number}/priorities/${priorityId}/support-request`;
    expect(pageText((await head.get(url)).body)).toContain('Test cluster');
    expect(
      (
        await head.post(
          url,
          { need: 'Help with numeracy from the cluster', broker: collaborativeId },
          { tokenFrom: url },
        )
      ).statusCode,
    ).toBe(303);
    const page = `/collaboratives/${collaborativeId}/brokering`;
    const text = pageText((await (await as(lead)).get(page)).body);
    expect(text).toContain('Help with numeracy from the cluster');
    expect(text).toContain('Nearby Primary');
    const officer = await as(officerA);
    const laText = visibleText((await officer.get(laPage)).body);
    expect(laText).not.toContain('Help with numeracy from the cluster');
    // The LA still sees that the school waits, and who brokers it, as its overview counts it.
    expect(laText).toContain('1 request a collaborative brokers');
    expect(laText).toContain(`${requester.name} (${requester.number}): Test cluster`);
    expect(visibleText((await officer.get(`${laPage}?lang=cy`)).body)).toContain(
      '1 cais y mae grŵp cydweithredol yn ei frocera',
    );
    const overview = visibleText((await officer.get(laPage.replace('/brokering', '/overview'))).body);
    expect(overview).toContain('Help with numeracy from the cluster');
    expect(overview).toContain('Yn aros am baru, yn cael ei brocera gan Clwstwr prawf 1');
    expect(overview).not.toContain('Secret priority title');
    expect(visibleText((await officer.get(laPage.replace('/brokering', '/overview?lang=en'))).body)).toContain(
      'Waiting for a match, brokered by Test cluster',
    );
    expect((await head.get(page)).statusCode).toBe(403);
    expect((await (await as(headStranger)).get(page)).statusCode).toBe(404);
    const [request] = await db()
      .select()
      .from(supportRequests)
      .where(eq(supportRequests.brokerCollaborativeId, collaborativeId));
    expect((await (await as(officerA)).get(`${laPage}/${request!.id}/agree`)).statusCode).toBe(404);
    const withdrawn = await head.post(
      `${support(requester)}/requests/${request!.id}/withdraw`,
      { version: String(request!.version) },
      { tokenFrom: support(requester) },
    );
    expect(withdrawn.headers.location).toContain('done=request-withdrawn');
    expect((await db().select().from(supportRequests).where(eq(supportRequests.id, request!.id)))[0]!.status).toBe(
      'withdrawn',
    );
    expect(pageText((await (await as(lead)).get(page)).body)).not.toContain('Help with numeracy from the cluster');
  });

  it('lets the school’s leaders withdraw an offer, audited, and nobody else', async () => {
    const [offer] = await db().select().from(supportOffers).where(eq(supportOffers.schoolNumber, near.number));
    expect(
      (
        await (
          await as(headStranger)
        ).post(`${support(near)}/offers/${offer!.id}/withdraw`, { version: '1' }, { tokenFrom: support(stranger) })
      ).statusCode,
    ).toBe(404);
    const leader = await as(leaderNear);
    await leader.post(
      `${support(near)}/offers/${offer!.id}/withdraw`,
      { version: String(offer!.version) },
      { tokenFrom: support(near) },
    );
    expect((await db().select().from(supportOffers).where(eq(supportOffers.id, offer!.id)))[0]!.status).toBe(
      'withdrawn',
    );
    expect(await auditEntries(db(), 'support-offer-withdraw', offer!.id)).toHaveLength(1);
  });
});
